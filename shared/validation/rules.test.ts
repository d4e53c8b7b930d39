// docs/rules.md: every finding code with its spreadsheet row (header = 1, first user = 2; a
// quoted cell with a line break does not shift it; blank rows still count), column, value and message.
import { describe, expect, it } from 'vitest';
import { CODE_ORDER, SEVERITY, type FindingCode, type PlacedFinding } from './codes';
import { describeFinding } from './messages';
import { PLAN, load } from '../../test/support/fixtures';
import { codesOf, concatBytes, csv, findingsOf, placedOf, sessionOf } from '../../test/support/builders';
import { createSession, type MigrationSession } from '../migration/session';

const seen = new Set<FindingCode>();
const note = (session: MigrationSession): MigrationSession => {
  for (const f of session.allFindings()) seen.add(f.code);
  return session;
};

const HEADER = 'User ID,First Name,Email,Current License,New License,New Add-ons';
/** Rows 2–5: a multi-line quoted cell (row 3, lines 3–4) and a blank row (row 4). The next row is row 6. */
const BASE = [
  HEADER,
  '001,Ann,ann@example.com,Optimize,Admin,',
  '002,"Bea\nMulti-line",bea@example.com,Optimize,Engage,Meet',
  '',
  '004,Cy,cy@example.com,Optimize,Engage,',
];
const file = (...rows: string[]): string => csv([...BASE, ...rows]);
const check = (text: string | Uint8Array, options = {}): MigrationSession => note(sessionOf(text, options));

/** The human text of a finding must exist, and name what it is about. */
function expectExplained(f: PlacedFinding, ...mentions: string[]): void {
  const { message, suggestion } = describeFinding(f);
  expect(message.length).toBeGreaterThan(10);
  for (const m of mentions) expect(`${message} ${suggestion ?? ''}`).toContain(m);
}

describe('a valid file', () => {
  it('has no finding, and the base rows keep their spreadsheet numbers across a multi-line cell and a blank row', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize,Viewer,'));
    expect(s.allFindings()).toEqual([]);
    expect(s.valid).toBe(true);
    expect([0, 1, 2, 3].map((r) => s.rowNumber(r))).toEqual([2, 3, 5, 6]);
  });
});

describe('EMPTY_FILE', () => {
  it('reports a file with no header (empty or only blank lines)', () => {
    for (const text of ['', '\n\n', ' \r\n']) {
      const f = findingsOf(check(text), 'EMPTY_FILE');
      expect(f).toEqual([{ code: 'EMPTY_FILE', row: null, column: null, user: null, value: null, reason: 'noHeader' }]);
      expectExplained(f[0], 'no header');
    }
  });

  it('reports a header with no user rows, even when blank rows follow it', () => {
    const s = check(csv(['Email,Current License', '', ',']));
    expect(s.source.table.blankRows).toBe(2);
    const f = findingsOf(s, 'EMPTY_FILE');
    expect(f).toEqual([{ code: 'EMPTY_FILE', row: null, column: null, user: null, value: null, reason: 'noRows' }]);
    expectExplained(f[0], 'no user rows');
  });
});

