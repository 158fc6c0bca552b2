import { describe, expect, it } from "vitest";
import { resultNotices } from "./result-notices";

describe("resultNotices", () => {
  it("says in plain words how many characters were replaced, and why", () => {
    expect(resultNotices({ replacedChars: 2 }).map((n) => n.text)).toEqual(["2 characters that can't be stored were replaced with \uFFFD"]);
    expect(resultNotices({ replacedChars: 1 }).map((n) => n.text)).toEqual(["1 character that can't be stored was replaced with \uFFFD"]);
    expect(resultNotices({ replacedChars: 1200 })[0]?.short).toBe("1,200 characters replaced with \uFFFD");
  });

  it("says where a reply was cut off", () => {
    expect(resultNotices({ truncated: "max_tokens" })[0]?.text).toBe("Reply cut off at the node's max tokens");
    expect(resultNotices({ truncated: "output_limit" })[0]?.text).toBe("Reply cut off at the server's output limit");
  });

  it("lists the cut-off first when both happened, and nothing for a clean reply", () => {
    expect(resultNotices({ replacedChars: 3, truncated: "max_tokens" }).map((n) => n.kind)).toEqual(["truncated", "replaced"]);
    expect(resultNotices({})).toEqual([]);
    expect(resultNotices({ replacedChars: 0 })).toEqual([]);
  });
});
