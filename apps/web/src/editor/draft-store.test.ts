import { describe, expect, it } from "vitest";
import type { FlowDocument } from "@switchyard/core";
import { templateByKey } from "../templates/templates";
import { DRAFT_MAX_AGE_MS, discardDraft, draftKey, keepDraft, pruneDrafts, readDraft, type Draft, type DraftStorage } from "./draft-store";

/** Web Storage's contract over a Map, optionally refusing writes as a full or disabled storage does. */
function memoryStorage(options: { refuseWrites?: boolean; refuseReads?: boolean } = {}): DraftStorage & { keys: () => string[] } {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => {
      if (options.refuseReads) throw new Error("SecurityError");
      return items.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (options.refuseWrites) throw new Error("QuotaExceededError");
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  };
}

function flow(): FlowDocument {
  const doc = templateByKey("pipeline");
  if (!doc) throw new Error("no pipeline example");
  return doc;
}

const NOW = Date.parse("2026-12-04T12:00:00Z");

function draft(overrides: Partial<Draft> = {}): Draft {
  return { userId: "ada", flowId: "flow-1", baseVersion: 3, document: { ...flow(), name: "Edited" }, keptAt: NOW, ...overrides };
}

describe("draft store", () => {
  it("keeps a draft per user and flow and reads it back whole, with the version it was made on", () => {
    const storage = memoryStorage();
    expect(keepDraft(storage, draft())).toBe(true);
    expect(readDraft(storage, "ada", "flow-1", NOW + 1000)).toEqual(draft());
    expect(readDraft(storage, "ada", "flow-2", NOW)).toBeUndefined();
  });

  it("never gives one user's draft to another user of the same browser, and leaves it for its owner", () => {
    const storage = memoryStorage();
    keepDraft(storage, draft());
    expect(readDraft(storage, "grace", "flow-1", NOW)).toBeUndefined();
    expect(readDraft(storage, "ada", "flow-1", NOW)?.document.name).toBe("Edited");
  });

  it("refuses a draft whose contents name another user or flow than its key (edited by hand)", () => {
    const storage = memoryStorage();
    storage.setItem(draftKey("grace", "flow-1"), JSON.stringify(draft()));
    expect(readDraft(storage, "grace", "flow-1", NOW)).toBeUndefined();
    expect(storage.keys()).toEqual([]);
  });

  it("is gone once discarded", () => {
    const storage = memoryStorage();
    keepDraft(storage, draft());
    keepDraft(storage, draft({ userId: "grace" }));
    discardDraft(storage, "ada", "flow-1");
    expect(readDraft(storage, "ada", "flow-1", NOW)).toBeUndefined();
    expect(readDraft(storage, "grace", "flow-1", NOW)).toBeDefined();
  });

  it("drops drafts older than a week, when read and whenever another is kept", () => {
    const storage = memoryStorage();
    keepDraft(storage, draft());
    keepDraft(storage, draft({ flowId: "flow-2", userId: "grace" }));
    expect(readDraft(storage, "ada", "flow-1", NOW + DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(storage.keys()).toEqual([draftKey("grace", "flow-2")]);
    keepDraft(storage, draft({ flowId: "flow-3", keptAt: NOW + DRAFT_MAX_AGE_MS + 1 }));
    expect(storage.keys()).toEqual([draftKey("ada", "flow-3")]);
  });

  it("drops what it can't read (not JSON, not a flow, no base version) instead of opening it", () => {
    const storage = memoryStorage();
    storage.setItem(draftKey("ada", "a"), "{not json");
    storage.setItem(draftKey("ada", "b"), JSON.stringify({ ...draft({ flowId: "b" }), document: { nodes: "?" } }));
    storage.setItem(draftKey("ada", "c"), JSON.stringify({ ...draft({ flowId: "c" }), baseVersion: 0 }));
    storage.setItem("someone-else's-key", "kept");
    for (const id of ["a", "b", "c"]) expect(readDraft(storage, "ada", id, NOW)).toBeUndefined();
    expect(storage.keys()).toEqual(["someone-else's-key"]);
    storage.setItem(draftKey("ada", "d"), "{not json");
    pruneDrafts(storage, NOW);
    expect(storage.keys()).toEqual(["someone-else's-key"]);
  });

  it("says so when the browser refuses to keep it, and reads nothing from a storage that throws", () => {
    expect(keepDraft(memoryStorage({ refuseWrites: true }), draft())).toBe(false);
    expect(readDraft(memoryStorage({ refuseReads: true }), "ada", "flow-1", NOW)).toBeUndefined();
    expect(() => discardDraft(memoryStorage({ refuseReads: true }), "ada", "flow-1")).not.toThrow();
  });
});
