/** The channel that announces "someone's access may have narrowed"; the payload is a principal. */
export const ACCESS_CHANGED_CHANNEL = "switchyard_access_changed";

/** Who an access change is about: a user (sessions) or an API key (REST clients). */
export type Principal = `user:${string}` | `apiKey:${string}`;

export const userPrincipal = (userId: string): Principal => `user:${userId}`;
export const apiKeyPrincipal = (apiKeyId: string): Principal => `apiKey:${apiKeyId}`;

/**
 * Lets live streams learn at once that their reader's access changed (a share revoked, a role
 * lowered, a member removed, a key revoked), so they re-check it instead of streaming on.
 */
export interface AccessChanges {
  /** Announces, after the change is committed, that these principals' access may have narrowed. */
  publish(principals: readonly Principal[]): Promise<void>;
  /** Calls `onChange` whenever `principal`'s access may have changed; returns the way to stop. */
  subscribe(principal: Principal, onChange: () => void): Promise<() => void>;
}

/** How announcements travel between processes: the server uses NOTIFY/LISTEN on Postgres. */
export interface AccessChangeTransport {
  notify(payload: string): Promise<void>;
  /** Calls `handler` with each payload; an empty payload means "anything may have changed" (a reconnect). */
  listen(handler: (payload: string) => void): Promise<() => void>;
}

/**
 * Fans one transport subscription out to every stream in this process that waits on a
 * principal, so a thousand open streams cost one LISTEN and a map lookup per announcement.
 */
export function accessChangesOver(transport: AccessChangeTransport): AccessChanges {
  const waiting = new Map<string, Set<() => void>>();
  let listening: Promise<unknown> | undefined;
  const deliver = (payload: string) => {
    const targets = payload === "" ? [...waiting.values()] : [waiting.get(payload) ?? new Set<() => void>()];
    for (const set of targets) for (const onChange of [...set]) onChange();
  };
  return {
    async publish(principals) {
      for (const principal of new Set(principals)) await transport.notify(principal);
    },
    async subscribe(principal, onChange) {
      // A failed LISTEN is tried again by the next subscriber rather than remembered.
      listening ??= transport.listen(deliver).catch((error: unknown) => {
        listening = undefined;
        throw error;
      });
      await listening;
      let set = waiting.get(principal);
      if (!set) waiting.set(principal, (set = new Set()));
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0 && waiting.get(principal) === set) waiting.delete(principal);
      };
    },
  };
}

/** Announcements within one process only: for tests and single-process tools. */
export function inProcessAccessChanges(): AccessChanges {
  const handlers = new Set<(payload: string) => void>();
  return accessChangesOver({
    async notify(payload) {
      // Asynchronously, as a NOTIFY arrives after its transaction commits.
      setImmediate(() => {
        for (const handler of handlers) handler(payload);
      });
    },
    async listen(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  });
}