describe('MISSING_COLUMN', () => {
  it('reports a file with neither Email nor User ID on the header row (row 1)', () => {
    const f = findingsOf(check(csv(['Name,Current License', 'Ann,Optimize'])), 'MISSING_COLUMN');
    expect(f).toEqual([{ code: 'MISSING_COLUMN', row: null, column: 'Email', user: null, value: null, name: 'Email' }]);
    expectExplained(f[0], '"Email"', '"User ID"');
  });

  it('reports a missing Current License', () => {
    const f = findingsOf(check(csv(['Email,New License', 'ann@example.com,Admin'])), 'MISSING_COLUMN');
    expect(f).toEqual([{ code: 'MISSING_COLUMN', row: null, column: 'Current License', user: null, value: null, name: 'Current License' }]);
    expectExplained(f[0], '"Current License"');
  });

  it('accepts User ID as the user key when the file has no Email column, and says the admin row cannot be found', () => {
    const s = check(csv(['User ID,Current License', '001,Optimize']), { me: 'ann@example.com' });
    expect(findingsOf(s, 'MISSING_COLUMN')).toEqual([]);
    const f = findingsOf(s, 'SELF_UNKNOWN');
    expect(f).toEqual([{ code: 'SELF_UNKNOWN', row: null, column: null, user: null, value: 'ann@example.com', reason: 'noEmailColumn' }]);
    expectExplained(f[0], 'no Email column');
  });

  it('does not require User ID, New License or New Add-ons (the last two are added on write)', () => {
    const s = check(csv(['Email,Current License', 'ann@example.com,Optimize']), { me: null });
    expect(findingsOf(s, 'MISSING_COLUMN')).toEqual([]);
    expect(s.source.columns.names).toEqual(['Email', 'Current License', 'New License', 'New Add-ons']);
  });
});

describe('DUPLICATE_COLUMN', () => {
  it('reports two headers naming the same column, matched ignoring case and spaces, with both positions', () => {
    const s = check(csv(['Email,Current License, email ', 'ann@example.com,Optimize,x']));
    const f = findingsOf(s, 'DUPLICATE_COLUMN');
    expect(f).toEqual([{ code: 'DUPLICATE_COLUMN', row: 1, column: 'Email', user: null, value: null, positions: [1, 3] }]);
    expectExplained(f[0], '"Email"', 'columns 1, 3');
    // Not renamed the papaparse way (Email_1): the header stays as written.
    expect(s.source.table.header).toEqual(['Email', 'Current License', ' email ']);
  });
});

describe('MALFORMED_ROW', () => {
  it('reports a row with more fields than the header (row 6, line 7) and one with fewer (row 7, line 8)', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize,Viewer,,extra', '007,Eve,eve@example.com'));
    const f = findingsOf(s, 'MALFORMED_ROW');
    expect(f).toEqual([
      { code: 'MALFORMED_ROW', row: 6, column: null, user: null, value: null, kind: 'tooMany', fields: 7, expected: 6, line: 7, lastLine: 7 },
      { code: 'MALFORMED_ROW', row: 7, column: null, user: null, value: null, kind: 'tooFew', fields: 3, expected: 6, line: 8, lastLine: 8 },
    ]);
    expectExplained(f[0], '7 cells', 'header has 6', 'line 7');
    expectExplained(f[1], '3 cells', 'line 8');
  });

  it('reports an unclosed quote at the row and the physical line where the quote opened', () => {
    const s = check(file('006,"Dee,dee@example.com,Optimize,Viewer,', '007,Eve,eve@example.com,Optimize,Viewer,'));
    const f = findingsOf(s, 'MALFORMED_ROW');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'MALFORMED_ROW', row: 6, kind: 'unclosedQuote', line: 7, lastLine: 8 });
    expectExplained(f[0], 'line 7', 'never closed', 'Lines 7 to 8 read as this one row');
    // The rest of the file was swallowed into one cell: no later row exists.
    expect(s.rowCount).toBe(4);
  });

  it('says which lines a stray quote swallowed, so no user vanishes without a word', () => {
    const s = check(file('006,"De"e,dee@example.com,Optimize,Viewer,', '007,Eve,eve@example.com,Optimize,Viewer,', '008,Fay,fay@example.com,Optimize,Viewer,'));
    const f = findingsOf(s, 'MALFORMED_ROW');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 6, line: 7, lastLine: 9 });
    expectExplained(f[0], 'Lines 7 to 9 read as this one row');
  });

  it('leaves a malformed row out of every other rule and of the seat counters', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize,Nonsense,Meet,extra'));
    expect(codesOf(s.allFindings())).toEqual(['MALFORMED_ROW']);
    expect(s.seatUsage().find((u) => u.name === 'Meet')!.assigned).toBe(1);
  });
});

