/**
 * Hostile variants of a good request body, for tests that drive every procedure and route with
 * what an attacker (or a broken client) sends: NUL and lone surrogates in every string and key,
 * nesting far deeper than any parser or schema should follow, huge strings, wrong types and
 * prototype keys. Pure data: the tests decide how to send each variant and what to expect.
 */

export type HostileKind = "nul" | "surrogate" | "deep" | "huge" | "wrong-type" | "prototype";

export interface HostileVariant {
  kind: HostileKind;
  /** Where the hostile value sits, as a dotted path (`inputs.question`), "" for the whole body. */
  path: string;
  /** What was done, for a test's failure message. */
  label: string;
  body: unknown;
  /** True when the call must be refused (400/413) with nothing written; false when it may also succeed. */
  mustRefuse: boolean;
  /** What a refusal's message must say. */
  mentions: RegExp;
}

/** Nesting an attacker might send: far beyond the JSON, schema and database recursion limits. */
export const HOSTILE_DEPTH = 10_000;
/** Longer than any field, body or document limit. */
export const HUGE_CHARS = 2_500_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function deepArray(depth: number): Json {
  let value: Json = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

function deepObject(depth: number): Json {
  let value: Json = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}

/** Every value in `body` with its path, parents before children. */
function walk(body: Json, path: string[] = [], out: { path: string[]; value: Json }[] = []) {
  out.push({ path, value: body });
  if (Array.isArray(body)) body.forEach((child, i) => walk(child, [...path, String(i)], out));
  else if (body !== null && typeof body === "object") for (const [key, child] of Object.entries(body)) walk(child, [...path, key], out);
  return out;
}

/** A copy of `body` with the value at `path` replaced (the whole body for an empty path). */
function replaced(body: Json, path: string[], value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, Json>;
  parent[path.at(-1)!] = value;
  return copy;
}

/** A copy of `body` whose object at `path` also has own key `key` (`__proto__` too, as JSON.parse would make it). */
function withKey(body: Json, path: string[], key: string, value: Json): unknown {
  const target = walk(body).find((v) => v.path.join("\0") === path.join("\0"))!.value as Record<string, Json>;
  const extended: Record<string, Json> = {};
  for (const [k, v] of [...Object.entries(target), [key, value] as const]) {
    Object.defineProperty(extended, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return replaced(body, path, extended);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A message naming `path` (when there is one) and saying `what`. */
const naming = (path: string, what: string) => new RegExp(`${path ? `${escape(path)}.*` : ""}${what}`, "s");

/**
 * The hostile variants of one good body (a procedure's input, a route's JSON body). `depth` and
 * `hugeChars` size the deep and huge variants: lower them for bodies sent in a URL (a query's
 * `?input=`), which the HTTP server cuts off at 16 KB before any of our code sees it.
 */
export function hostileVariants(good: unknown, options: { depth?: number; hugeChars?: number } = {}): HostileVariant[] {
  const depth = options.depth ?? HOSTILE_DEPTH;
  const hugeChars = options.hugeChars ?? HUGE_CHARS;
  const body = (good === undefined ? null : structuredClone(good)) as Json;
  const variants: HostileVariant[] = [];
  const add = (kind: HostileKind, path: string[], label: string, hostile: unknown, mustRefuse: boolean, mentions: RegExp) =>
    variants.push({ kind, path: path.join("."), label: `${label} at ${path.join(".") || "the body"}`, body: hostile, mustRefuse, mentions });

  for (const { path, value } of walk(body)) {
    const at = path.join(".");
    if (typeof value === "string") {
      add("nul", path, "U+0000 in a string", replaced(body, path, `${value}\u0000tail`), true, naming(at, "U\\+0000"));
      add("surrogate", path, "a lone high surrogate", replaced(body, path, `${value}\uD800`), true, naming(at, "surrogate"));
      add("surrogate", path, "a lone low surrogate", replaced(body, path, `\uDC00${value}`), true, naming(at, "surrogate"));
      add("huge", path, "a huge string", replaced(body, path, "x".repeat(hugeChars)), true, new RegExp(`${escape(at)}|too large|limit`, "i"));
      add("wrong-type", path, "a number for a string", replaced(body, path, 12345), false, /./);
    }
    if (typeof value === "number") {
      add("wrong-type", path, "a string for a number", replaced(body, path, String(value)), false, /./);
      add("wrong-type", path, "a number too large for the database", replaced(body, path, 1e300), false, /./);
      add("wrong-type", path, "a number just past 32 bits", replaced(body, path, 2 ** 31), false, /./);
    }
    if (path.length > 0) {
      add("deep", path, `${depth}-deep arrays`, replaced(body, path, deepArray(depth)), true, /nested more than \d+ levels/);
      add("wrong-type", path, "null", replaced(body, path, null), false, /./);
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      add("nul", path, "U+0000 in a key", withKey(body, path, "bad\u0000key", "v"), true, /key .*U\+0000/);
      add("surrogate", path, "a lone surrogate in a key", withKey(body, path, "bad\uDFFFkey", "v"), true, /key .*surrogate/);
      add("deep", path, `${depth}-deep objects under a new key`, withKey(body, path, "nested", deepObject(depth)), true, /nested more than \d+ levels/);
      add("prototype", path, "a __proto__ key", withKey(body, path, "__proto__", { polluted: "yes", role: "owner" }), false, /./);
      add("prototype", path, "a constructor.prototype key", withKey(body, path, "constructor", { prototype: { polluted: "yes" } }), false, /./);
    }
  }
  // The whole body replaced: a bare hostile string, deep nesting, a wrong type.
  add("nul", [], "a bare string with U+0000", "\u0000", true, /U\+0000/);
  add("deep", [], `${depth}-deep arrays`, deepArray(depth), true, /nested more than \d+ levels/);
  add("wrong-type", [], "an array for the body", [1, 2, 3], false, /./);
  return variants;
}

/** JSON text of `value` without recursion (JSON.stringify overflows the stack on hostile depth). */
export function hostileJson(value: unknown): string {
  const out: string[] = [];
  const work: ({ raw: string } | { value: unknown })[] = [{ value }];
  while (work.length > 0) {
    const item = work.pop()!;
    if ("raw" in item) {
      out.push(item.raw);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== "object") {
      out.push(JSON.stringify(v) ?? "null");
      continue;
    }
    const entries = Array.isArray(v) ? v.map((child): [string | undefined, unknown] => [undefined, child]) : Object.entries(v).filter(([, child]) => child !== undefined);
    const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
    work.push({ raw: close });
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      work.push({ value: child });
      if (key !== undefined) work.push({ raw: `${JSON.stringify(key)}:` });
      if (i > 0) work.push({ raw: "," });
    }
    work.push({ raw: open });
  }
  return out.join("");
}
