import { useEffect, useState } from "react";
import { formatDateTime, formatRelativeTime } from "../util/relative-time";

/** Ticks every 30 s so "just now" turns into "1 min ago" without a reload. */
function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "3 min ago", with the exact time on hover and for machines. */
export function RelativeTime({ value }: { value: string | Date }) {
  const now = useNow();
  const date = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
}