describe('UNKNOWN_LICENSE', () => {
  it('flags a New License that is not in the plan and suggests the closest name ("Engag" → "Engage", row 6)', () => {
    const f = findingsOf(check(file('006,Dee,dee@example.com,Optimize,Engag,')), 'UNKNOWN_LICENSE');
    expect(f).toEqual([{ code: 'UNKNOWN_LICENSE', row: 6, column: 'New License', user: 'dee@example.com', value: 'Engag', closest: 'Engage' }]);
    expect(describeFinding(f[0])).toEqual({ message: '"Engag" is not a license in the plan.', suggestion: 'Did you mean "Engage"?' });
  });

  it('suggests no name when none is close, and still says what to do', () => {
    const f = findingsOf(check(file('006,Dee,dee@example.com,Optimize,Zzzzzzzz,')), 'UNKNOWN_LICENSE');
    expect(f[0]).toMatchObject({ row: 6, value: 'Zzzzzzzz', closest: null });
    expect(describeFinding(f[0]).suggestion).toContain("plan's license names");
  });
});

describe('UNKNOWN_ADDON', () => {
  it('flags an add-on that is not in the plan and suggests the closest ("meat" → "Meet", row 6)', () => {
    const f = findingsOf(check(file('006,Dee,dee@example.com,Optimize,Engage,"Deal, meat"')), 'UNKNOWN_ADDON');
    expect(f).toEqual([{ code: 'UNKNOWN_ADDON', row: 6, column: 'New Add-ons', user: 'dee@example.com', value: 'Deal, meat', names: ['meat'], count: 1, closest: 'Meet' }]);
    expect(describeFinding(f[0])).toEqual({ message: '"meat" is not an add-on in the plan.', suggestion: 'Did you mean "Meet"?' });
  });

  it('gives one finding per cell, naming the first few unknown names and how many in all, in time linear in the cell', () => {
    const names = Array.from({ length: 16000 }, (_, i) => `Addon${i}`);
    const s = check(file(`006,Dee,dee@example.com,Optimize,Engage,"${names.join(', ')}"`));
    const f = findingsOf(s, 'UNKNOWN_ADDON');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 6, names: ['Addon0', 'Addon1', 'Addon2', 'Addon3', 'Addon4'], count: 16000 });
    expect(describeFinding(f[0]).message).toBe('"Addon0", "Addon1", "Addon2", "Addon3", "Addon4" and 15,995 more are not add-ons in the plan.');
  });
});

describe('ADDON_NOT_ALLOWED', () => {
  it('flags add-ons on a license that does not allow them (row 8)', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize,Viewer,', '007,Eve,eve@example.com,Optimize,Viewer,', '008,Fay,fay@example.com,Optimize,Viewer,Meet'));
    const f = findingsOf(s, 'ADDON_NOT_ALLOWED');
    expect(f).toEqual([{ code: 'ADDON_NOT_ALLOWED', row: 8, column: 'New Add-ons', user: 'fay@example.com', value: 'Meet', license: 'Viewer' }]);
    expectExplained(f[0], '"Viewer"', 'Remove the add-ons');
  });
});

describe('ADDON_WITHOUT_LICENSE', () => {
  it('flags add-ons on a row with no New License (row 6)', () => {
    const f = findingsOf(check(file('006,Dee,dee@example.com,,,Deal')), 'ADDON_WITHOUT_LICENSE');
    expect(f).toEqual([{ code: 'ADDON_WITHOUT_LICENSE', row: 6, column: 'New Add-ons', user: 'dee@example.com', value: 'Deal' }]);
    expectExplained(f[0], 'no New License');
  });
});

