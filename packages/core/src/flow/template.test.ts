import { describe, expect, it } from "vitest";
import { compileTemplate, renderTemplate, resolveReference, stringifyValue, type TemplateScope } from "./template";

/** A scope over plain objects, the way a host might naively build one. */
function objectScope(inputs: Record<string, unknown>, nodes: Record<string, Record<string, unknown>>): TemplateScope {
  return {
    input: (name) => (Object.hasOwn(inputs, name) ? inputs[name] : undefined),
    node: (id) => (Object.hasOwn(nodes, id) ? nodes[id] : undefined),
  };
}

const scope = objectScope(
  { question: "Why?", count: 3, flag: false, obj: { a: 1 } },
  { plan: { value: "the plan", text: "the plan", steps: ["a", { b: 2 }], meta: { n: null } }, empty: { value: undefined, text: "" } },
);

const render = (template: string, s: TemplateScope = scope) => renderTemplate(compileTemplate(template), s);

describe("compileTemplate", () => {
  it("finds input and node references, keeping the text around them", () => {
    const compiled = compileTemplate("Q: {{input.question}} / {{ nodes.plan.steps.1.b }} / {{nodes.plan}}!");
    expect(compiled.issues).toEqual([]);
    expect(compiled.references).toEqual([
      { kind: "input", raw: "{{input.question}}", name: "question" },
      { kind: "node", raw: "{{ nodes.plan.steps.1.b }}", nodeId: "plan", path: ["steps", "1", "b"] },
      { kind: "node", raw: "{{nodes.plan}}", nodeId: "plan", path: [] },
    ]);
    expect(compiled.parts.filter((p) => typeof p === "string")).toEqual(["Q: ", " / ", " / ", "!"]);
  });

  it.each(["{{constructor}}", "{{__proto__}}", "{{nodes.x.__proto__}}", "{{nodes.__proto__.text}}", "{{input.constructor}}", "{{nodes.x.constructor.name}}", "{{nodes.x.prototype}}", "{{this}}", "{{input.a b}}", "{{}}"])("reports %s as an issue and renders it literally", (raw) => {
    const compiled = compileTemplate(`a ${raw} b`);
    expect(compiled.references).toEqual([]);
    expect(compiled.issues).toEqual([{ raw, message: `'${raw}' is not a valid reference; use {{input.<name>}} or {{nodes.<id>.<field>}}` }]);
    expect(renderTemplate(compiled, scope)).toBe(`a ${raw} b`);
  });

  it("leaves single braces and unclosed placeholders alone", () => {
    expect(render('{"a": 1} {{input.question')).toBe('{"a": 1} {{input.question');
  });
});

describe("renderTemplate", () => {
  it("renders strings as is, numbers and booleans as text, objects and arrays as JSON", () => {
    expect(render("{{input.question}}|{{input.count}}|{{input.flag}}|{{input.obj}}|{{nodes.plan.steps}}|{{nodes.plan.meta}}")).toBe('Why?|3|false|{"a":1}|["a",{"b":2}]|{"n":null}');
  });

  it("renders a node's main value for {{nodes.<id>}} and nested fields by path", () => {
    expect(render("{{nodes.plan}} / {{nodes.plan.steps.0}} / {{nodes.plan.steps.1.b}}")).toBe("the plan / a / 2");
  });

  it("renders missing inputs, missing or skipped nodes, missing fields and null as empty", () => {
    expect(render("[{{input.nope}}][{{nodes.skipped}}][{{nodes.skipped.text}}][{{nodes.plan.nope}}][{{nodes.plan.meta.n}}][{{nodes.empty}}][{{nodes.plan.steps.9}}]")).toBe("[][][][][][][]");
  });

  it("never reaches object internals, even through a scope over plain objects", () => {
    const compiled = compileTemplate("{{nodes.plan.toString}}{{nodes.plan.steps.map}}{{nodes.plan.hasOwnProperty}}{{nodes.plan.valueOf}}{{constructor}}{{nodes.plan.__proto__}}");
    expect(renderTemplate(compiled, scope)).toBe("{{constructor}}{{nodes.plan.__proto__}}");
    expect(resolveReference({ kind: "node", raw: "", nodeId: "plan", path: ["toString"] }, scope)).toBeUndefined();
  });

  it("does not read a main value the node output only inherits", () => {
    const inherited = Object.create({ value: "from the prototype" }) as Record<string, unknown>;
    const protoScope = objectScope({}, { n: inherited });
    expect(render("[{{nodes.n}}]", protoScope)).toBe("[]");
  });

  it("renders a template with no references unchanged", () => {
    expect(render("plain text")).toBe("plain text");
    expect(render("")).toBe("");
  });
});

describe("stringifyValue", () => {
  it.each([
    [undefined, ""],
    [null, ""],
    ["s", "s"],
    [0, "0"],
    [true, "true"],
    [[1, "a"], '[1,"a"]'],
    [{ k: { v: 1 } }, '{"k":{"v":1}}'],
  ])("%j → %j", (value, text) => {
    expect(stringifyValue(value)).toBe(text);
  });
});
