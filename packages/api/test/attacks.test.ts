import { beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { FLOW_LIMITS } from "@switchyard/core";
import { appRouter } from "../src/root";
import { hashLinkToken } from "../src/auth/tokens";
import { appendRunEvents } from "@switchyard/runs";
import { askFlow } from "./support/flows";
import { expectTrpcError, useTestApi, type TestUser } from "./support/harness";
import { CALLERS, procedureMatrix, type Api } from "./support/procedure-matrix";
import { completedRunEvents, drain, snapshot, type Team } from "./support/team";

/** The classic attacks, each refused with nothing changed. */
const t = useTestApi();
const SECRET = "sk-live-ATTACK0123456789abcdefSECRET";
const matrix = procedureMatrix(t, { openaiKey: SECRET });

let team: Team;
/** Grace owns a workspace of her own and is no member of the team's. */
let grace: TestUser;
let mine: { flowId: string; runId: string };
let theirs: {
  keyId: string;
  invitationId: string;
  invitationToken: string;
  shareId: string;
  linkId: string;
  linkToken: string;
  otherLinkToken: string;
  queuedRunId: string;
};

beforeAll(async () => {
  team = await matrix.setup();
  grace = team.other;
  const { id: flowId } = await grace.api.flows.import({
    workspaceId: grace.workspaceId,
    document: askFlow("Grace's"),
  });
  const { runId } = await grace.api.runs.start({ flowId, inputs: { question: "q" } });
  mine = { flowId, runId };

  const { owner } = team;
  const friend = await t.user("Fred");
  const invited = await t.user("Ina");
  const invitation = await owner.api.workspaces.invite({
    workspaceId: team.workspaceId,
    email: invited.email,
    role: "editor",
  });
  const link = await owner.api.shares.createLink({ flowId: team.flowId });
  const otherFlow = await team.newFlow("Another");
  theirs = {
    keyId: (await owner.api.apiKeys.create({ workspaceId: team.workspaceId, name: "CI" })).id,
    invitationId: invitation.id,
    invitationToken: invitation.path.split("/").at(-1)!,
    shareId: (
      await owner.api.shares.shareWithUser({
        flowId: team.flowId,
        email: friend.email,
        role: "editor",
      })
    ).id,
    linkId: link.id,
    linkToken: link.token,
    otherLinkToken: (await owner.api.shares.createLink({ flowId: otherFlow })).token,
    queuedRunId: await team.queuedRun(),
  };
}, 60_000);

/** The names of a procedure's input fields. */
function inputKeys(path: string): string[] {
  // At run time the record is flat ("flows.byId"), whatever its type says.
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: unknown[] } }
  >;
  return procedures[path]!._def.inputs.flatMap((input) => {
    let schema = input as { shape?: Record<string, unknown>; unwrap?: () => unknown };
    while (!schema.shape && schema.unwrap) schema = schema.unwrap() as typeof schema;
    return Object.keys(schema.shape ?? {});
  });
}
const ID_FIELD = /^(id|token|linkToken|cursor)$|Id$/;

type Attempt =
  { refused: (api: Api) => Promise<unknown> } | { seesNothing: (api: Api) => Promise<unknown> };
const refused = (call: (api: Api) => Promise<unknown>): Attempt => ({ refused: call });
const seesNothing = (call: (api: Api) => Promise<unknown>): Attempt => ({ seesNothing: call });

/**
 * Grace's attempts on the team's things: their ids on their own, and their ids paired with
 * Grace's own workspace, flow or run (which she may act on), so a check on the wrong id is caught.
 */
