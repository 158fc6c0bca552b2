import { beforeAll, describe, expect, it } from "vitest";
import { ACCESS_RECHECK_MS } from "../src/runs/events-while-allowed";
import { appendRunEvents } from "@switchyard/runs";
import { askFlow } from "./support/flows";
import { expectTrpcError, useTestApi } from "./support/harness";
import { GOOD_KEY } from "./support/services";
import { completedRunEvents, createTeam, snapshot, type Team } from "./support/team";
import { read, until } from "./support/streams";

const t = useTestApi();
let team: Team;

beforeAll(async () => {
  team = await createTeam(t, "Analytics");
});

const nameOf = async (workspaceId: string) =>
  (await t.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).name;

describe("workspaces.rename", () => {
  it("renames, trimmed; members see the new name and the audit log keeps the old one", async () => {
    const ws = team.workspaceId;
    expect(
      await team.owner.api.workspaces.rename({ workspaceId: ws, name: "  Insights  " }),
    ).toEqual({ id: ws, name: "Insights" });
    expect((await team.viewer.api.me.get()).workspaces).toContainEqual({
      id: ws,
      name: "Insights",
      personal: false,
      role: "viewer",
    });
    // The same name again is no change, and no entry.
    await team.owner.api.workspaces.rename({ workspaceId: ws, name: "Insights" });
    const { entries } = await team.owner.api.workspaces.audit({ workspaceId: ws, limit: 2 });
    expect(entries.map((e) => [e.action, e.actor?.id, e.details])).toEqual([
      ["workspace.renamed", team.owner.id, { from: "Analytics", to: "Insights" }],
      ["workspace.created", team.owner.id, { name: "Analytics" }],
    ]);
    await team.owner.api.workspaces.rename({ workspaceId: ws, name: "Analytics" });
  });

  it("renames a personal workspace too", async () => {
    const ada = await t.user("Ada");
    await ada.api.workspaces.rename({ workspaceId: ada.workspaceId, name: "Ada's lab" });
    expect(await nameOf(ada.workspaceId)).toBe("Ada's lab");
  });

  it("refuses an empty or overlong name, and anyone but an owner, changing nothing", async () => {
    const before = await snapshot(t);
    const ws = { workspaceId: team.workspaceId };
    await expectTrpcError(
      team.owner.api.workspaces.rename({ ...ws, name: "   " }),
      "BAD_REQUEST",
      /A workspace needs a name/,
    );
    await expectTrpcError(
      team.owner.api.workspaces.rename({ ...ws, name: "w".repeat(101) }),
      "BAD_REQUEST",
      /too_big/,
    );
    await expectTrpcError(
      team.editor.api.workspaces.rename({ ...ws, name: "Mine now" }),
      "FORBIDDEN",
      "This needs the owner role in this workspace; you are an editor.",
    );
    await expectTrpcError(
      team.other.api.workspaces.rename({ ...ws, name: "Mine now" }),
      "NOT_FOUND",
      "Workspace not found",
    );
    expect(await snapshot(t)).toBe(before);
  });
});

/** The tables that hold no workspace's data: people, sessions, rate-limit counters (by user, key or address) and the migration record. */
const NOT_WORKSPACE_DATA = ["_prisma_migrations", "account", "rate_limit_bucket", "session", "user", "verification"];

/** What belongs to a workspace, by id: taken before a delete, so the ids are still known after it. */
interface Scope {
  workspaceId: string;
  flows: string[];
  runs: string[];
}

async function scopeOf(workspaceId: string): Promise<Scope> {
  const flows = await t.db.flow.findMany({ where: { workspaceId }, select: { id: true } });
  const runs = await t.db.run.findMany({ where: { workspaceId }, select: { id: true } });
  return { workspaceId, flows: flows.map((f) => f.id), runs: runs.map((r) => r.id) };
}

/**
 * Per table, how many rows belong to the scope and a digest of them: rows with its workspace's id,
 * of its flows or of its runs. Every other table must be listed above, so none is forgotten.
 */
async function rowsIn(scope: Scope) {
  const columns = await t.db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, column_name`;
  const has = (table: string, column: string) =>
    columns.some((c) => c.table === table && c.column === column);
  const rows: Record<string, { n: number; digest: string }> = {};
  for (const table of new Set(columns.map((c) => c.table))) {
    const [where, ids] =
      table === "workspace"
        ? ["x.id = ANY($1)", [scope.workspaceId]]
        : has(table, "workspaceId")
          ? [`x."workspaceId" = ANY($1)`, [scope.workspaceId]]
          : has(table, "runId")
            ? [`x."runId" = ANY($1)`, scope.runs]
            : has(table, "flowId")
              ? [`x."flowId" = ANY($1)`, scope.flows]
              : [undefined, []];
    if (!where) {
      expect(NOT_WORKSPACE_DATA, `${table} is not checked`).toContain(table);
      continue;
    }
    const [row] = await t.db.$queryRawUnsafe<{ n: number; digest: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS digest FROM "${table}" x WHERE ${where}`,
      ids,
    );
    rows[table] = row!;
  }
  return rows;
}

const countsIn = async (scope: Scope) =>
  Object.fromEntries(Object.entries(await rowsIn(scope)).map(([table, { n }]) => [table, n]));

