import { ModelError } from "../model/model-errors";

/**
 * A run's USD budget ledger. A call reserves its worst-case cost before it starts and settles at
 * its real cost, so concurrent branches can't jointly overspend. Subflows share their parent's
 * ledger (RunOptions.budget), so sibling subflows see each other's reservations.
 */
export class Budget {
  private spent = 0;
  private reserved = 0;

  constructor(private readonly limit: number | undefined) {}

  get limited(): boolean {
    return this.limit !== undefined;
  }

  get limitUsd(): number | undefined {
    return this.limit;
  }

  get spentUsd(): number {
    return this.spent;
  }

  /** What a new reservation may still take (Infinity without a limit). */
  get availableUsd(): number {
    return this.limit === undefined ? Infinity : Math.max(0, this.limit - this.spent - this.reserved);
  }

  /** Reserves `estimateUsd` or throws a `budget` error naming the node. */
  reserve(nodeId: string, estimateUsd: number): void {
    if (this.limit === undefined) return;
    if (this.spent + this.reserved + estimateUsd > this.limit) {
      throw new ModelError(
        "budget",
        `run budget of $${this.limit} would be exceeded: node '${nodeId}' may cost up to $${estimateUsd.toFixed(6)} and $${(this.spent + this.reserved).toFixed(6)} is already spent or committed`,
      );
    }
    this.reserved += estimateUsd;
  }

  release(estimateUsd: number): void {
    if (this.limit !== undefined) this.reserved = Math.max(0, this.reserved - estimateUsd);
  }

  record(costUsd: number): void {
    this.spent += costUsd;
  }
}