const idor = (): Record<string, Attempt[]> => {
  const ws = team.workspaceId;
  const mineWs = grace.workspaceId;
  return {
    "catalog.models": [refused((a) => a.catalog.models({ workspaceId: ws }))],
    "flows.list": [seesNothing((a) => a.flows.list({ workspaceId: ws }))],
    "flows.byId": [refused((a) => a.flows.byId({ id: team.flowId }))],
    "flows.create": [refused((a) => a.flows.create({ workspaceId: ws, name: "Planted" }))],
    "flows.update": [
      refused((a) => a.flows.update({ id: team.flowId, document: askFlow("Defaced") })),
    ],
    "flows.rename": [refused((a) => a.flows.rename({ id: team.flowId, name: "Defaced" }))],
    "flows.delete": [refused((a) => a.flows.delete({ id: team.flowId }))],
    "flows.versions": [refused((a) => a.flows.versions({ id: team.flowId }))],
    "flows.restore": [refused((a) => a.flows.restore({ id: team.flowId, version: 1 }))],
    "flows.import": [refused((a) => a.flows.import({ workspaceId: ws, document: askFlow() }))],
    "flows.export": [refused((a) => a.flows.export({ id: team.flowId }))],
    "flows.fork": [
      refused((a) => a.flows.fork({ flowId: team.flowId, workspaceId: mineWs })),
      refused((a) => a.flows.fork({ flowId: mine.flowId, workspaceId: ws })),
      // A link opens its own flow only.
      refused((a) =>
        a.flows.fork({
          flowId: team.flowId,
          workspaceId: mineWs,
          linkToken: theirs.otherLinkToken,
        }),
      ),
      refused((a) =>
        a.flows.fork({
          flowId: team.flowId,
          workspaceId: mineWs,
          linkToken: hashLinkToken(theirs.linkToken),
        }),
      ),
    ],
    "runs.start": [
      refused((a) => a.runs.start({ flowId: team.flowId, inputs: { question: "q" } })),
    ],
    "runs.cancel": [refused((a) => a.runs.cancel({ runId: theirs.queuedRunId }))],
    "runs.list": [
      refused((a) => a.runs.list({ flowId: team.flowId })),
      seesNothing((a) => a.runs.list({ flowId: mine.flowId, cursor: team.runId })),
    ],
    "runs.byId": [refused((a) => a.runs.byId({ runId: team.runId }))],
    "runs.events": [refused((a) => a.runs.events({ runId: team.runId }))],
    "runs.onRunEvents": [
      refused((a) => a.runs.onRunEvents({ runId: team.runId, lastEventId: "0" })),
    ],
    "insights.models": [
      refused((a) => a.insights.models({ workspaceId: ws })),
      refused((a) => a.insights.models({ workspaceId: ws, flowId: mine.flowId })),
      // Her own workspace, their flow: the flow must belong to the workspace asked about.
      refused((a) => a.insights.models({ workspaceId: mineWs, flowId: team.flowId })),
    ],
    "credentials.list": [refused((a) => a.credentials.list({ workspaceId: ws }))],
    "credentials.set": [
      refused((a) =>
        a.credentials.set({ workspaceId: ws, provider: "openai", key: "sk-attacker-000000" }),
      ),
    ],
    "credentials.test": [
      refused((a) => a.credentials.test({ workspaceId: ws, provider: "openai" })),
    ],
    "credentials.delete": [
      refused((a) => a.credentials.delete({ workspaceId: ws, provider: "openai" })),
    ],
    "apiKeys.list": [refused((a) => a.apiKeys.list({ workspaceId: ws }))],
    "apiKeys.create": [refused((a) => a.apiKeys.create({ workspaceId: ws, name: "Backdoor" }))],
    "apiKeys.revoke": [
      refused((a) => a.apiKeys.revoke({ workspaceId: ws, id: theirs.keyId })),
      refused((a) => a.apiKeys.revoke({ workspaceId: mineWs, id: theirs.keyId })),
    ],
    "workspaces.rename": [
      refused((a) => a.workspaces.rename({ workspaceId: ws, name: "Defaced" })),
    ],
    // With the team workspace's real name: only the owner check stands in the way.
    "workspaces.delete": [
      refused((a) => a.workspaces.delete({ workspaceId: ws, confirmName: "Team" })),
    ],
    "workspaces.members": [refused((a) => a.workspaces.members({ workspaceId: ws }))],
    "workspaces.invite": [
      refused((a) => a.workspaces.invite({ workspaceId: ws, email: grace.email, role: "owner" })),
    ],
    "workspaces.invitations": [refused((a) => a.workspaces.invitations({ workspaceId: ws }))],
    "workspaces.revokeInvitation": [
      refused((a) => a.workspaces.revokeInvitation({ workspaceId: ws, id: theirs.invitationId })),
      refused((a) =>
        a.workspaces.revokeInvitation({ workspaceId: mineWs, id: theirs.invitationId }),
      ),
    ],
    "workspaces.inviteInfo": [
      refused((a) => a.workspaces.inviteInfo({ token: hashLinkToken(theirs.invitationToken) })),
    ],
    "workspaces.acceptInvite": [
      refused((a) => a.workspaces.acceptInvite({ token: theirs.invitationToken })),
      refused((a) => a.workspaces.acceptInvite({ token: hashLinkToken(theirs.invitationToken) })),
    ],
    "workspaces.setRole": [
      refused((a) => a.workspaces.setRole({ workspaceId: ws, userId: grace.id, role: "owner" })),
      refused((a) =>
        a.workspaces.setRole({ workspaceId: ws, userId: team.owner.id, role: "viewer" }),
      ),
      refused((a) =>
        a.workspaces.setRole({ workspaceId: mineWs, userId: team.owner.id, role: "viewer" }),
      ),
    ],
    "workspaces.removeMember": [
      refused((a) => a.workspaces.removeMember({ workspaceId: ws, userId: team.owner.id })),
      refused((a) => a.workspaces.removeMember({ workspaceId: mineWs, userId: team.editor.id })),
    ],
    "workspaces.audit": [
      refused((a) => a.workspaces.audit({ workspaceId: ws })),
      seesNothing((a) => a.workspaces.audit({ workspaceId: mineWs, cursor: theirs.keyId })),
    ],
    "shares.list": [refused((a) => a.shares.list({ flowId: team.flowId }))],
    "shares.shareWithUser": [
      refused((a) =>
        a.shares.shareWithUser({ flowId: team.flowId, email: grace.email, role: "editor" }),
      ),
    ],
    "shares.updateRole": [
      refused((a) => a.shares.updateRole({ shareId: theirs.shareId, role: "viewer" })),
    ],
    "shares.revoke": [refused((a) => a.shares.revoke({ shareId: theirs.shareId }))],
    "shares.createLink": [refused((a) => a.shares.createLink({ flowId: team.flowId }))],
    "shares.revokeLink": [refused((a) => a.shares.revokeLink({ shareId: theirs.linkId }))],
    "shares.openLink": [
      refused((a) => a.shares.openLink({ token: hashLinkToken(theirs.linkToken) })),
    ],
  };
};

