/** The periods the Models page offers, as `insights.models` takes them (days). */
export const PERIODS = [
  { days: 1, label: "24 h", long: "the last 24 hours" },
  { days: 7, label: "7 d", long: "the last 7 days" },
  { days: 30, label: "30 d", long: "the last 30 days" },
  { days: 90, label: "90 d", long: "the last 90 days" },
] as const;

export type PeriodDays = (typeof PERIODS)[number]["days"];

export const DEFAULT_PERIOD: PeriodDays = 7;

export function periodOf(days: PeriodDays): (typeof PERIODS)[number] {
  return PERIODS.find((p) => p.days === days) ?? PERIODS[1];
}
