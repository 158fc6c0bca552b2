import { unstorableMessage } from "../input/storable-input";

/** Longest text accepted in any field of an account request (names, emails, passwords, images). */
export const AUTH_FIELD_CHARS = 2000;

/** Fields better-auth hands to the database as they come (update-user checks no types). */
const TEXT_FIELDS = new Set(["name", "email", "password", "currentPassword", "newPassword"]);

/**
 * What is wrong with an account request's body or query, in a sentence naming the field: text
 * Postgres cannot store, hostile nesting, or a field far longer than any name or address.
 * better-auth stores these fields as given, so they are checked before it sees them.
 */
export function authInputProblem(body: unknown, query: unknown): string | undefined {
  const unstorable = unstorableMessage(body) ?? unstorableMessage(query, "query");
  if (unstorable) return unstorable;
  if (body === null || typeof body !== "object") return undefined;
  for (const [field, value] of Object.entries(body)) {
    if (TEXT_FIELDS.has(field) && value !== undefined && typeof value !== "string") return `${field} must be text.`;
    if (typeof value === "string" && value.length > AUTH_FIELD_CHARS) return `${field} is ${value.length} characters long; the limit is ${AUTH_FIELD_CHARS}.`;
  }
  return undefined;
}
