import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "../src/root";
import { useTestApi } from "./support/harness";
import { CALLERS, procedureMatrix } from "./support/procedure-matrix";
import { GOOD_KEY } from "./support/services";
import { drain, snapshot } from "./support/team";

/**
 * Every tRPC procedure against every kind of caller: the team's owner, editor and viewer, a
 * member of another workspace only, and someone signed out. Allowed calls must succeed; every
 * other call must be refused (UNAUTHORIZED signed out, FORBIDDEN or NOT_FOUND signed in) with
 * nothing changed anywhere in the database or on the queue. A procedure without a row fails.
 */
const t = useTestApi();
const matrix = procedureMatrix(t, { openaiKey: GOOD_KEY });

beforeAll(async () => {
  await matrix.setup();
}, 60_000);

describe("the permission matrix", () => {
  it("has a row for every procedure, and no row for a procedure that does not exist", () => {
    expect(Object.keys(matrix.rows).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  const cells = Object.keys(matrix.rows).flatMap((path) =>
    CALLERS.map((who) => [path, who] as const),
  );

  it.each(cells)("%s as %s", async (path, who) => {
    const row = matrix.rows[path]!;
    const cell = matrix.cellFor(who);
    const call = await row.prepare(cell);
    const api = t.callerFor(cell.user);

    if (row.allowed.includes(who)) {
      const result = await call(api).then(drain);
      row.expectResult?.(result.length === 1 ? result[0] : result, cell);
      return;
    }

    const before = await snapshot(t);
    const error = await call(api)
      .then(drain)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error, `${path} should refuse ${who}`).toBeInstanceOf(TRPCError);
    const expected = who === "anonymous" ? ["UNAUTHORIZED"] : ["FORBIDDEN", "NOT_FOUND"];
    expect(expected).toContain((error as TRPCError).code);
    expect(await snapshot(t), `${path} as ${who} changed something`).toBe(before);
  });
});
