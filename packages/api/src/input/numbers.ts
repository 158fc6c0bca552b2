import { z } from "zod";

/** The largest value of a Postgres `integer` column: beyond it a query fails instead of finding nothing. */
export const MAX_INT4 = 2 ** 31 - 1;

/** A flow version number. */
export const versionNumber = z.number().int().positive().max(MAX_INT4, "no flow has that many versions");

/** A run event's sequence number (0 before the first). */
export const seqNumber = z.number().int().min(0).max(MAX_INT4, "no run has that many events");
