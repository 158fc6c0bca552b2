import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { seedFlowWithRun } from "./test-fixtures.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

describe("schema", () => {
  it("applies the committed migrations to a fresh database", async () => {
    const applied = await test.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((row) => row.finished_at !== null)).toBe(true);
    const tables = await test.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "user",
        "session",
        "account",
        "verification",
        "workspace",
        "membership",
        "flow",
        "flow_version",
        "run",
        "run_event",
        "node_result",
        "provider_credential",
        "api_key",
        "memory_turn",
        "audit_log",
        "invitation",
        "flow_share",
        "rate_limit_bucket",
      ]),
    );
  });

  it("round-trips a flow document as JSON", async () => {
    const { flow, user } = await seedFlowWithRun(test.db);
    const document = {
      format: "switchyard/flow@1",
      name: "Ünïcode “quotes” 🚦",
      nodes: [
        {
          id: "a",
          type: "model",
          data: { temperature: 0.25, stop: ["\n", "END"], nested: { deep: [1, null, true] } },
        },
      ],
      edges: [],
      empty: {},
    };
    await test.db.flowVersion.create({
      data: { flowId: flow.id, version: 2, document, createdById: user.id, message: "v2" },
    });
    const stored = await test.db.flowVersion.findUniqueOrThrow({
      where: { flowId_version: { flowId: flow.id, version: 2 } },
    });
    expect(stored.document).toEqual(document);
  });

  it("rejects a second version with the same number", async () => {
    const { flow, user } = await seedFlowWithRun(test.db);
    const duplicate = test.db.flowVersion.create({
      data: { flowId: flow.id, version: 1, document: {}, createdById: user.id },
    });
    await expect(duplicate).rejects.toSatisfy(
      (error) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002",
    );
  });

  it("deleting a workspace deletes its flows, versions, runs, events and node results", async () => {
    const { workspace, flow, run, user } = await seedFlowWithRun(test.db);
    await test.db.workspace.delete({ where: { id: workspace.id } });
    expect(await test.db.flow.count({ where: { id: flow.id } })).toBe(0);
    expect(await test.db.flowVersion.count({ where: { flowId: flow.id } })).toBe(0);
    expect(await test.db.run.count({ where: { id: run.id } })).toBe(0);
    expect(await test.db.runEvent.count({ where: { runId: run.id } })).toBe(0);
    expect(await test.db.nodeResult.count({ where: { runId: run.id } })).toBe(0);
    expect(await test.db.membership.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await test.db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("deleting a flow deletes its runs; deleting a run deletes its events", async () => {
    const { flow, run } = await seedFlowWithRun(test.db);
    await test.db.flow.delete({ where: { id: flow.id } });
    expect(await test.db.run.count({ where: { id: run.id } })).toBe(0);
    expect(await test.db.runEvent.count({ where: { runId: run.id } })).toBe(0);
  });

  it("keeps the run-event sequence unique per run", async () => {
    const { run } = await seedFlowWithRun(test.db);
    await expect(
      test.db.runEvent.create({ data: { runId: run.id, seq: 1, type: "again", payload: {} } }),
    ).rejects.toThrow();
  });

  it("fills run defaults", async () => {
    const { run } = await seedFlowWithRun(test.db);
    expect(run).toMatchObject({
      status: "queued",
      costUsd: 0,
      inputTokens: 0,
      outputTokens: 0,
      lastSeq: 0,
      attempts: 0,
      cancelRequested: false,
    });
  });
});
