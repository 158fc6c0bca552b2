const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago", then a date ("12 Mar 2026"). */
export function formatRelativeTime(when: Date | string, now: Date = new Date()): string {
  const date = typeof when === "string" ? new Date(when) : when;
  const ms = now.getTime() - date.getTime();
  if (Number.isNaN(ms)) return "";
  // A clock a little ahead of the server's still reads as "just now", not "in 2 s".
  if (ms < 45_000) return "just now";
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min ago`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return formatDate(date, now);
}

/** "12 Mar" this year, "12 Mar 2025" otherwise. */
export function formatDate(date: Date, now: Date = new Date()): string {
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }) });
}

/** Full date and time, for a tooltip beside a relative time. */
export function formatDateTime(when: Date | string): string {
  const date = typeof when === "string" ? new Date(when) : when;
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}