describe('DUPLICATE_ADDON', () => {
  it('flags the same add-on twice in one cell, whatever its case (row 6)', () => {
    const f = findingsOf(check(file('006,Dee,dee@example.com,Optimize,Engage,"Meet, meet"')), 'DUPLICATE_ADDON');
    expect(f).toEqual([{ code: 'DUPLICATE_ADDON', row: 6, column: 'New Add-ons', user: 'dee@example.com', value: 'Meet, meet', names: ['Meet'], count: 1 }]);
    expectExplained(f[0], '"Meet"', 'more than once');
  });
});

describe('DUPLICATE_USER', () => {
  it('flags each later row whose User ID already appeared (rows 6 and 7 repeat row 2)', () => {
    const s = check(file('001,Ann2,ann2@example.com,Optimize,Viewer,', '001,Ann3,ann3@example.com,Optimize,Viewer,'));
    const f = findingsOf(s, 'DUPLICATE_USER');
    expect(f).toEqual([
      { code: 'DUPLICATE_USER', row: 6, column: 'User ID', user: 'ann2@example.com', value: '001', firstRow: 2, key: 'userId', keyValue: '001' },
      { code: 'DUPLICATE_USER', row: 7, column: 'User ID', user: 'ann3@example.com', value: '001', firstRow: 2, key: 'userId', keyValue: '001' },
    ]);
    expectExplained(f[0], 'User ID "001"', 'row 2');
  });

  it('uses the Email, ignoring case, when the file has no User ID', () => {
    const s = check(csv(['Email,Current License,New License', 'ann@example.com,Optimize,Admin', 'ANN@example.com,Optimize,Viewer']));
    const f = findingsOf(s, 'DUPLICATE_USER');
    expect(f).toEqual([{ code: 'DUPLICATE_USER', row: 3, column: 'Email', user: 'ANN@example.com', value: 'ANN@example.com', firstRow: 2, key: 'email', keyValue: 'ANN@example.com' }]);
    expectExplained(f[0], 'Email "ANN@example.com"', 'row 2', 'one email is one user');
  });

  it('flags one Email under two User IDs: "001" and "1" (a spreadsheet stripped the zeros) are the same user', () => {
    const s = check(file('1,Ann,Ann@Example.com ,Optimize,Viewer,'));
    expect(findingsOf(s, 'DUPLICATE_USER')).toEqual([{ code: 'DUPLICATE_USER', row: 6, column: 'Email', user: 'Ann@Example.com', value: 'Ann@Example.com ', firstRow: 2, key: 'email', keyValue: 'Ann@Example.com' }]);
  });

  it('flags a later row without a User ID whose Email is an earlier row’s', () => {
    const s = check(file(',Bea,bea@example.com,Optimize,Viewer,'));
    expect(findingsOf(s, 'DUPLICATE_USER').map((f) => [f.row, f.key, f.firstRow])).toEqual([[6, 'email', 3]]);
  });

  it('compares Emails after Unicode normalization (NFC and NFD spellings are one user)', () => {
    const nfc = 'jos\u00e9@example.com';
    const nfd = 'jose\u0301@example.com';
    const s = check(csv(['Email,Current License,New License', `${nfc},Optimize,Viewer`, `${nfd},Optimize,Viewer`]), { me: null });
    expect(findingsOf(s, 'DUPLICATE_USER').map((f) => f.row)).toEqual([3]);
  });
});

