import { ModelError } from "../model/model-errors";

/**
 * The run's USD budget. A call reserves its worst-case cost before it starts and settles at its
 * real cost, so concurrent branches can't jointly overspend.
 */
export class Budget {
  private spent = 0;
  private reserved = 0;

  constructor(private readonly limitUsd: number | undefined) {}

  get limited(): boolean {
    return this.limitUsd !== undefined;
  }

  get spentUsd(): number {
    return this.spent;
  }

  /** Reserves `estimateUsd` or throws a `budget` error naming the node. */
  reserve(nodeId: string, estimateUsd: number): void {
    if (this.limitUsd === undefined) return;
    if (this.spent + this.reserved + estimateUsd > this.limitUsd) {
      throw new ModelError(
        "budget",
        `run budget of $${this.limitUsd} would be exceeded: node '${nodeId}' may cost up to $${estimateUsd.toFixed(6)} and $${(this.spent + this.reserved).toFixed(6)} is already spent or committed`,
      );
    }
    this.reserved += estimateUsd;
  }

  release(estimateUsd: number): void {
    if (this.limitUsd !== undefined) this.reserved = Math.max(0, this.reserved - estimateUsd);
  }

  record(costUsd: number): void {
    this.spent += costUsd;
  }
}
