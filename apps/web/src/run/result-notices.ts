import type { NodeRunView } from "./run-view";

/** U+FFFD, what stands in for each character the database could not store. */
const REPLACEMENT = "\uFFFD";

/** Something a user should know about a node's result that the text alone does not show. */
export interface ResultNotice {
  kind: "truncated" | "replaced";
  /** The whole sentence, for the inspectors. */
  text: string;
  /** A few words for the canvas node, where space is short. */
  short: string;
}

/** What was cut off or replaced in a node's reply, in plain words; empty when nothing was. */
export function resultNotices(run: Pick<NodeRunView, "replacedChars" | "truncated">): ResultNotice[] {
  const notices: ResultNotice[] = [];
  if (run.truncated === "max_tokens") notices.push({ kind: "truncated", text: "Reply cut off at the node's max tokens", short: "Cut off at max tokens" });
  if (run.truncated === "output_limit") notices.push({ kind: "truncated", text: "Reply cut off at the server's output limit", short: "Cut off at the output limit" });
  const n = run.replacedChars ?? 0;
  if (n > 0) {
    notices.push({
      kind: "replaced",
      text: n === 1 ? `1 character that can't be stored was replaced with ${REPLACEMENT}` : `${n.toLocaleString("en-US")} characters that can't be stored were replaced with ${REPLACEMENT}`,
      short: `${n.toLocaleString("en-US")} ${n === 1 ? "character" : "characters"} replaced with ${REPLACEMENT}`,
    });
  }
  return notices;
}