describe('the user check made where the file is read', () => {
  // The app's load worker checks the users and sends the result to the page as plain arrays (copied by
  // structuredClone here, as postMessage does); the page's session reports it without reading every key.
  const text = file('001,Ann2,ann2@example.com,Optimize,Viewer,', '1,Ann,Ann@Example.com ,Optimize,Viewer,', ',Dee, ,Optimize,Viewer,', ',Bea,bea@example.com,Optimize,Viewer,', '"001,Broken');
  const relevant = (s: MigrationSession) => placedOf(s).filter((f) => f.code === 'DUPLICATE_USER' || f.code === 'NO_USER_KEY' || f.code === 'MALFORMED_ROW' || f.code.startsWith('SELF_'));

  it('reports what the session would find itself, and finds the admin’s own row', () => {
    const loaded = load(text);
    expect(loaded.userCheck?.rows.length).toBeGreaterThan(0);
    const shipped = { ...loaded, userCheck: structuredClone(loaded.userCheck), keyHashes: structuredClone(loaded.keyHashes) };
    const own = { ...loaded, userCheck: undefined, keyHashes: undefined };
    const a = createSession(shipped, PLAN, { me: 'ANN@example.com' });
    const b = createSession(own, PLAN, { me: 'ANN@example.com' });
    expect(relevant(a)).toEqual(relevant(b));
    expect(codesOf(relevant(a))).toEqual(expect.arrayContaining(['DUPLICATE_USER', 'NO_USER_KEY']));
    expect(a.allFindings()).toEqual(b.allFindings());
    expect(codesOf(placedOf(a))).not.toContain('SELF_NOT_FOUND');
  });
});

describe('NO_USER_KEY', () => {
  it('flags a row with neither User ID nor Email (row 6): it names no user', () => {
    const s = check(file(',Dee, ,Optimize,Viewer,'));
    const f = findingsOf(s, 'NO_USER_KEY');
    expect(f).toEqual([{ code: 'NO_USER_KEY', row: 6, column: 'Email', user: null, value: ' ' }]);
    expectExplained(f[0], 'neither a User ID nor an Email');
    expect(s.valid).toBe(false);
  });
});

describe('against the original export', () => {
  const original = load(file());

  it('NEW_USER: flags a user who is not in the original export (row 6)', () => {
    const f = findingsOf(check(file('006,Dee,dee@example.com,Optimize,Viewer,'), { original }), 'NEW_USER');
    expect(f).toEqual([{ code: 'NEW_USER', row: 6, column: 'User ID', user: 'dee@example.com', value: '006' }]);
    expectExplained(f[0], 'not in the original export');
  });

  it('LOCKED_COLUMN_CHANGED: flags a locked cell that differs, with the original value (row 5)', () => {
    const changed = file().replace('004,Cy,', '004,Cyril,');
    const s = check(changed, { original });
    const f = findingsOf(s, 'LOCKED_COLUMN_CHANGED');
    expect(f).toEqual([{ code: 'LOCKED_COLUMN_CHANGED', row: 5, column: 'First Name', user: 'cy@example.com', value: 'Cyril', original: 'Cy', cause: 'edited' }]);
    expectExplained(f[0], 'First Name changed from "Cy" to "Cyril"', 'Only New License and New Add-ons may change');
  });

  it('LOCKED_COLUMN_CHANGED: New License and New Add-ons may change freely', () => {
    const edited = file().replace('Engage,Meet', 'Engage,"Meet, Deal"').replace('004,Cy,cy@example.com,Optimize,Engage,', '004,Cy,cy@example.com,Optimize,Admin,');
    expect(findingsOf(check(edited, { original }), 'LOCKED_COLUMN_CHANGED')).toEqual([]);
  });

  it('LOCKED_COLUMN_CHANGED: a column removed or added is reported on the header row', () => {
    const s = check(csv(['User ID,Email,Current License,New License,New Add-ons,Extra', '001,ann@example.com,Optimize,Admin,,x']), { original: load(csv(['User ID,First Name,Email,Current License,New License,New Add-ons', '001,Ann,ann@example.com,Optimize,Admin,'])) });
    const f = findingsOf(s, 'LOCKED_COLUMN_CHANGED');
    expect(f.map((x) => [x.row, x.column, x.cause])).toEqual([
      [1, 'Extra', 'columnAdded'],
      [null, 'First Name', 'columnRemoved'],
    ]);
  });

  it('USER_REMOVED: warns about a user of the original export who has no row, naming their original row', () => {
    const withDee = load(file('006,Dee,dee@example.com,Optimize,Viewer,'));
    const f = findingsOf(check(file(), { original: withDee }), 'USER_REMOVED');
    expect(f).toEqual([{ code: 'USER_REMOVED', row: null, column: null, user: 'dee@example.com', value: null, originalRow: 6, originalUser: 'dee@example.com' }]);
    expect(SEVERITY.USER_REMOVED).toBe('warning');
    expectExplained(f[0], 'dee@example.com', 'row 6 of the original export');
  });
});

