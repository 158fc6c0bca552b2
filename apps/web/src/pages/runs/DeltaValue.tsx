import { deltaTone } from "../../inspect/inspect-format";

/** B minus A, signed and coloured: more cost, time or tokens reads red, less reads green. */
export function DeltaValue({
  delta,
  format,
}: {
  delta: number;
  format: (delta: number) => string;
}) {
  const tone = deltaTone(delta);
  const words = tone === "same" ? "no change" : tone === "up" ? "more in B" : "less in B";
  return (
    <span className={`sy-runs-delta sy-runs-delta--${tone}`} title={words}>
      {format(delta)}
      <span className="sr-only"> ({words})</span>
    </span>
  );
}
