import type { TestApi, TestUser } from "./harness";

/** The people most router tests need: Ada, her viewer Vic, and Grace, who is in none of Ada's workspaces. */
export interface Cast {
  ada: TestUser;
  grace: TestUser;
  viewer: TestUser;
}

export async function createCast(t: TestApi): Promise<Cast> {
  const ada = await t.user("Ada");
  const grace = await t.user("Grace");
  const viewer = await t.user("Vic");
  await t.join(viewer, ada.workspaceId, "viewer");
  return { ada, grace, viewer };
}
