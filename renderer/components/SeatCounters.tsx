// Seat counters, always visible: assigned / seats per license and add-on, red when over.
import { countsOf, seatsOf } from '../store/reads';
import { sameSeats } from '../store/selectors';
import { sameFields, useApp } from '../store/useApp';

export function SeatCounters() {
  const seats = useApp(seatsOf, sameSeats);
  const counts = useApp(countsOf, sameFields);
  if (seats.length === 0) return null;
  return (
    <div className="seat-counters" data-testid="seat-counters" aria-label="Seats assigned">
      {seats.map((s) => {
        const over = s.assigned > s.seats;
        return (
          <span key={`${s.kind}:${s.name}`} className={`seat-chip${over ? ' over' : ''}${s.kind === 'addOn' ? ' addon' : ''}`} data-seat={s.name} title={over ? `${s.assigned - s.seats} over the plan's ${s.seats} seats` : `${s.seats - s.assigned} seats left`}>
            <span className="seat-name">{s.name}</span>
            <span className="seat-count">
              {s.assigned.toLocaleString('en-US')} / {s.seats.toLocaleString('en-US')}
            </span>
          </span>
        );
      })}
      <span className={`issue-chip${counts.errors > 0 ? ' has-errors' : ''}`} data-testid="issue-counts">
        <span data-testid="error-count">{counts.errors.toLocaleString('en-US')}</span> errors · <span data-testid="warning-count">{counts.warnings.toLocaleString('en-US')}</span> warnings
      </span>
    </div>
  );
}
