import { isRecord } from "../util/records";

/** The tRPC error code (`UNAUTHORIZED`, `CONFLICT`, …) of a failed call, when it has one. */
export function errorCode(error: unknown): string | undefined {
  const data = isRecord(error) ? error.data : undefined;
  return isRecord(data) && typeof data.code === "string" ? data.code : undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === "UNAUTHORIZED";
}

/** The server says "not found" for things you may not see, and "forbidden" for things you may see but not do. */
export function isNoAccess(error: unknown): boolean {
  const code = errorCode(error);
  return code === "NOT_FOUND" || code === "FORBIDDEN";
}

/**
 * A failed call as a sentence for people. The server writes its messages for people already; input
 * validation errors arrive as a flattened zod error, shown as "field: problem".
 */
export function errorMessage(error: unknown): string {
  const data = isRecord(error) ? error.data : undefined;
  const zod = isRecord(data) ? data.zodError : undefined;
  if (isRecord(zod)) {
    const form = Array.isArray(zod.formErrors) ? zod.formErrors.filter((m): m is string => typeof m === "string") : [];
    const fields = isRecord(zod.fieldErrors)
      ? Object.entries(zod.fieldErrors).flatMap(([field, messages]) =>
          Array.isArray(messages) ? messages.filter((m): m is string => typeof m === "string").map((m) => `${field}: ${m}`) : [],
        )
      : [];
    const all = [...form, ...fields];
    if (all.length > 0) return all.join("; ");
  }
  if (error instanceof Error) {
    // fetch() failing outright: say what happened, not "Failed to fetch".
    if (error.message === "Failed to fetch" || error.message.startsWith("NetworkError")) return "Can't reach the Switchyard server; check your connection and try again.";
    return error.message;
  }
  return "Something went wrong.";
}