describe('SEATS_EXCEEDED', () => {
  it('flags a license held by more users than the plan has seats, once, file-level', () => {
    // Admin has 2 seats; row 2 already holds one.
    const s = check(file('006,Dee,dee@example.com,Optimize,Admin,', '007,Eve,eve@example.com,Optimize,admin,'));
    const f = findingsOf(s, 'SEATS_EXCEEDED');
    expect(f).toEqual([{ code: 'SEATS_EXCEEDED', row: null, column: 'New License', user: null, value: 'Admin', kind: 'license', name: 'Admin', assigned: 3, seats: 2 }]);
    expect(describeFinding(f[0])).toEqual({
      message: '3 users hold the "Admin" license but the plan has 2 seats (1 too many).',
      suggestion: 'Remove the license from 1 user, or correct the seat count if the contract grants more.',
    });
  });

  it('flags an add-on over its seats; each distinct known add-on on a licensed row takes one seat', () => {
    // Deal has 2 seats. Rows 6 and 7 take one each; row 8 lists it twice (one seat); row 9 has no
    // license and row 10 an unknown one: neither takes a seat.
    const s = check(
      file(
        '006,Dee,dee@example.com,Optimize,Engage,Deal',
        '007,Eve,eve@example.com,Optimize,Engage,Deal',
        '008,Fay,fay@example.com,Optimize,Engage,"Deal, Deal"',
        '009,Gus,gus@example.com,Optimize,,Deal',
        '010,Hal,hal@example.com,Optimize,Engag,Deal',
      ),
    );
    expect(s.seatUsage()).toEqual([
      { kind: 'license', name: 'Engage', assigned: 5, seats: 5 },
      { kind: 'license', name: 'Admin', assigned: 1, seats: 2 },
      { kind: 'license', name: 'Viewer', assigned: 0, seats: 10 },
      { kind: 'addOn', name: 'Meet', assigned: 1, seats: 3 },
      { kind: 'addOn', name: 'Deal', assigned: 3, seats: 2 },
    ]);
    expect(findingsOf(s, 'SEATS_EXCEEDED')).toEqual([{ code: 'SEATS_EXCEEDED', row: null, column: 'New Add-ons', user: null, value: 'Deal', kind: 'addOn', name: 'Deal', assigned: 3, seats: 2 }]);
  });
});

describe('seats taken by rows whose add-ons are an error', () => {
  it('add-ons on a license that allows none take no add-on seat (one error, not two)', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize,Viewer,"Meet, Deal"', '007,Eve,eve@example.com,Optimize,Viewer,Deal', '008,Fay,fay@example.com,Optimize,Viewer,Deal'));
    expect(s.seatUsage().filter((u) => u.kind === 'addOn').map((u) => [u.name, u.assigned])).toEqual([['Meet', 1], ['Deal', 0]]);
    expect(codesOf(s.allFindings())).toEqual(['ADDON_NOT_ALLOWED', 'ADDON_NOT_ALLOWED', 'ADDON_NOT_ALLOWED']);
  });
});

