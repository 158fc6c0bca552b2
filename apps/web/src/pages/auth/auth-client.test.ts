import { describe, expect, it } from "vitest";
import { authErrorMessage, safeNextPath } from "./auth-client";

describe("authErrorMessage", () => {
  it("says a rate limit plainly, with the wait when the server gives it", () => {
    expect(authErrorMessage(429, { message: "Too many requests. Please try again later." }, 42)).toBe("Too many attempts. Please wait 42 s and try again.");
    expect(authErrorMessage(429, undefined)).toMatch(/^Too many attempts\./);
  });

  it("maps known better-auth codes and passes other messages through", () => {
    expect(authErrorMessage(401, { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" })).toBe("Wrong email or password.");
    expect(authErrorMessage(422, { code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", message: "User already exists." })).toMatch(/already exists/);
    expect(authErrorMessage(400, { code: "SOMETHING_NEW", message: "Something new happened" })).toBe("Something new happened");
  });

  it("falls back to a sentence when the body says nothing", () => {
    expect(authErrorMessage(502, undefined)).toMatch(/try again/);
    expect(authErrorMessage(418, {})).toBe("Sign-in failed (HTTP 418).");
  });
});

describe("safeNextPath", () => {
  it("keeps local paths and refuses other sites", () => {
    expect(safeNextPath("/flows/abc?run=1")).toBe("/flows/abc?run=1");
    expect(safeNextPath("//evil.example")).toBe("/");
    expect(safeNextPath("https://evil.example")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath("/sign-in")).toBe("/");
  });
});
