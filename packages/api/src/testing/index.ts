/** Test support other packages' tests share (`@switchyard/api/testing`); never imported by the app. */
export { hostileJson, hostileVariants, HOSTILE_DEPTH, HUGE_CHARS, type HostileKind, type HostileVariant } from "./hostile-payloads";
export { procedureInputs, type CallTargets } from "./procedure-inputs";
