import { matchQuery, type QueryClient } from "@tanstack/react-query";
import { isRecord } from "../util/records";

/** `me.get`'s query key (tRPC keys are `[path, {type, input}]`; a prefix matches). */
export const ME_KEY = [["me", "get"]];

/** What became of unsaved work when the session ended: kept in this browser, or not keepable (storage full or off). */
export type DraftOutcome = "kept" | "lost";

/** Told when the session is found gone, before the app leaves for sign-in; returns what it did with unsaved work, if any. */
export type SessionEndListener = () => DraftOutcome | undefined;

/** Why the app is about to ask for sign-in again, for the sign-in page to say. */
export interface SessionEnd {
  draft?: DraftOutcome;
}

const listeners = new Set<SessionEndListener>();
let ended: SessionEnd | undefined;

/** While registered, `listener` hears of the session's end (the editor, to keep unsaved changes). */
export function onSessionEnd(listener: SessionEndListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Set once a signed-in session went away (expired, or signed out elsewhere); cleared by signing in. */
export function sessionEnd(): SessionEnd | undefined {
  return ended;
}

export function clearSessionEnd(): void {
  ended = undefined;
}

/**
 * Watches `me.get`: when an answer says nobody is signed in where someone was (every UNAUTHORIZED
 * call re-reads it), the session ended. Cache listeners run as the answer lands, before React
 * renders the redirect, so the editor still has its canvas when it is told.
 */
export function watchSessionEnd(queryClient: QueryClient): () => void {
  let signedIn = false;
  return queryClient.getQueryCache().subscribe((event) => {
    if (!matchQuery({ queryKey: ME_KEY }, event.query)) return;
    // Signing out here clears the cache first: what follows is a fresh start, not an ending.
    if (event.type === "removed") signedIn = false;
    if (event.type !== "updated" || event.action.type !== "success") return;
    const data: unknown = event.action.data;
    const user = isRecord(data) ? data.user : undefined;
    if (signedIn && !user) end();
    signedIn = Boolean(user);
  });
}

function end(): void {
  const outcomes = [...listeners].map((listener) => listener());
  const draft = outcomes.includes("lost") ? "lost" : outcomes.includes("kept") ? "kept" : undefined;
  ended = draft ? { draft } : {};
}
