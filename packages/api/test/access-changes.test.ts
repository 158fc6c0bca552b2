import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appendRunEvents } from "@switchyard/runs";
import { ACCESS_RECHECK_MS, eventsWhileAllowed } from "../src/runs/events-while-allowed";
import { requireRunRole } from "../src/access";
import { accessChangesOver, userPrincipal } from "../src/services/access-changes";
import { useTestApi, type TestUser } from "./support/harness";
import { completedRunEvents, createTeam, type Team } from "./support/team";
import { read, until } from "./support/streams";

const t = useTestApi();
let team: Team;
let friend: TestUser;

beforeAll(async () => {
  team = await createTeam(t);
  friend = await t.user("Fred");
});

/** A run of `flowId` that has started (two events) and not finished. */
async function runningRun(flowId: string): Promise<string> {
  const runId = await team.queuedRun(flowId);
  await appendRunEvents(t.sql, runId, completedRunEvents(runId).slice(0, 2), { unclaimed: true });
  return runId;
}

describe("live run streams when access changes", () => {
  it("end with NOT_FOUND at once (well before the periodic re-check) when a share is revoked", async () => {
    const flowId = await team.newFlow("Shared");
    const share = await team.owner.api.shares.shareWithUser({
      flowId,
      email: friend.email,
      role: "viewer",
    });
    const runId = await runningRun(flowId);
    const reading = read(await friend.api.runs.onRunEvents({ runId }));
    await until(() => reading.seen.length === 2);

    const revokedAt = Date.now();
    await team.owner.api.shares.revoke({ shareId: share.id });
    const { at, error } = await reading.ended;
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Run not found" });
    expect(at - revokedAt).toBeLessThan(ACCESS_RECHECK_MS / 2); // sooner than the safety-net re-check: the announcement ended it
  });

  it("end at once (well before the periodic re-check) when the reader is removed from the workspace", async () => {
    const member = await t.user("Mia");
    await t.join(member, team.workspaceId, "viewer");
    const runId = await runningRun(team.flowId);
    const reading = read(await member.api.runs.onRunEvents({ runId }));
    await until(() => reading.seen.length === 2);

    const removedAt = Date.now();
    await team.owner.api.workspaces.removeMember({
      workspaceId: team.workspaceId,
      userId: member.id,
    });
    const { at, error } = await reading.ended;
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(at - removedAt).toBeLessThan(ACCESS_RECHECK_MS / 2); // sooner than the safety-net re-check: the announcement ended it
  });

  it("go on when the reader can still see the run (an editor lowered to viewer)", async () => {
    const member = await t.user("Nia");
    await t.join(member, team.workspaceId, "editor");
    const runId = await runningRun(team.flowId);
    const reading = read(await member.api.runs.onRunEvents({ runId }));
    await until(() => reading.seen.length === 2);
    await team.owner.api.workspaces.setRole({
      workspaceId: team.workspaceId,
      userId: member.id,
      role: "viewer",
    });
    await new Promise((r) => setTimeout(r, 100));
    await appendRunEvents(t.sql, runId, completedRunEvents(runId).slice(2), { unclaimed: true });
    const { error } = await reading.ended;
    expect(error).toBeUndefined();
    expect(reading.seen).toHaveLength(5);
  });

  it("are re-checked every few seconds even with no announcement (a deleted flow)", async () => {
    const flowId = await team.newFlow("Deleted underneath");
    const runId = await runningRun(flowId);
    const controller = new AbortController();
    const check = async () => void (await requireRunRole(t.db, team.viewer.id, runId, "viewer"));
    const reading = read(
      eventsWhileAllowed({
        services: t.services,
        runId,
        afterSeq: 0,
        signal: controller.signal,
        principal: userPrincipal(team.viewer.id),
        check,
        recheckMs: 100,
      }),
    );
    await until(() => reading.seen.length === 2);
    // Straight in the database: no announcement is made.
    await t.db.flow.update({ where: { id: flowId }, data: { deletedAt: new Date() } });
    const { error } = await reading.ended;
    expect(error).toMatchObject({ code: "NOT_FOUND", message: "Run not found" });
  });

  it("stop quietly, unsubscribed, when the reader goes away", async () => {
    const runId = await runningRun(team.flowId);
    const controller = new AbortController();
    const stream = await t
      .callerFor(team.viewer, { signal: controller.signal })
      .runs.onRunEvents({ runId });
    const reading = read(stream);
    await until(() => reading.seen.length === 2);
    controller.abort();
    expect((await reading.ended).error).toBeUndefined();
  });
});

describe("accessChangesOver", () => {
  it("fans one subscription out by principal; an empty payload (a reconnect) wakes everyone", async () => {
    let deliver: (payload: string) => void = () => undefined;
    let listens = 0;
    const notified: string[] = [];
    const changes = accessChangesOver({
      notify: async (payload) => void notified.push(payload),
      listen: async (handler) => {
        listens += 1;
        deliver = handler;
        return () => undefined;
      },
    });
    const calls: string[] = [];
    const stopA = await changes.subscribe("user:a", () => calls.push("a"));
    await changes.subscribe("user:b", () => calls.push("b"));
    await changes.subscribe("user:b", () => calls.push("b2"));
    expect(listens).toBe(1);

    deliver("user:b");
    expect(calls).toEqual(["b", "b2"]);
    deliver("");
    expect(calls).toEqual(["b", "b2", "a", "b", "b2"]);
    stopA();
    deliver("user:a");
    expect(calls).toHaveLength(5);

    await changes.publish(["user:a", "apiKey:k", "user:a"]);
    expect(notified).toEqual(["user:a", "apiKey:k"]);
  });
});
