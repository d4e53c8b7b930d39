// Seat counters, always visible: assigned / seats per license and add-on, red when over.
import { goTo } from '../store/actions';
import { countsOf, isOpen, planIsEmpty, seatsOf } from '../store/reads';
import { sameSeats } from '../store/selectors';
import { sameFields, useApp } from '../store/useApp';
import { count, num } from '../text/counts';

export function SeatCounters() {
  const seats = useApp(seatsOf, sameSeats);
  const counts = useApp(countsOf, sameFields);
  const open = useApp(isOpen);
  const empty = useApp(planIsEmpty);
  if (!open) return null;
  return (
    <div className="seat-counters" data-testid="seat-counters" role="group" aria-label="Seats assigned">
      {empty && (
        <button type="button" className="button link small" onClick={() => goTo('overview')} data-testid="plan-empty-chip">
          The plan is empty: fill it in from your contract to check the file
        </button>
      )}
      {seats.map((s) => {
        const over = s.assigned > s.seats;
        return (
          <span key={`${s.kind}:${s.name}`} className={`seat-chip${over ? ' over' : ''}${s.kind === 'addOn' ? ' addon' : ''}`} data-seat={s.name} title={over ? `${num(s.assigned - s.seats)} over the plan's ${count(s.seats, 'seat')}` : `${count(s.seats - s.assigned, 'seat')} left`}>
            <span className="seat-name">{s.name}</span>
            <span className="seat-count">
              {num(s.assigned)} / {num(s.seats)}
            </span>
          </span>
        );
      })}
      {!empty && (
        <span className={`issue-chip${counts.errors > 0 ? ' has-errors' : ''}`} data-testid="issue-counts">
          <span data-testid="error-count">{num(counts.errors)}</span> {counts.errors === 1 ? 'error' : 'errors'} · <span data-testid="warning-count">{num(counts.warnings)}</span> {counts.warnings === 1 ? 'warning' : 'warnings'}
        </span>
      )}
    </div>
  );
}
