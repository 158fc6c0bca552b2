/** NOTIFY channel: a run was queued (wakes workers now instead of at their next poll). */
export const RUN_QUEUED_CHANNEL = "switchyard_run_queued";
/** NOTIFY channel: a run's worker should abort it (payload: run id). */
export const RUN_CANCEL_CHANNEL = "switchyard_run_cancel";
/** NOTIFY channel: a run has new events (payload: run id). */
export const RUN_EVENTS_CHANNEL = "switchyard_run_events";
