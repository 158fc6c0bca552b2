import { sparklinePaths } from "./sparkline";

const WIDTH = 88;
const HEIGHT = 22;

/** A model's cost per bucket over the period as a tiny line, described in words for screen readers. */
export function CostSparkline({ values, label }: { values: readonly number[]; label: string }) {
  const { line, area } = sparklinePaths(values, WIDTH, HEIGHT);
  return (
    <svg className="sy-spark" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <title>{label}</title>
      <path className="sy-spark__area" d={area} />
      <path className="sy-spark__line" d={line} />
    </svg>
  );
}
