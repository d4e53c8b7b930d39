import { describe, expect, it } from 'vitest';
import type { SeatUsage } from '../../shared/index';
import { describeCounterChange } from './counterChange';

const seat = (name: string, assigned: number, seats: number, kind: SeatUsage['kind'] = 'license'): SeatUsage => ({ kind, name, assigned, seats });

describe('what an edit changed, said politely', () => {
  it('names only the counters that changed, with separators, and says when one is over', () => {
    const before = [seat('Engage', 24, 40), seat('Admin', 3, 3), seat('Meet', 0, 20, 'addOn')];
    const after = [seat('Engage', 25, 40), seat('Admin', 4, 3), seat('Meet', 1_204, 20_000, 'addOn')];
    expect(describeCounterChange(before, after, { errors: 0, warnings: 2 }, { errors: 1, warnings: 1 })).toBe('Engage 25 of 40 seats; Admin 4 of 3 seats, 1 over; Meet add-on 1,204 of 20,000 seats; 1 error, 1 warning.');
  });

  it('says nothing when nothing changed', () => {
    const seats = [seat('Engage', 1, 1)];
    expect(describeCounterChange(seats, seats, { errors: 0, warnings: 0 }, { errors: 0, warnings: 0 })).toBeNull();
  });
});