describe("IDOR: another workspace's ids", () => {
  it("are tried on every procedure that takes an id or a token", () => {
    const idTaking = Object.keys(appRouter._def.procedures).filter((path) =>
      inputKeys(path).some((key) => ID_FIELD.test(key)),
    );
    expect(idTaking.length).toBeGreaterThan(30);
    expect(Object.keys(idor()).sort()).toEqual(idTaking.sort());
  });

  it.each(
    Object.keys(matrix.rows).filter((path) => inputKeys(path).some((key) => ID_FIELD.test(key))),
  )("%s refuses them and changes nothing", async (path) => {
    for (const attempt of idor()[path] ?? []) {
      const before = await snapshot(t);
      if ("seesNothing" in attempt) {
        const seen = JSON.stringify(await attempt.seesNothing(grace.api).then(drain));
        for (const id of [team.workspaceId, team.flowId, team.runId, theirs.keyId])
          expect(seen).not.toContain(id);
      } else {
        const error = await attempt
          .refused(grace.api)
          .then(drain)
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error, `${path} let Grace through`).toBeInstanceOf(TRPCError);
        expect(["NOT_FOUND", "FORBIDDEN"]).toContain((error as TRPCError).code);
      }
      expect(await snapshot(t)).toBe(before);
    }
  });
});

describe("someone else's run events", () => {
  it("yield nothing before refusing, from any starting point", async () => {
    for (const lastEventId of [null, "0", "3"]) {
      const seen: unknown[] = [];
      await expectTrpcError(
        (async () => {
          for await (const item of await grace.api.runs.onRunEvents({
            runId: team.runId,
            lastEventId,
          }))
            seen.push(item);
        })(),
        "NOT_FOUND",
        "Run not found",
      );
      expect(seen).toEqual([]);
    }
    await expectTrpcError(
      grace.api.runs.events({ runId: team.runId, afterSeq: 0 }),
      "NOT_FOUND",
      "Run not found",
    );
  });
});

