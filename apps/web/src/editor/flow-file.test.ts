import { describe, expect, it } from "vitest";
import { parseFlowFile, serializeFlow } from "./flow-file";
import { templateByKey } from "../templates/templates";

describe("flow files", () => {
  it("reads what it writes", () => {
    const doc = templateByKey("cascade")!;
    const read = parseFlowFile(serializeFlow(doc));
    expect(read).toEqual({ ok: true, document: doc });
  });

  it("explains files it cannot read in one line", () => {
    expect(parseFlowFile("{nope")).toMatchObject({ ok: false, message: expect.stringMatching(/^not JSON/) });
    expect(parseFlowFile("{}")).toMatchObject({ ok: false, message: expect.stringMatching(/missing "format"/) });
    const bad = parseFlowFile(JSON.stringify({ format: "switchyard.flow/v1", name: "x", nodes: [{ id: "1bad", type: "input" }] }));
    expect(bad).toMatchObject({ ok: false, message: expect.stringMatching(/nodes\.0\.id/) });
  });
});
