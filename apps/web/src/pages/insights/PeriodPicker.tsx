import { PERIODS, type PeriodDays } from "./periods";

/** 24 h / 7 d / 30 d / 90 d as one radio group: arrow keys move between them. */
export function PeriodPicker({ value, onChange }: { value: PeriodDays; onChange: (days: PeriodDays) => void }) {
  return (
    <fieldset className="sy-segmented">
      <legend className="sy-models__label">Period</legend>
      <div className="sy-segmented__options">
        {PERIODS.map((period) => (
          <label key={period.days} className="sy-segmented__option" title={`Calls in ${period.long}`}>
            <input type="radio" name="insights-period" value={period.days} checked={value === period.days} onChange={() => onChange(period.days)} />
            <span>{period.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
