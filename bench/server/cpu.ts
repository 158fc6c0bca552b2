import { readFileSync } from "node:fs";
import pg from "pg";

/** CPU time of a process (all its threads), in ms; undefined once it is gone. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ: what /proc counts CPU time in. */
const CLOCK_TICKS = 100;

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * CPU of the Postgres backends serving one database: the connections of every process under
 * test. Sampled before and after a phase; a backend that comes and goes in between is missed,
 * but pools keep theirs for the whole phase.
 */
export class BackendCpu {
  private readonly client: pg.Client;

  constructor(private readonly adminUrl: string, private readonly database: string) {
    this.client = new pg.Client({ connectionString: adminUrl });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async snapshot(): Promise<Map<number, number>> {
    const { rows } = await this.client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
      [this.database],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) cpu.set(pid, ms);
    }
    return cpu;
  }

  /** CPU the backends spent between two snapshots, in ms. */
  static spent(before: Map<number, number>, after: Map<number, number>): number {
    let total = 0;
    for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
    return total;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
