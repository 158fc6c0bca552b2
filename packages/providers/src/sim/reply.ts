import { hashString, seededRandom, type SimOptions } from "@switchyard/core";

// Filler for default replies, so streaming and token counts look like a real answer.
const WORDS = (
  "the answer depends on context but a reasonable reading suggests this approach works well " +
  "in most cases given the information provided while edge cases may need a closer look"
).split(" ");

/** The reply text: the configured one (a list is picked from by seed) or a seeded placeholder. */
export function simReply(
  model: string,
  prompt: string,
  seed: string,
  sim: SimOptions | undefined,
): string {
  const reply = sim?.reply;
  let text: string;
  if (typeof reply === "string") text = reply;
  else if (reply && reply.length > 0)
    text = reply[Math.floor(seededRandom(`${seed}|reply`)() * reply.length)] ?? "";
  else text = defaultReply(model, prompt, seed);
  return sim?.confidence === undefined || /confidence\s*[:=]/i.test(text)
    ? text
    : `${text}\nConfidence: ${Math.round(sim.confidence * 100)}%`;
}

/** Obviously simulated, names the prompt, and differs between seeds (so ensembles can disagree). */
function defaultReply(model: string, prompt: string, seed: string): string {
  const firstLine = prompt.trim().split("\n")[0] ?? "";
  const topic = firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine;
  const random = seededRandom(`${seed}|default`);
  const length = 12 + Math.floor(random() * 18);
  const filler = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  const variant = (hashString(`${seed}|variant`) % 9000) + 1000;
  return `[simulated ${model}] Reply ${variant} to "${topic}": ${filler}.`;
}
