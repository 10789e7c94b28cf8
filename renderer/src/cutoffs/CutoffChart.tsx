type Bin = { days: number; before: number; after: number };

/** Histogram of silence windows, before vs after, one pair of bars per whole day. */
export function CutoffChart({ bins, title, testId = 'whatif-chart' }: { bins: Bin[]; title: string; testId?: string }) {
  const W = 560;
  const H = 220;
  const pad = { l: 44, r: 10, t: 12, b: 40 };
  const max = Math.max(1, ...bins.flatMap((b) => [b.before, b.after]));
  const slot = bins.length ? (W - pad.l - pad.r) / bins.length : 0;
  const bar = Math.max(2, Math.min(26, slot / 2 - 3));
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const total = (k: 'before' | 'after') => bins.reduce((t, b) => t + b[k], 0);
  return (
    <figure className="cutoff-chart" data-testid={testId} data-bins={JSON.stringify(bins.map((b) => [b.days, b.before, b.after]))}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <title>{title}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.l} x2={W - pad.r} y1={y(max * f)} y2={y(max * f)} className="grid" />
            <text x={pad.l - 6} y={y(max * f) + 5} textAnchor="end" className="axis">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {bins.map((b, i) => {
          const x = pad.l + i * slot + slot / 2;
          return (
            <g key={b.days}>
              <rect x={x - bar - 1} y={y(b.before)} width={bar} height={H - pad.b - y(b.before)} className="bar-before">
                <title>{`${b.days}–${b.days + 1} days: ${b.before} parcels before`}</title>
              </rect>
              <rect x={x + 1} y={y(b.after)} width={bar} height={H - pad.b - y(b.after)} className="bar-after">
                <title>{`${b.days}–${b.days + 1} days: ${b.after} parcels after`}</title>
              </rect>
              <text x={x} y={H - pad.b + 18} textAnchor="middle" className="axis">
                {b.days}
              </text>
            </g>
          );
        })}
        <text x={(W + pad.l) / 2} y={H - 4} textAnchor="middle" className="axis">
          days of silence
        </text>
      </svg>
      <figcaption>
        <span className="key key-before" /> before ({total('before').toLocaleString()}) <span className="key key-after" /> after (
        {total('after').toLocaleString()})
      </figcaption>
    </figure>
  );
}
