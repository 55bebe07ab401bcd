// Small SVG charts: no chart library needed for bars and a running total.

type Bar = { label: string; value: number; compare?: number };

type BarChartProps = {
  title: string;
  bars: Bar[];
  testId?: string;
  compareLabel?: string;
  /** The value at full width, so that several charts share one scale (default: their largest). */
  max?: number;
  format?: (v: number) => string;
  /** Drawn in grey (e.g. too few items to judge). */
  greyed?: boolean;
};

/** Horizontal bars; an optional second value (e.g. the team's share) as a thin marker. */
const LABEL_CHARS = 18;

export function BarChart({ title, bars, testId, compareLabel, max: scale, format, greyed }: BarChartProps) {
  const max = scale ?? Math.max(1, ...bars.map((b) => Math.max(b.value, b.compare ?? 0)));
  const show = format ?? ((v: number) => v.toLocaleString());
  const h = 22;
  const labelW = 130;
  const w = 260;
  return (
    <figure className={`chart${greyed ? ' greyed' : ''}`} data-testid={testId} data-max={max}>
      <figcaption>{title}</figcaption>
      <svg
        width={labelW + w + 60}
        height={bars.length * h}
        viewBox={`0 0 ${labelW + w + 60} ${bars.length * h}`}
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${show(b.value)}`).join(', ')}`}
      >
        {bars.map((b, i) => (
          <g key={b.label} transform={`translate(0 ${i * h})`}>
            <text x={0} y={15} className="chart-label">
              {/* The label column is 130 px wide: a longer label (a source, a licence) is cut
                  with an ellipsis; the full text is its tooltip and in the chart's aria-label. */}
              {b.label.length > LABEL_CHARS ? `${b.label.slice(0, LABEL_CHARS - 1)}…` : b.label}
              {b.label.length > LABEL_CHARS && <title>{b.label}</title>}
            </text>
            <rect
              x={labelW}
              y={4}
              width={(Math.min(b.value, max) / max) * w}
              height={14}
              className="chart-bar"
              data-value={b.value}
            />
            {b.compare !== undefined && (
              <rect
                x={labelW + (b.compare / max) * w - 1}
                y={1}
                width={2}
                height={20}
                className="chart-marker"
              >
                <title>{compareLabel}</title>
              </rect>
            )}
            <text x={labelW + (Math.min(b.value, max) / max) * w + 6} y={15} className="chart-value">
              {show(b.value)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** A day (ISO date, "2026-11-03") and the running total at its end. */
type Point = { x: string; y: number };

type LineChartProps = { title: string; points: Point[]; testId?: string; note?: string | null };

const DAY_MS = 86_400_000;
/** Whole days since the epoch of an ISO date ("2026-11-03"), in UTC so no time zone moves it. */
const dayNumber = (day: string): number => Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/**
 * A running total over days; a `note` (e.g. "all on one day") replaces a line that would say
 * nothing. Days are placed by date, not by index: a week without labels is a long flat stretch,
 * not a step as wide as one day.
 */
export function LineChart({ title, points, testId, note }: LineChartProps) {
  const W = 420;
  const H = 140;
  const max = Math.max(1, ...points.map((p) => p.y));
  const days = points.map((p) => dayNumber(p.x));
  const first = days[0] ?? 0;
  const span = (days[days.length - 1] ?? first) - first;
  const xAt = (day: number): number => (span > 0 ? ((day - first) / span) * W : W / 2);
  const xy = points.map((p, i) => [xAt(days[i]), H - (p.y / max) * (H - 10)] as const);
  // The total stays flat over days without labels and rises during the next day that has some.
  const line = xy.flatMap(([x, y], i) =>
    i > 0 && days[i] - days[i - 1] > 1
      ? [[xAt(days[i] - 1), xy[i - 1][1]] as const, [x, y] as const]
      : [[x, y] as const],
  );
  const path = line.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {note || points.length === 0 ? (
        <p className="muted" data-testid={testId ? `${testId}-note` : undefined}>
          {note ?? 'No labels yet.'}
        </p>
      ) : (
        <svg
          width={W + 60}
          height={H + 24}
          viewBox={`0 0 ${W + 60} ${H + 24}`}
          role="img"
          aria-label={`${title}: ${points[0].y.toLocaleString()} on ${points[0].x}, ${points[points.length - 1].y.toLocaleString()} by ${points[points.length - 1].x}`}
        >
          <path d={`${path} L${xy[xy.length - 1][0]},${H} L${xy[0][0]},${H} Z`} className="chart-area" />
          <path d={path} className="chart-line" />
          {xy.map(([x, y], i) => (
            <circle key={points[i].x} cx={x} cy={y} r={3} className="chart-dot" data-day={points[i].x}>
              <title>{`${points[i].x}: ${points[i].y.toLocaleString()}`}</title>
            </circle>
          ))}
          <text x={0} y={H + 18} className="chart-label">
            {points[0].x}
          </text>
          <text x={W} y={H + 18} className="chart-label" textAnchor="end">
            {points[points.length - 1].x}
          </text>
          <text x={W + 6} y={xy[xy.length - 1][1] + 4} className="chart-value">
            {points[points.length - 1].y.toLocaleString()}
          </text>
        </svg>
      )}
    </figure>
  );
}
