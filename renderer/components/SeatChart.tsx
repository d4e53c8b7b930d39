// Seats assigned vs available per license and add-on: plain SVG bars, no chart library.
import type { SeatUsage } from '../../shared/index';
import { num } from '../text/counts';

const ROW = 30;
const WIDTH = 460;
/** About the advance of one 12px character in the chart's coordinates: labels get the room they need. */
const CHAR = 6.8;

const labelOf = (s: SeatUsage): string => (s.kind === 'addOn' ? `${s.name} (add-on)` : s.name);
const valueOf = (s: SeatUsage): string => `${num(s.assigned)} / ${num(s.seats)}`;

export function SeatChart({ seats }: { seats: readonly SeatUsage[] }) {
  if (seats.length === 0) return null;
  const max = Math.max(1, ...seats.map((s) => Math.max(s.assigned, s.seats)));
  const LABEL = Math.min(220, Math.max(80, Math.ceil(Math.max(...seats.map((s) => labelOf(s).length)) * CHAR) + 12));
  // Room for the longest "50,001 / 80,000" after the longest bar, so no figure is cut off.
  const VALUE = Math.ceil(Math.max(...seats.map((s) => valueOf(s).length)) * CHAR) + 10;
  const scale = (n: number): number => ((WIDTH - LABEL - VALUE) * n) / max;
  const height = seats.length * ROW + 8;
  return (
    <svg className="seat-chart" data-testid="seat-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Seats assigned versus available: ${seats.map((s) => `${labelOf(s)} ${valueOf(s)}`).join(', ')}`}>
      {seats.map((s, i) => {
        const y = i * ROW + 4;
        const over = s.assigned > s.seats;
        return (
          <g key={`${s.kind}:${s.name}`} data-bar={s.name}>
            <text x={0} y={y + 15} className="chart-label">
              {labelOf(s)}
            </text>
            <rect x={LABEL} y={y + 2} width={Math.max(1, scale(s.seats))} height={18} rx={3} className="bar-available" />
            <rect x={LABEL} y={y + 6} width={scale(s.assigned)} height={10} rx={2} className={over ? 'bar-assigned over' : 'bar-assigned'} />
            <text x={LABEL + Math.max(scale(s.seats), scale(s.assigned)) + 6} y={y + 15} className={over ? 'chart-value over' : 'chart-value'}>
              {valueOf(s)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
