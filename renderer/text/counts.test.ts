import { describe, expect, it } from 'vitest';
import { count, num } from './counts';

describe('counts as the admin reads them', () => {
  it('writes thousands separators whatever the system locale', () => {
    expect(num(50001)).toBe('50,001');
    expect(`${num(50001)} / ${num(80000)}`).toBe('50,001 / 80,000');
    expect(num(0)).toBe('0');
  });

  it('agrees the noun with the number: "1 error", "2 errors", "Apply to 1 user"', () => {
    expect(count(1, 'error')).toBe('1 error');
    expect(count(2, 'error')).toBe('2 errors');
    expect(count(0, 'warning')).toBe('0 warnings');
    expect(`Apply to ${count(1, 'user')}`).toBe('Apply to 1 user');
    expect(count(1204, 'user')).toBe('1,204 users');
    expect(count(3, 'user has')).toBe('3 users have');
    expect(count(1, 'error remains')).toBe('1 error remains');
    expect(count(2, 'saved migration')).toBe('2 saved migrations');
    expect(count(2, 'entry')).toBe('2 entries');
  });
});
