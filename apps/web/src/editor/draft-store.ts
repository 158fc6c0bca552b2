import type { FlowDocument } from "@switchyard/core";
import { isRecord } from "../util/records";
import { parseFlowValue } from "./flow-file";

/** The part of Web Storage the drafts use: `localStorage` in the app, a plain object in tests. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** Unsaved work on one flow, kept in this browser when the session ended before it was saved. */
export interface Draft {
  userId: string;
  flowId: string;
  /** The saved version the changes were made on: saving names it, so a newer save is a conflict, never overwritten. */
  baseVersion: number;
  document: FlowDocument;
  /** When it was kept (ms since the epoch). */
  keptAt: number;
}

const PREFIX = "switchyard.draft.v1:";

/** A draft nobody came back for within a week goes, so a shared browser does not hoard old work. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** One key per user and flow: another user of the same browser never reads someone else's draft. */
export function draftKey(userId: string, flowId: string): string {
  return `${PREFIX}${encodeURIComponent(userId)}:${encodeURIComponent(flowId)}`;
}

/** Keeps the draft; false when the browser refuses (storage full or turned off), so the caller can say so. */
export function keepDraft(storage: DraftStorage, draft: Draft, now = draft.keptAt): boolean {
  pruneDrafts(storage, now);
  try {
    storage.setItem(draftKey(draft.userId, draft.flowId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** This user's draft of this flow, if one was kept and is still readable and recent; anything else is dropped. */
export function readDraft(storage: DraftStorage, userId: string, flowId: string, now: number): Draft | undefined {
  const key = draftKey(userId, flowId);
  const text = safeGet(storage, key);
  if (text === null) return undefined;
  const draft = parseDraft(text, now);
  if (draft?.userId === userId && draft.flowId === flowId) return draft;
  safeRemove(storage, key);
  return undefined;
}

export function discardDraft(storage: DraftStorage, userId: string, flowId: string): void {
  safeRemove(storage, draftKey(userId, flowId));
}

/** Drops every draft (of any user) that is too old or no longer readable. */
export function pruneDrafts(storage: DraftStorage, now: number): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) if (!parseDraft(safeGet(storage, key), now)) safeRemove(storage, key);
}

/** The browser's `localStorage`, or undefined where reading it throws (storage turned off, some private modes). */
export function browserDraftStorage(): DraftStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function parseDraft(text: string | null, now: number): Draft | undefined {
  if (text === null) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw)) return undefined;
  const { userId, flowId, baseVersion, keptAt } = raw;
  if (typeof userId !== "string" || typeof flowId !== "string") return undefined;
  if (typeof baseVersion !== "number" || !Number.isInteger(baseVersion) || baseVersion < 1) return undefined;
  if (typeof keptAt !== "number" || !Number.isFinite(keptAt) || now - keptAt > DRAFT_MAX_AGE_MS) return undefined;
  // The same check a saved version gets on opening: an older format is migrated, a broken one refused.
  const parsed = parseFlowValue(raw.document);
  if (!parsed.ok) return undefined;
  return { userId, flowId, baseVersion, keptAt, document: parsed.document };
}

function safeGet(storage: DraftStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function safeRemove(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage turned off: there is nothing to remove either.
  }
}
