/** A tiny inline SVG line of a series (nulls are gaps), with an optional threshold line. */
export function Sparkline({
  values,
  threshold,
  label,
  width = 160,
  height = 36,
}: {
  values: (number | null)[];
  threshold?: number | null;
  label: string;
  width?: number;
  height?: number;
}) {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length < 2) return <span className="text-xs text-slate-400">no history</span>;
  const max = Math.max(...present, threshold ?? 0) || 1;
  const min = Math.min(0, ...present);
  const x = (i: number) => (i / (values.length - 1)) * (width - 2) + 1;
  const y = (v: number) => height - 1 - ((v - min) / (max - min || 1)) * (height - 2);
  let path = "";
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    path += `${drawing ? "L" : "M"}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
    drawing = true;
  });
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="overflow-visible"
    >
      {threshold != null ? (
        <line
          x1={0}
          x2={width}
          y1={y(threshold)}
          y2={y(threshold)}
          stroke="#f59e0b"
          strokeDasharray="3 3"
          strokeWidth={1}
        />
      ) : null}
      <path d={path} fill="none" stroke="#2f6fed" strokeWidth={1.5} />
    </svg>
  );
}
