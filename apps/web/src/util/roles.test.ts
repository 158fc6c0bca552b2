import { describe, expect, it } from "vitest";
import { isRole, withArticle } from "./roles";

describe("withArticle", () => {
  it("reads as a sentence", () => {
    expect(withArticle("owner")).toBe("an owner");
    expect(withArticle("editor")).toBe("an editor");
    expect(withArticle("viewer")).toBe("a viewer");
  });
});

describe("isRole", () => {
  it("accepts the three roles only", () => {
    expect(["owner", "editor", "viewer", "admin", ""].filter(isRole)).toEqual(["owner", "editor", "viewer"]);
  });
});
