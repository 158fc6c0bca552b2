import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { appRouter } from "../src/root";
import { clientMessage } from "../src/trpc";
import { hostileVariants, procedureInputs, type CallTargets, type HostileVariant } from "../src/testing";
import { askFlow } from "./support/flows";
import { useTestApi, type TestUser } from "./support/harness";
import { createTeam, drain, snapshot } from "./support/team";

/**
 * Every tRPC procedure, called by the team's owner with every hostile variant of a good input:
 * never an internal error; each refusal a 400 or 413 whose message names the problem; nothing
 * written by a refused call; no prototype polluted.
 */
const t = useTestApi();
let owner: TestUser;
let targets: CallTargets;

beforeAll(async () => {
  const team = await createTeam(t);
  owner = team.owner;
  const ws = { workspaceId: team.workspaceId };
  const member = await t.user("Sam");
  await t.join(member, team.workspaceId, "viewer");
  const friend = await t.user("Fred");
  const invited = await t.user("Ina");
  const doomed = await owner.api.workspaces.create({ name: "Doomed" });
  const invitation = await owner.api.workspaces.invite({ ...ws, email: invited.email, role: "viewer" });
  const link = await owner.api.shares.createLink({ flowId: team.flowId });
  targets = {
    ...ws,
    flowId: team.flowId,
    doomedFlowId: await team.newFlow("Doomed"),
    doomedWorkspaceId: doomed.id,
    runId: team.runId,
    memberId: member.id,
    shareId: (await owner.api.shares.shareWithUser({ flowId: team.flowId, email: friend.email, role: "viewer" })).id,
    linkShareId: link.id,
    linkToken: link.token,
    invitationId: invitation.id,
    invitationToken: invitation.path.slice(invitation.path.lastIndexOf("/") + 1),
    apiKeyId: (await owner.api.apiKeys.create({ ...ws, name: "CI" })).id,
    document: askFlow(),
  };
}, 60_000);

type Outcome = { ok: true } | { ok: false; status: number; message: string };

/** Calls `path` as the owner with `input`, reading a subscription to its end. */
async function call(path: string, input: unknown): Promise<Outcome> {
  const [group, name] = path.split(".") as [string, string];
  const api = t.callerFor(owner) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  try {
    await drain(await api[group]![name]!(input));
    return { ok: true };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { ok: false, status: 500, message: String(error) };
    return { ok: false, status: getHTTPStatusCodeFromError(error), message: clientMessage(error) };
  }
}

const describeFailure = (path: string, v: HostileVariant, outcome: Outcome) =>
  `${path}: ${v.label} → ${outcome.ok ? "accepted" : `${outcome.status} ${outcome.message.slice(0, 200)}`}`;

describe("hostile input to every procedure", () => {
  it("has a good input for every procedure", () => {
    expect(Object.keys(procedureInputs(targets)).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it("is never an internal error, and every refusal names the problem", { timeout: 600_000 }, async () => {
    const internal: string[] = [];
    const wrong: string[] = [];
    const written: string[] = [];
    let calls = 0;
    for (const [path, good] of Object.entries(procedureInputs(targets))) {
      const variants = hostileVariants(good);
      const before = await snapshot(t);
      for (const variant of variants.filter((v) => v.mustRefuse)) {
        const outcome = await call(path, variant.body);
        calls++;
        if (!outcome.ok && outcome.status >= 500) internal.push(describeFailure(path, variant, outcome));
        else if (outcome.ok || ![400, 413].includes(outcome.status) || !variant.mentions.test(outcome.message)) wrong.push(describeFailure(path, variant, outcome));
      }
      if ((await snapshot(t)) !== before) written.push(`${path}: a refused call changed the database`);
      for (const variant of variants.filter((v) => !v.mustRefuse)) {
        const outcome = await call(path, variant.body);
        calls++;
        if (!outcome.ok && outcome.status >= 500) internal.push(describeFailure(path, variant, outcome));
      }
      const goodOutcome = await call(path, good);
      if (!goodOutcome.ok && [400, 413, 500].includes(goodOutcome.status)) wrong.push(`${path}: the good input was refused: ${goodOutcome.message}`);
    }
    console.info(`hostile input: ${calls} calls, ${internal.length} internal errors, ${wrong.length} wrong refusals`);
    expect({ internal, wrong, written }).toEqual({ internal: [], wrong: [], written: [] });
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
