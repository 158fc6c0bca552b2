import { isRecord } from "../../util/records";

export type AuthResult = { ok: true } | { ok: false; message: string; status: number };

/** Messages for better-auth's error codes where its own text is terse; anything else is shown as it comes. */
const FRIENDLY: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "Wrong email or password.",
  USER_ALREADY_EXISTS: "An account with this email already exists; sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists; sign in instead.",
  PASSWORD_TOO_SHORT: "The password must be at least 8 characters.",
  PASSWORD_TOO_LONG: "The password is too long.",
  INVALID_EMAIL: "That is not a valid email address.",
};

/** Turns a better-auth error response into one sentence. Pure, for tests. */
export function authErrorMessage(status: number, body: unknown, retryAfterSeconds?: number): string {
  if (status === 429) {
    const wait = retryAfterSeconds && retryAfterSeconds > 0 ? ` Please wait ${retryAfterSeconds} s and try again.` : " Please wait a minute and try again.";
    return `Too many attempts.${wait}`;
  }
  const code = isRecord(body) && typeof body.code === "string" ? body.code : undefined;
  if (code && FRIENDLY[code]) return FRIENDLY[code];
  if (isRecord(body) && typeof body.message === "string" && body.message) return body.message;
  if (status >= 500) return "The server could not handle that just now; please try again.";
  return `Sign-in failed (HTTP ${status}).`;
}

async function post(path: string, body: Record<string, unknown>): Promise<AuthResult> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "Can't reach the Switchyard server; check your connection and try again." };
  }
  if (response.ok) return { ok: true };
  const payload: unknown = await response.json().catch(() => undefined);
  const retryAfter = Number(response.headers.get("x-retry-after") ?? response.headers.get("retry-after") ?? "");
  return { ok: false, status: response.status, message: authErrorMessage(response.status, payload, Number.isFinite(retryAfter) ? retryAfter : undefined) };
}

export const authClient = {
  signIn: (email: string, password: string) => post("sign-in/email", { email, password }),
  signUp: (name: string, email: string, password: string) => post("sign-up/email", { name, email, password }),
  signOut: () => post("sign-out", {}),
};

/** Where to go after signing in: a path on this site only (never `//evil.example`). */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/sign-in") || next.startsWith("/sign-up")) return "/";
  return next;
}
