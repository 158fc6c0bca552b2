import { describe, expect, it } from "vitest";
import { emailProblem, nameProblem, passwordProblem } from "./validation";

describe("auth form validation", () => {
  it("wants a plausible email", () => {
    expect(emailProblem("")).toMatch(/enter your email/i);
    expect(emailProblem("ada")).toMatch(/like name@example.com/);
    expect(emailProblem(" ada@example.com ")).toBeUndefined();
  });

  it("checks password length only for new accounts", () => {
    expect(passwordProblem("", false)).toMatch(/enter your password/i);
    expect(passwordProblem("short", false)).toBeUndefined();
    expect(passwordProblem("short", true)).toMatch(/at least 8/);
    expect(passwordProblem("long enough", true)).toBeUndefined();
  });

  it("wants a name", () => {
    expect(nameProblem("  ")).toBeDefined();
    expect(nameProblem("Ada")).toBeUndefined();
  });
});
