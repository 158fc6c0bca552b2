// What workers need from the API package, without loading the routers, tRPC and auth (seconds of
// start-up on a worker thread that serves no requests).
export { CredentialVault, keyHint } from "./services/credential-vault";
export { workspaceKeys, CREDENTIALS_CHANGED_CHANNEL } from "./services/workspace-keys";
export { subflowForRun, type RunStarter } from "./flows/subflow-access";
