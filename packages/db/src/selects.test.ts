import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as selects from "./selects.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { seedFlowWithRun } from "./test-fixtures.ts";

const SECRET_COLUMNS = [
  "ciphertext",
  "iv",
  "authTag",
  "hash",
  "password",
  "accessToken",
  "refreshToken",
  "idToken",
  "token",
  "tokenHash",
  "linkTokenHash",
];

/** Every key a select asks for, nested selects included. */
function selectedKeys(select: object): string[] {
  return Object.entries(select).flatMap(([key, value]) =>
    typeof value === "object" && value !== null && "select" in value
      ? [key, ...selectedKeys(value.select as object)]
      : [key],
  );
}

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

describe("public selects", () => {
  it.each(Object.entries(selects))("%s selects no secret column", (_name, select) => {
    const keys = selectedKeys(select);
    for (const secret of SECRET_COLUMNS) expect(keys).not.toContain(secret);
  });

  it("a stored credential comes back with its hint only", async () => {
    const { workspace, user } = await seedFlowWithRun(test.db);
    await test.db.providerCredential.create({
      data: {
        workspaceId: workspace.id,
        provider: "openai",
        ciphertext: randomBytes(32),
        iv: randomBytes(12),
        authTag: randomBytes(16),
        keyHint: "wxyz",
        createdById: user.id,
      },
    });
    const [credential] = await test.db.providerCredential.findMany({
      where: { workspaceId: workspace.id },
      select: selects.credentialPublicSelect,
    });
    expect(credential).toMatchObject({
      provider: "openai",
      keyHint: "wxyz",
      createdBy: { id: user.id, name: "Ada" },
    });
    expect(Object.keys(credential ?? {})).not.toEqual(expect.arrayContaining(["ciphertext"]));
    expect(JSON.stringify(credential)).not.toMatch(/ciphertext|authTag|"iv"/);
  });

  it("an API key comes back without its hash", async () => {
    const { workspace, user } = await seedFlowWithRun(test.db);
    await test.db.apiKey.create({
      data: {
        workspaceId: workspace.id,
        name: "CI",
        prefix: `sy_${randomBytes(4).toString("hex")}`,
        hash: "argon2id$secret",
        role: "editor",
        createdById: user.id,
      },
    });
    const [key] = await test.db.apiKey.findMany({
      where: { workspaceId: workspace.id },
      select: selects.apiKeyPublicSelect,
    });
    expect(key).toMatchObject({ name: "CI", role: "editor" });
    expect(JSON.stringify(key)).not.toContain("argon2id$secret");
  });

  it("run, flow and version selects return their shapes", async () => {
    const { flow, run } = await seedFlowWithRun(test.db);
    const summary = await test.db.run.findUniqueOrThrow({
      where: { id: run.id },
      select: selects.runSummarySelect,
    });
    expect(summary).toMatchObject({ id: run.id, status: "queued", flowVersion: { version: 1 } });
    expect(summary).not.toHaveProperty("inputs");
    const detail = await test.db.run.findUniqueOrThrow({
      where: { id: run.id },
      select: selects.runDetailSelect,
    });
    expect(detail).toMatchObject({ inputs: { question: "Why?" }, apiKey: null });
    const nodes = await test.db.nodeResult.findMany({
      where: { runId: run.id },
      select: selects.nodeResultSelect,
    });
    expect(nodes).toEqual([
      expect.objectContaining({ nodeId: "model-1", result: { output: "Because." } }),
    ]);
    const flowDetail = await test.db.flow.findUniqueOrThrow({
      where: { id: flow.id },
      select: selects.flowDetailSelect,
    });
    expect(flowDetail).toMatchObject({
      latestVersion: 1,
      workspace: { personal: true },
      forkedFrom: null,
    });
    const versions = await test.db.flowVersion.findMany({
      where: { flowId: flow.id },
      select: selects.flowVersionSummarySelect,
    });
    expect(versions[0]).not.toHaveProperty("document");
  });
});
