import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../examples");

/** Seeds that make the cascade's cheap model answer confidently (the short path) or not (escalate to the slow one). */
export const QUICK_SEED = 3;
export const SLOW_SEED = 1;

/**
 * The cascade template, with a strong model slow enough to watch: seed 3 passes the gate after
 * the cheap model (well under a second); seed 1 escalates to a model that streams for a minute.
 */
export function slowCascade(name: string): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(path.join(examples, "cascade.json"), "utf8")) as { name: string; nodes: { id: string; data?: Record<string, unknown> }[] };
  doc.name = name;
  const strong = doc.nodes.find((n) => n.id === "strong");
  if (!strong?.data) throw new Error("the cascade example has no strong model node");
  const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
  strong.data.timeoutMs = 300_000;
  strong.data.sim = { reply: `Canberra, after a long think: ${words}.`, latencyMs: 300, tokensPerSecond: 4 };
  return doc;
}
