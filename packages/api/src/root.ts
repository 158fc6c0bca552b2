import { createCallerFactory, router } from "./trpc";
import { apiKeysRouter } from "./routers/api-keys";
import { catalogRouter } from "./routers/catalog";
import { credentialsRouter } from "./routers/credentials";
import { flowsRouter } from "./routers/flows";
import { insightsRouter } from "./routers/insights";
import { meRouter } from "./routers/me";
import { runsRouter } from "./routers/runs";
import { sharesRouter } from "./routers/shares";
import { workspacesRouter } from "./routers/workspaces";

export const appRouter = router({
  me: meRouter,
  flows: flowsRouter,
  runs: runsRouter,
  catalog: catalogRouter,
  credentials: credentialsRouter,
  apiKeys: apiKeysRouter,
  workspaces: workspacesRouter,
  shares: sharesRouter,
  insights: insightsRouter,
});

/** The API's type, imported (types only) by the web app. */
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
