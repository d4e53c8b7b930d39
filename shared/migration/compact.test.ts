// A large file is held compactly and its users' keys are hashed as it is read (docs/reliability.md
// "Memory"): every finding must be the one the same file gives when held whole.
import { describe, expect, it } from 'vitest';
import { CompactTable, WholeTable } from '../csv/table';
import { loadExport } from './load';
import { createSession } from './session';
import { PLAN } from '../../test/support/fixtures';

function bigExport(rows: number): Uint8Array {
  const lines = ['User ID,First Name,Email,Current License,Current Add-ons,New License,New Add-ons'];
  for (let i = 0; i < rows; i++) {
    const id = String(i).padStart(6, '0');
    let email = `user${i}@example.com`;
    // Every 997th row repeats an earlier Email in another case and with spaces; every 1,009th an earlier ID.
    if (i % 997 === 996) email = ` USER${i - 500}@Example.COM `;
    const idCell = i % 1009 === 1008 ? String(i - 700).padStart(6, '0') : i % 1013 === 1012 ? '' : id;
    if (i % 1013 === 1012 && i % 2 === 0) email = '';
    const license = ['Engage', 'Admin', 'Viewer', '', 'Engag'][i % 5];
    const addOns = license === 'Viewer' && i % 7 === 0 ? 'Meet' : ['', 'Meet', '"Meet, Deal"', 'meat'][i % 4];
    lines.push(`${idCell},"Name, ${i}",${email},${i % 3 === 0 ? 'Optimize' : 'No License Assigned'},${i % 11 === 0 ? 'Meet' : ''},${license},${addOns}`);
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

describe('a compact table with hashed user keys', () => {
  it('gives the findings, seats and counts of the same file held whole', () => {
    const bytes = bigExport(30000);
    const compact = loadExport(bytes);
    const whole = loadExport(bytes, { whole: true });
    if (!compact.ok || !whole.ok) throw new Error('not loaded');
    expect(compact.value.table).toBeInstanceOf(CompactTable);
    expect(whole.value.table).toBeInstanceOf(WholeTable);
    const a = createSession(compact.value, PLAN, { me: 'user42@example.com' });
    const b = createSession(whole.value, PLAN, { me: 'user42@example.com' });
    const placed = (s: typeof a) => s.allFindings().map((f) => s.place(f));
    const findings = placed(a);
    expect(findings).toEqual(placed(b));
    expect(a.seatUsage()).toEqual(b.seatUsage());
    expect(a.counts()).toEqual(b.counts());
    const codes = new Set(findings.map((f) => f.code));
    for (const code of ['DUPLICATE_USER', 'NO_USER_KEY', 'UNKNOWN_LICENSE', 'ADDON_NOT_ALLOWED', 'LOSES_ACCESS', 'LOSES_ADDON', 'SEATS_EXCEEDED'] as const) expect(codes.has(code)).toBe(true);
    // The admin's row is found through the hashed Emails too.
    expect(findings.some((f) => f.code === 'SELF_NOT_FOUND')).toBe(false);
    const duplicates = findings.filter((f) => f.code === 'DUPLICATE_USER');
    expect(duplicates.some((f) => f.code === 'DUPLICATE_USER' && f.key === 'email' && f.keyValue === `USER${996 - 500}@Example.COM`)).toBe(true);
  });
});
