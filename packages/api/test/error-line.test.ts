import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "@switchyard/db";
import { errorLine } from "../src/errors/error-line";

/** What the server log keeps of an unexpected error: one line, its reason, none of the data. */
let database: TestDatabase;
const SECRET = "sk-live-LOGLINE0123456789abcdefSECRET";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the query should fail"),
    (error: unknown) => error,
  );

/** A real Prisma failure whose message quotes the call and its arguments, a secret among them. */
const prismaFailure = () => failure(database.db.workspace.create({ data: { name: SECRET, bogus: 1 } as never, select: { id: true } }));

describe("errorLine", () => {
  it("keeps one line of a Prisma error: its kind and reason, not the call or its arguments", async () => {
    const error = await prismaFailure();
    expect((error as Error).message).toContain(SECRET);
    const line = errorLine(error);
    expect(line).toMatch(/^PrismaClientValidationError: .*bogus/);
    expect(line).not.toContain("\n");
    expect(line).not.toContain(SECRET);
  });

  it("keeps the code and the reason of a query Postgres refused, not its code frame", async () => {
    const error = await failure(database.db.flowVersion.findMany({ where: { version: 2 ** 31 } }));
    expect((error as Error).message).toMatch(/\.ts:\d+/);
    expect(errorLine(error)).toBe('PrismaClientKnownRequestError P2020: Value out of range for the type: value "2147483648" is out of range for type integer');
  });

  it("keeps a driver's one-line reason", async () => {
    const error = await failure(database.db.workspace.create({ data: { name: "nul\u0000" }, select: { id: true } }));
    expect(errorLine(error)).toBe('DriverAdapterError: invalid byte sequence for encoding "UTF8": 0x00');
  });

  it("says the deliberate message and its cause's reason when tRPC wraps one", async () => {
    const cause = await prismaFailure();
    const line = errorLine(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The run queue is unavailable; please try again.", cause }));
    expect(line).toMatch(/^The run queue is unavailable; please try again\. \(PrismaClient\w+/);
    expect(line).not.toContain(SECRET);
  });

  it("keeps the first line of anything else, shortened, without control characters or a stack", () => {
    const error = new Error(`boom\u001b[31m red\nsecond line\n    at somewhere (file.ts:1:1)`);
    expect(errorLine(error)).toBe("Error: boom [31m red");
    expect(errorLine(new Error("x".repeat(1000))).length).toBeLessThan(320);
    expect(errorLine("a string")).toBe("thrown string");
  });
});
