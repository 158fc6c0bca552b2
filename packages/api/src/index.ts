export { appRouter, createCaller, type AppRouter } from "./root";
export { createContextInner, type Context, type SessionUser } from "./context";
export type { ApiServices, RunEventSource, ProviderServices, ModelCatalogGroup } from "./services/api-services";
export { CredentialVault, keyHint } from "./services/credential-vault";
export { workspaceKeys } from "./services/workspace-keys";
export { startRun, type StartRunRequest } from "./runs/start-run";
export { subflowForRun, subflowRefs, type RunStarter } from "./flows/subflow-access";
export { subflowProblems } from "./flows/subflow-save";
export { apiKeyGrant, verifyApiKey, generateApiKey, type ApiKeyPrincipal } from "./auth/api-keys";
export { ApiKeyCache } from "./auth/api-key-cache";
export { assertStorable, MAX_INPUT_DEPTH } from "./input/storable-input";
export { errorLine } from "./errors/error-line";
export { requireFlowRole, requireRunRole, requireWorkspaceRole, atLeast, type Role } from "./access";
export { eventsWhileAllowed, endWhileAllowed, ACCESS_RECHECK_MS } from "./runs/events-while-allowed";
export {
  accessChangesOver,
  inProcessAccessChanges,
  apiKeyPrincipal,
  userPrincipal,
  ACCESS_CHANGED_CHANNEL,
  type AccessChanges,
  type AccessChangeTransport,
  type Principal,
} from "./services/access-changes";
export { PgRateLimitStore, type PgRateLimitStoreOptions } from "./services/pg-rate-limiter";
export { defaultRateLimits, retryAfterText, DEFAULT_RATE_LIMITS, type RateLimiter, type RateLimits, type RateDecision } from "./services/rate-limiter";
export { createAuth, CLIENT_IP_HEADER, type Auth, type AuthOptions } from "./auth/auth";
export { ensurePersonalWorkspace } from "./auth/personal-workspace";
