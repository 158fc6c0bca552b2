import { createHash } from "node:crypto";
import type { ModelGateway } from "@switchyard/core";

/**
 * Gateways by credential set: building one creates an SDK client per provider, which is wasted
 * work on every run when a workspace's keys rarely change. Keyed by a hash, never by the keys.
 */
export class GatewayCache {
  private readonly gateways = new Map<string, ModelGateway>();

  constructor(
    private readonly create: (keys: Record<string, string>) => ModelGateway,
    private readonly limit = 100,
  ) {}

  get(keys: Record<string, string>): ModelGateway {
    const id = createHash("sha256").update(JSON.stringify(Object.entries(keys).sort())).digest("hex");
    let gateway = this.gateways.get(id);
    if (!gateway) {
      if (this.gateways.size >= this.limit) this.gateways.delete(this.gateways.keys().next().value!);
      gateway = this.create(keys);
      this.gateways.set(id, gateway);
    }
    return gateway;
  }
}
