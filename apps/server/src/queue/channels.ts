/** The pg-boss queue of runs to execute. */
export const RUN_QUEUE = "switchyard-run";
/** NOTIFY channel: a run was queued (wakes workers at once instead of waiting for a poll). */
export const RUN_QUEUED_CHANNEL = "switchyard_run_queued";
/** NOTIFY channel: a user asked to cancel a run (payload: run id). */
export const RUN_CANCEL_CHANNEL = "switchyard_run_cancel";
