import { describe, expect, it } from "vitest";
import { FLOW_FORMAT } from "./flow-schema";
import { migrateFlowDocument, type Migration } from "./flow-migrations";

describe("migrateFlowDocument", () => {
  it("passes a current document through untouched", () => {
    const doc = { format: FLOW_FORMAT, name: "x", nodes: [] };
    expect(migrateFlowDocument(doc)).toEqual({ ok: true, document: doc });
  });

  it("upgrades an older document one version at a time and says from which", () => {
    const migrations: Record<string, Migration> = {
      "switchyard.flow/v0": (d) => ({ ...d, format: "switchyard.flow/v0.5", steps: ["v0"] }),
      "switchyard.flow/v0.5": (d) => ({ ...d, format: FLOW_FORMAT, steps: [...(d.steps as string[]), "v0.5"] }),
    };
    expect(migrateFlowDocument({ format: "switchyard.flow/v0", name: "old" }, migrations)).toEqual({
      ok: true,
      document: { format: FLOW_FORMAT, name: "old", steps: ["v0", "v0.5"] },
      migratedFrom: "switchyard.flow/v0",
    });
  });

  it("stops a migration that never reaches the current format", () => {
    const looping: Record<string, Migration> = { a: (d) => ({ ...d, format: "b" }), b: (d) => ({ ...d, format: "a" }) };
    expect(migrateFlowDocument({ format: "a" }, looping)).toEqual({ ok: false, message: `unsupported flow format "a"; this version reads ${FLOW_FORMAT}` });
  });

  it("does not treat Object.prototype names as migrations", () => {
    expect(migrateFlowDocument({ format: "toString" })).toEqual({ ok: false, message: `unsupported flow format "toString"; this version reads ${FLOW_FORMAT}` });
  });
});
