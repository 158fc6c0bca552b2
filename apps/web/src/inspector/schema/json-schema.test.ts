import { describe, expect, it } from "vitest";
import { catalogEntry } from "../../catalog/node-catalog";
import { fieldKind, isJsonSchema, newListItem, type JsonSchema } from "./json-schema";

function prop(type: string, ...path: string[]): JsonSchema {
  let schema: unknown = catalogEntry(type)?.dataSchema;
  for (const key of path) schema = isJsonSchema(schema) ? schema.properties?.[key] : undefined;
  if (!isJsonSchema(schema)) throw new Error(`no schema at ${type}.${path.join(".")}`);
  return schema;
}

describe("fieldKind over the real catalog", () => {
  it("recognises model fields, templates and numbers with bounds", () => {
    expect(fieldKind(prop("model", "model"))).toEqual({ kind: "model" });
    expect(fieldKind(prop("vote", "judgeModel"))).toEqual({ kind: "model" });
    expect(fieldKind(prop("model", "prompt"))).toEqual({ kind: "template" });
    expect(fieldKind(prop("model", "temperature"))).toEqual({ kind: "number", integer: false, min: 0, max: 2 });
    expect(fieldKind(prop("vote", "quorum"))).toEqual({ kind: "number", integer: true, min: 1 });
  });

  it("recognises choices, objects, lists and records", () => {
    expect(fieldKind(prop("model", "confidence"))).toEqual({ kind: "choice", options: ["none", "self-report", "logprobs"] });
    expect(fieldKind(prop("model", "sim", "failWith"))).toEqual({ kind: "choice", options: [429, 500, "timeout"] });
    expect(fieldKind(prop("model", "retry")).kind).toBe("object");
    expect(fieldKind(prop("model", "sim", "reply"))).toEqual({ kind: "stringOrList" });
    expect(fieldKind(prop("router", "routes")).kind).toBe("objectList");
    expect(fieldKind(prop("extract", "fields")).kind).toBe("objectList");
    expect(fieldKind(prop("vote", "weights")).kind).toBe("record");
    expect(fieldKind(prop("constant", "value"))).toEqual({ kind: "json" });
    const extract = fieldKind(prop("vote", "extract"));
    expect(extract.kind === "variant" && extract.discriminator).toBe("kind");
  });

  it("makes new list items with numbered names", () => {
    const route = fieldKind(prop("router", "routes"));
    if (route.kind !== "objectList") throw new Error("routes should be a list");
    expect(newListItem(route.item, 2, "route")).toEqual({ name: "route3" });
  });
});