describe("script in a flow name or a model output", () => {
  const SCRIPT = `<script>alert("x")</script><img src=x onerror="alert(1)">`;

  it("is stored and returned verbatim, as data", async () => {
    const { owner, workspaceId } = team;
    const created = await owner.api.flows.create({
      workspaceId,
      name: SCRIPT,
      document: askFlow(),
    });
    expect((await owner.api.flows.byId({ id: created.id })).name).toBe(SCRIPT);
    expect((await owner.api.flows.list({ search: "<script>" })).map((f) => f.name)).toEqual([
      SCRIPT,
    ]);
    expect(await owner.api.flows.export({ id: created.id })).toMatchObject({ name: SCRIPT });

    const runId = await team.finishedRun(SCRIPT, created.id);
    const events = await owner.api.runs.events({ runId });
    expect(events.find((e) => e.type === "node.completed")).toMatchObject({
      output: { text: SCRIPT },
    });
    expect((await owner.api.runs.byId({ runId })).outputs).toEqual({ answer: SCRIPT });
    const streamed = JSON.stringify(await drain(await owner.api.runs.onRunEvents({ runId })));
    expect(streamed).toContain(JSON.stringify(SCRIPT).slice(1, -1));
  });
});

describe("oversized flows and inputs", () => {
  it("are refused before anything is written", async () => {
    const before = await snapshot(t);
    const huge = { ...askFlow(), description: "x".repeat(FLOW_LIMITS.documentBytes) };
    await expectTrpcError(
      team.owner.api.flows.import({ workspaceId: team.workspaceId, document: huge }),
      "PAYLOAD_TOO_LARGE",
      /the limit is 2 MB/,
    );
    await expectTrpcError(
      team.owner.api.runs.start({
        flowId: team.flowId,
        inputs: { question: "x".repeat(FLOW_LIMITS.inputValueChars) },
      }),
      "PAYLOAD_TOO_LARGE",
      /the limit is 1000000/,
    );
    await expectTrpcError(
      team.owner.api.flows.create({ workspaceId: team.workspaceId, name: "n".repeat(201) }),
      "BAD_REQUEST",
      /too_big/,
    );
    await expectTrpcError(
      team.owner.api.workspaces.create({ name: "w".repeat(101) }),
      "BAD_REQUEST",
      /too_big/,
    );
    expect(await snapshot(t)).toBe(before);
  });
});

describe("reading a stored credential back", () => {
  it("fails through every procedure, every caller and every table but its own (encrypted)", async () => {
    const logged = vi.spyOn(console, "log");
    const errors = vi.spyOn(console, "error");
    const warnings = vi.spyOn(console, "warn");
    // Runs with events, a test of the stored key, then every procedure as every caller.
    const runId = await team.queuedRun();
    await appendRunEvents(t.sql, runId, completedRunEvents(runId), { unclaimed: true });
    const responses: unknown[] = [
      await team.owner.api.credentials.test({ workspaceId: team.workspaceId, provider: "openai" }),
    ];
    for (const [path, row] of Object.entries(matrix.rows)) {
      for (const who of CALLERS) {
        const cell = matrix.cellFor(who);
        const call = await row.prepare(cell);
        responses.push(
          await call(t.callerFor(cell.user))
            .then(drain)
            .catch((error: unknown) => ({ path, error: String(error) })),
        );
      }
    }
    const text = JSON.stringify(responses);
    expect(text.length).toBeGreaterThan(10_000);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.slice(4, 20));

    const tables = await t.db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    for (const { name } of tables) {
      const hits = await t.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${name}" x WHERE x::text LIKE $1`,
        `%${SECRET}%`,
      );
      expect(hits[0]!.n, `the key appears in ${name}`).toBe(0);
    }
    for (const spy of [logged, errors, warnings])
      expect(JSON.stringify(spy.mock.calls)).not.toContain(SECRET);
    vi.restoreAllMocks();
  });
});