describe('the admin’s own row', () => {
  it('SELF_UNLICENSED: flags the admin’s row when it has no New License (row 6, email matched ignoring case)', () => {
    const s = check(file('006,Dee,Dee@Example.com,,,'), { me: 'dee@example.com ' });
    const f = findingsOf(s, 'SELF_UNLICENSED');
    expect(f).toEqual([{ code: 'SELF_UNLICENSED', row: 6, column: 'New License', user: 'Dee@Example.com', value: '' }]);
    expectExplained(f[0], 'lose access');
  });

  it('SELF_NOT_FOUND: flags an admin email that no row has', () => {
    const f = findingsOf(check(file(), { me: 'zed@example.com' }), 'SELF_NOT_FOUND');
    expect(f).toEqual([{ code: 'SELF_NOT_FOUND', row: null, column: 'Email', user: 'zed@example.com', value: 'zed@example.com', email: 'zed@example.com' }]);
    expectExplained(f[0], '"zed@example.com"');
  });

  it('SELF_UNKNOWN: warns that the self-license rule could not be checked without the admin’s email', () => {
    const s = check(file(), { me: null });
    expect(placedOf(s)).toEqual([{ code: 'SELF_UNKNOWN', row: null, column: null, user: null, value: null, reason: 'notGiven' }]);
    expect(s.valid).toBe(true);
    expectExplained(placedOf(s)[0], '--me');
  });
});

describe('LOSES_ACCESS', () => {
  it('warns about a user with a Current License but no New License (row 6), and not about one with neither', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize,,', '007,Eve,eve@example.com,,,'));
    const f = findingsOf(s, 'LOSES_ACCESS');
    expect(f).toEqual([{ code: 'LOSES_ACCESS', row: 6, column: 'New License', user: 'dee@example.com', value: '', currentLicense: 'Optimize' }]);
    expectExplained(f[0], '"Optimize"', 'No License Assigned');
    expect(s.valid).toBe(true);
  });

  it('counts "No License Assigned" today (any case) as no license: nothing is lost', () => {
    const s = check(file('006,Dee,dee@example.com,No License Assigned,,', '007,Eve,eve@example.com, no license  ASSIGNED ,,'));
    expect(findingsOf(s, 'LOSES_ACCESS')).toEqual([]);
    expect(s.currentLicenseOf(4)).toBe('');
  });
});

describe('LOSES_ADDON', () => {
  const header = 'Email,Current License,Current Add-ons,New License,New Add-ons';
  it('warns about a user who keeps a license but not an add-on of the plan they hold today (row 2)', () => {
    const s = check(csv([header, 'ann@example.com,Optimize,"Meet, Deal",Engage,Deal', 'bob@example.com,Optimize,Meet,Engage,"Meet, Deal"']), { me: null });
    const f = findingsOf(s, 'LOSES_ADDON');
    expect(f).toEqual([{ code: 'LOSES_ADDON', row: 2, column: 'New Add-ons', user: 'ann@example.com', value: 'Deal', names: ['Meet'] }]);
    expectExplained(f[0], '"Meet"', 'lose it');
    expect(s.valid).toBe(true);
  });

  it('names every add-on lost, also on a license that allows none; old-model names and users who lose access are not flagged', () => {
    const s = check(
      csv([header, 'ann@example.com,Optimize,"Deal, meet",Viewer,', 'bob@example.com,Optimize,"Gong, Legacy Dialer",Engage,', 'cy@example.com,Optimize,Meet,,']),
      { me: null },
    );
    expect(findingsOf(s, 'LOSES_ADDON').map((f) => [f.row, f.names])).toEqual([[2, ['Meet', 'Deal']]]);
    expect(findingsOf(s, 'LOSES_ACCESS').map((f) => f.row)).toEqual([4]);
  });
});

describe('NORMALIZED', () => {
  it('warns that a value differing in case, spacing or separators will be written canonically (row 6)', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize, engage ,deal;MEET'));
    const f = findingsOf(s, 'NORMALIZED');
    expect(f).toEqual([
      { code: 'NORMALIZED', row: 6, column: 'New License', user: 'dee@example.com', value: ' engage ', canonical: 'Engage' },
      { code: 'NORMALIZED', row: 6, column: 'New Add-ons', user: 'dee@example.com', value: 'deal;MEET', canonical: 'Meet, Deal' },
    ]);
    expect(describeFinding(f[1])).toEqual({ message: '"deal;MEET" will be written as "Meet, Deal".', suggestion: null });
    expect(s.valid).toBe(true);
  });
});

