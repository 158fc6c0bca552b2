/** Kebab-case base for a new id: `Summarize` → `summarize`, `my node` → `my-node`. */
export function kebab(text: string): string {
  const slug = text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(slug) ? slug : `n-${slug || "node"}`;
}

/** `base`, or `base-2`, `base-3`… — the first not in `taken`; adds it to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  const stem = base.replace(/-\d+$/, "") || base;
  let id = taken.has(base) ? "" : base;
  for (let n = 2; !id; n++) if (!taken.has(`${stem}-${n}`)) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

const REFERENCE = /\{\{(\s*)nodes\.([A-Za-z][A-Za-z0-9_-]*)(?=[\s.}])/g;

/** Rewrites `{{nodes.<old>…}}` references in every string of `value`, for renamed or pasted nodes. */
export function renameReferences<T>(value: T, renames: ReadonlyMap<string, string>): T {
  if (renames.size === 0) return value;
  if (typeof value === "string") {
    return value.replace(REFERENCE, (match, space: string, id: string) => {
      const renamed = renames.get(id);
      return renamed ? `{{${space}nodes.${renamed}` : match;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => renameReferences(item, renames)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameReferences(v, renames)])) as T;
  }
  return value;
}
