/** A run's status as a pill; a running run pulses. */
export function RunStatusPill({ status }: { status: string }) {
  return <span className={`sy-pill sy-pill--run-${status}`}>{status}</span>;
}