describe('Unicode', () => {
  it('reads a license typed in NFD as the plan’s name, writes it canonical and says so (NORMALIZED)', () => {
    const plan = { licenses: [{ name: 'Ma\u00eetre', seats: 5, addOnsAllowed: true }], addOns: [] };
    const s = sessionOf(csv(['Email,Current License,New License', 'ann@example.com,Optimize,Mai\u0302tre']), { me: null }, plan);
    expect(findingsOf(s, 'UNKNOWN_LICENSE')).toEqual([]);
    expect(findingsOf(s, 'NORMALIZED').map((f) => f.canonical)).toEqual(['Ma\u00eetre']);
    expect(s.seatUsage()[0].assigned).toBe(1);
  });
});

describe('ENCODING_GUESSED', () => {
  it('warns when the file is not valid UTF-8 and was read as Windows-1252', () => {
    const bytes = concatBytes(new TextEncoder().encode(`${HEADER}\n001,Ren`), [0xe9], new TextEncoder().encode(',ann@example.com,Optimize,Admin,\n'));
    const s = check(bytes);
    expect(placedOf(s)).toEqual([{ code: 'ENCODING_GUESSED', row: null, column: null, user: null, value: null, encoding: 'windows-1252' }]);
    expect(s.cell(0, 1)).toBe('René');
    expectExplained(placedOf(s)[0], 'Windows-1252');
  });
});

describe('every finding', () => {
  it('has a message, and a suggestion except NORMALIZED', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize,Engag,meat', '007,Eve,eve@example.com,Optimize,Viewer,Meet', '001,X,x@example.com,Optimize,,Deal', '009,Short'), { me: 'nobody@example.com' });
    const findings = placedOf(s);
    expect(findings.length).toBeGreaterThanOrEqual(6);
    for (const f of findings) {
      const { message, suggestion } = describeFinding(f);
      expect(message).toMatch(/\S.{10,}/);
      if (f.code !== 'NORMALIZED') expect(suggestion).toMatch(/\S.{10,}/);
    }
  });

  it('lists errors before warnings; within each, the file-level findings first, then rows in order, each most important first', () => {
    const s = check(file('006,Dee,dee@example.com,Optimize, viewer ,Meet', '001,Eve,eve@example.com,Optimize,,'), { me: null });
    expect(placedOf(s).map((f) => [f.row, f.code])).toEqual([
      [6, 'ADDON_NOT_ALLOWED'],
      [7, 'DUPLICATE_USER'],
      [null, 'SELF_UNKNOWN'],
      [6, 'NORMALIZED'],
      [7, 'LOSES_ACCESS'],
    ]);
  });

  it('puts errors before warnings in every list (codes are ordered by severity)', () => {
    const firstWarning = CODE_ORDER.findIndex((c) => SEVERITY[c] === 'warning');
    expect(CODE_ORDER.slice(firstWarning).every((c) => SEVERITY[c] === 'warning')).toBe(true);
  });

  it('this file has produced every code of SEVERITY (runs last)', () => {
    expect([...seen].sort()).toEqual([...CODE_ORDER].sort());
    expect(Object.keys(SEVERITY)).toHaveLength(22);
    expect(PLAN.licenses.map((l) => l.name)).toEqual(['Engage', 'Admin', 'Viewer']);
  });
});

describe('messages people can read', () => {
  it('shows characters nobody can see (a stray CR, NBSP, zero-width space) in NORMALIZED messages', () => {
    const s = check(csv(['Email,Current License,New License,New Add-ons', 'ann@example.com,Optimize,Engage\r,Meet\u200B']), { me: null });
    const messages = findingsOf(s, 'NORMALIZED').map((f) => describeFinding(f).message);
    expect(messages).toEqual(['"Engage\\r" will be written as "Engage".', '"Meet\\u200B" will be written as "Meet".']);
  });
});
