import { describe, expect, it } from "vitest";
import { splitIntoChunks } from "./chunks";

describe("splitIntoChunks", () => {
  it("splits into words and punctuation that concatenate back to the text", () => {
    expect(splitIntoChunks("Canberra. Confidence: 92%")).toEqual([
      "Canberra",
      ".",
      " Confidence",
      ":",
      " 92",
      "%",
    ]);
  });

  it.each([
    "",
    "  lead and trail  ",
    "multi\n\nline\ttext",
    "don't — stop!?",
    "日本語 テキスト",
    "a  b",
  ])("loses no character of %j", (text) => {
    expect(splitIntoChunks(text).join("")).toBe(text);
  });
});