/** A team with something in every table: versions, runs (finished, queued, running), events, shares, keys… */
async function busyTeam(label: string) {
  const busy = await createTeam(t, label);
  const ws = { workspaceId: busy.workspaceId };
  await busy.owner.api.flows.update({ id: busy.flowId, document: askFlow("Ask v2") });
  const queuedRunId = await busy.queuedRun();
  const runningRunId = await busy.queuedRun();
  await appendRunEvents(t.sql, runningRunId, completedRunEvents(runningRunId).slice(0, 2), { unclaimed: true });
  // As a worker holds it.
  await t.db.run.update({
    where: { id: runningRunId },
    data: { status: "running", leaseOwner: "worker-1" },
  });
  const friend = await t.user("Fred");
  await busy.owner.api.shares.shareWithUser({
    flowId: busy.flowId,
    email: friend.email,
    role: "viewer",
  });
  await busy.owner.api.shares.createLink({ flowId: busy.flowId });
  await busy.owner.api.workspaces.invite({ ...ws, email: "invitee@example.com", role: "editor" });
  await busy.owner.api.credentials.set({ ...ws, provider: "openai", key: GOOD_KEY });
  await busy.owner.api.apiKeys.create({ ...ws, name: "CI" });
  await t.db.memoryTurn.create({
    data: { ...ws, sessionId: "s1", user: "hi", assistant: "hello" },
  });
  return { ...busy, friend, queuedRunId, runningRunId };
}

describe("workspaces.delete", () => {
  it("refuses a wrong name, a personal workspace and anyone but an owner, changing nothing", async () => {
    const before = await snapshot(t);
    const ws = { workspaceId: team.workspaceId };
    for (const confirmName of ["", "analytics", "Analytics!", "Insights"]) {
      await expectTrpcError(
        team.owner.api.workspaces.delete({ ...ws, confirmName }),
        "BAD_REQUEST",
        "Type the workspace's name exactly as it is (“Analytics”) to delete it.",
      );
    }
    const personalName = await nameOf(team.owner.workspaceId);
    await expectTrpcError(
      team.owner.api.workspaces.delete({
        workspaceId: team.owner.workspaceId,
        confirmName: personalName,
      }),
      "BAD_REQUEST",
      /A personal workspace can't be deleted/,
    );
    await expectTrpcError(
      team.editor.api.workspaces.delete({ ...ws, confirmName: "Analytics" }),
      "FORBIDDEN",
      "This needs the owner role in this workspace; you are an editor.",
    );
    await expectTrpcError(
      team.other.api.workspaces.delete({ ...ws, confirmName: "Analytics" }),
      "NOT_FOUND",
      "Workspace not found",
    );
    expect(await snapshot(t)).toBe(before);
  });

  it("removes everything in the workspace, stops its runs and ends every live stream; other workspaces stay as they were", async () => {
    const doomed = await busyTeam("Doomed");
    const bystander = await busyTeam("Bystander");
    // A fork elsewhere outlives its source, losing only the link back to it.
    const fork = await doomed.friend.api.flows.fork({
      flowId: doomed.flowId,
      workspaceId: doomed.friend.workspaceId,
    });

    const scope = await scopeOf(doomed.workspaceId);
    const before = await countsIn(scope);
    expect(Object.keys(before)).toHaveLength(13);
    for (const [table, n] of Object.entries(before))
      expect(n, `nothing in ${table} to delete`).toBeGreaterThan(0);
    const bystanderScope = await scopeOf(bystander.workspaceId);
    const bystanderBefore = await rowsIn(bystanderScope);

    // A member and someone the flow was shared with watch the running run.
    const watchers = [doomed.viewer, doomed.friend].map(async (u) =>
      read(await u.api.runs.onRunEvents({ runId: doomed.runningRunId })),
    );
    const readings = await Promise.all(watchers);
    await until(() => readings.every((r) => r.seen.length === 2));

    const cancelsBefore = t.queue.cancelRequests.length;
    const deletedAt = Date.now();
    expect(
      await doomed.owner.api.workspaces.delete({
        workspaceId: doomed.workspaceId,
        confirmName: "Doomed",
      }),
    ).toEqual({
      id: doomed.workspaceId,
      name: "Doomed",
      cancelledRuns: 2,
    });

    expect(await countsIn(scope)).toEqual(
      Object.fromEntries(Object.keys(before).map((table) => [table, 0])),
    );
    expect(await rowsIn(bystanderScope)).toEqual(bystanderBefore);
    expect(await t.db.flow.findUniqueOrThrow({ where: { id: fork.id } })).toMatchObject({
      forkedFromId: null,
      deletedAt: null,
    });
    expect(t.queue.cancelRequests.slice(cancelsBefore).sort()).toEqual(
      [doomed.queuedRunId, doomed.runningRunId].sort(),
    );
    for (const reading of readings) {
      const { at, error } = await reading.ended;
      expect(error).toMatchObject({ code: "NOT_FOUND", message: "Run not found" });
      expect(at - deletedAt).toBeLessThan(ACCESS_RECHECK_MS / 2); // the announcement ended it, not the periodic check
    }
    expect((await doomed.editor.api.me.get()).workspaces.map((w) => w.id)).toEqual([
      doomed.editor.workspaceId,
    ]);
    // The people stay, with their own workspaces.
    expect(
      await t.db.user.count({
        where: { id: { in: [doomed.owner.id, doomed.editor.id, doomed.friend.id] } },
      }),
    ).toBe(3);
  });
});
