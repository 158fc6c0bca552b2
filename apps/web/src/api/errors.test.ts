import { describe, expect, it } from "vitest";
import { errorCode, errorMessage, isNoAccess, isUnauthorized } from "./errors";

/** The shape TRPCClientError has: an Error with `data` from the server's error formatter. */
function trpcError(message: string, data: Record<string, unknown>) {
  return Object.assign(new Error(message), { data });
}

describe("errorMessage", () => {
  it("passes server messages through: they are written for people", () => {
    expect(errorMessage(trpcError("Flow not found", { code: "NOT_FOUND", zodError: null }))).toBe("Flow not found");
  });

  it("turns a flattened zod error into field: message, instead of the raw JSON message", () => {
    const error = trpcError('[{"code":"too_small"}]', { code: "BAD_REQUEST", zodError: { formErrors: [], fieldErrors: { name: ["A flow needs a name"] } } });
    expect(errorMessage(error)).toBe("name: A flow needs a name");
  });

  it("explains a network failure", () => {
    expect(errorMessage(new TypeError("Failed to fetch"))).toMatch(/can't reach/i);
  });

  it("copes with things that are not errors", () => {
    expect(errorMessage("nope")).toBe("Something went wrong.");
  });
});

describe("errorCode", () => {
  it("reads the tRPC code", () => {
    expect(errorCode(trpcError("x", { code: "CONFLICT" }))).toBe("CONFLICT");
    expect(isUnauthorized(trpcError("x", { code: "UNAUTHORIZED" }))).toBe(true);
    expect(errorCode(new Error("plain"))).toBeUndefined();
  });
});

describe("isNoAccess", () => {
  it("is true for NOT_FOUND and FORBIDDEN only", () => {
    expect(isNoAccess(Object.assign(new Error("Flow not found"), { data: { code: "NOT_FOUND" } }))).toBe(true);
    expect(isNoAccess(Object.assign(new Error("no"), { data: { code: "FORBIDDEN" } }))).toBe(true);
    expect(isNoAccess(Object.assign(new Error("later"), { data: { code: "CONFLICT" } }))).toBe(false);
    expect(isNoAccess(new TypeError("Failed to fetch"))).toBe(false);
  });
});
