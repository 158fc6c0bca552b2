import { createHash } from "node:crypto";
import type { ModelGateway } from "@switchyard/core";

/** How long a workspace's keys are trusted before they are read (and decrypted) again. */
const KEYS_TTL_MS = 5000;

/**
 * A workspace's model gateway for its runs. Its provider keys are read and decrypted once and kept
 * a few seconds (forgotten at once when the API announces a change to them), and a
 * gateway is built once per set of keys (building one makes an SDK client per provider). Gateways
 * are keyed by a hash of the keys, never by the keys.
 */
export class WorkspaceGateways {
  private readonly byKeys = new Map<string, ModelGateway>();
  private readonly byWorkspace = new Map<string, { gateway: Promise<ModelGateway>; until: number }>();

  constructor(
    private readonly create: (keys: Record<string, string>) => ModelGateway,
    private readonly keysOf: (workspaceId: string) => Promise<Record<string, string>>,
    private readonly limit = 100,
  ) {}

  get(workspaceId: string): Promise<ModelGateway> {
    const known = this.byWorkspace.get(workspaceId);
    if (known && known.until > Date.now()) return known.gateway;
    const gateway = this.keysOf(workspaceId).then((keys) => this.forKeys(keys));
    if (this.byWorkspace.size >= this.limit) this.byWorkspace.clear();
    this.byWorkspace.set(workspaceId, { gateway, until: Date.now() + KEYS_TTL_MS });
    gateway.catch(() => this.byWorkspace.delete(workspaceId));
    return gateway;
  }

  /** The workspace's keys changed: its next run reads them again. */
  forget(workspaceId: string): void {
    this.byWorkspace.delete(workspaceId);
  }

  /** The LISTEN connection was lost for a while: any workspace's keys may have changed. */
  forgetAll(): void {
    this.byWorkspace.clear();
  }

  private forKeys(keys: Record<string, string>): ModelGateway {
    const id = createHash("sha256").update(JSON.stringify(Object.entries(keys).sort())).digest("hex");
    let gateway = this.byKeys.get(id);
    if (!gateway) {
      if (this.byKeys.size >= this.limit) this.byKeys.delete(this.byKeys.keys().next().value!);
      gateway = this.create(keys);
      this.byKeys.set(id, gateway);
    }
    return gateway;
  }
}
