/**
 * Prompt templates: `{{input.<name>}}`, `{{nodes.<id>}}`, `{{nodes.<id>.<field>[.<key>…]}}`.
 * Anything else inside braces is an error, so `{{constructor}}` or `{{__proto__}}` can neither
 * reach object internals nor pass silently. Lookups use own properties only.
 */

export type TemplateReference =
  | { kind: "input"; raw: string; name: string }
  | { kind: "node"; raw: string; nodeId: string; path: string[] };

export interface TemplateIssue {
  raw: string;
  message: string;
}

type Part = string | TemplateReference;

export interface CompiledTemplate {
  parts: Part[];
  references: TemplateReference[];
  issues: TemplateIssue[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

export function compileTemplate(template: string): CompiledTemplate {
  const parts: Part[] = [];
  const references: TemplateReference[] = [];
  const issues: TemplateIssue[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const raw = match[0];
    const index = match.index;
    if (index > last) parts.push(template.slice(last, index));
    last = index + raw.length;
    const parsed = parseReference(raw, (match[1] ?? "").trim());
    if (typeof parsed === "string") {
      issues.push({ raw, message: parsed });
      parts.push(raw);
    } else {
      references.push(parsed);
      parts.push(parsed);
    }
  }
  if (last < template.length) parts.push(template.slice(last));
  return { parts, references, issues };
}

function parseReference(raw: string, expression: string): TemplateReference | string {
  const segments = expression.split(".");
  if (segments.some((s) => !SEGMENT.test(s) || FORBIDDEN.has(s))) {
    return `'${raw}' is not a valid reference; use {{input.<name>}} or {{nodes.<id>.<field>}}`;
  }
  const [root, head, ...rest] = segments;
  if (root === "input" && head !== undefined && rest.length === 0) return { kind: "input", raw, name: head };
  if (root === "nodes" && head !== undefined) return { kind: "node", raw, nodeId: head, path: rest };
  return `'${raw}' is not a valid reference; use {{input.<name>}} or {{nodes.<id>.<field>}}`;
}

/** What a template can see while rendering. Missing values render as an empty string. */
export interface TemplateScope {
  input(name: string): unknown;
  node(id: string): Record<string, unknown> | undefined;
}

export function renderTemplate(compiled: CompiledTemplate, scope: TemplateScope): string {
  let out = "";
  for (const part of compiled.parts) {
    if (typeof part === "string") out += part;
    else out += stringifyValue(resolveReference(part, scope));
  }
  return out;
}

export function resolveReference(ref: TemplateReference, scope: TemplateScope): unknown {
  if (ref.kind === "input") return scope.input(ref.name);
  let value: unknown = scope.node(ref.nodeId);
  if (value === undefined) return undefined;
  // Own properties only, as everywhere else here: an inherited `value` is not the node's main value.
  if (ref.path.length === 0) return Object.hasOwn(value as object, "value") ? (value as Record<string, unknown>).value : undefined;
  for (const key of ref.path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** How any value appears in a prompt: strings as is, everything else as JSON. */
export function stringifyValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
