// docs/reliability.md "How it is tested": fast-check properties. A no-edit save is byte-identical; edits
// change only our two cells; loading any bytes never throws and names rows within the file; report
// escaping is reversible; an edited session equals a fresh one on the saved file, and undo restores it.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cleanFile } from './clean';
import { loadExport } from './load';
import { createSession, type CellChange, type MigrationSession } from './session';
import { escapeCell, unescapeCell } from '../report/escape';
import { annotatedCopyText, findingsReport, placedFindings } from '../report/errorReport';
import { SEVERITY, type Finding, type PlacedFinding } from '../validation/codes';
import { describeFinding } from '../validation/messages';
import { PLAN, load } from '../../test/support/fixtures';
import { concatBytes, decodeUtf8, utf8, recordsOf } from '../../test/support/builders';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

// ---- generated exports --------------------------------------------------------------------

interface ExportModel {
  readonly header: string[];
  readonly rows: string[][];
  /** Cells written in quotes although they need none. */
  readonly forceQuotes: boolean[][];
  readonly delimiter: ',' | ';' | '\t';
  readonly eol: '\r\n' | '\n' | '\r';
  readonly bom: boolean;
  readonly finalNewline: boolean;
}

const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '太', 'ł', '😀', '=', "'"), maxLength: 8 });
const LICENSES_STABLE = ['', 'Engage', 'Admin', 'Viewer', 'Engag', 'Zed'];
const ADD_ONS_STABLE = ['', 'Meet', 'Deal', 'Meet, Deal', 'Mete', 'Meet, Mete', 'Mete, Mete'];
/** Values a person types: any case, spacing, separator, unknown names, text that must be quoted. */
const LICENSES_TYPED = [...LICENSES_STABLE, 'engage', ' ADMIN ', 'viewer\u00A0', 'Z"e\nd,;\t', ' '];
const ADD_ONS_TYPED = [...ADD_ONS_STABLE, 'deal;meet', 'Deal|Meet', 'MEET', 'x"y', ',', 'Deal\nMeet'];

function exportModel(options: { owned: 'present' | 'any'; licenses: readonly string[]; addOns: readonly string[] }): fc.Arbitrary<ExportModel> {
  const extras = fc.uniqueArray(fc.constantFrom('Notes', 'Phone', 'Team Code', 'First Name', 'Title'), { maxLength: 3 });
  const owned = options.owned === 'present' ? fc.constant([true, true]) : fc.tuple(fc.boolean(), fc.boolean());
  return fc
    .record({ extras, owned, seed: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }) })
    .chain(({ extras, owned: [hasLicense, hasAddOns], seed }) => {
      const names = ['Email', 'Current License', ...(hasLicense ? ['New License'] : []), ...(hasAddOns ? ['New Add-ons'] : []), ...extras];
      // A deterministic shuffle from the seed keeps the header order random but shrinkable.
      const header = [...names].sort((a, b) => ((seed[names.indexOf(a) % 6] + a.length) % 7) - ((seed[names.indexOf(b) % 6] + b.length) % 7));
      const cell = (name: string, r: number): fc.Arbitrary<string> =>
        name === 'Email' ? fc.constant(`u${r}@example.com`) : name === 'New License' ? fc.constantFrom(...options.licenses) : name === 'New Add-ons' ? fc.constantFrom(...options.addOns) : cellText;
      const rows = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, r) => fc.tuple(...header.map((name) => cell(name, r))))));
      return fc.record({
        header: fc.constant(header),
        rows: rows.map((rs) => rs.map((r) => [...r])),
        quoteSeed: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
        eol: fc.constantFrom('\r\n' as const, '\n' as const, '\r' as const),
        bom: fc.boolean(),
        finalNewline: fc.boolean(),
      });
    })
    .map(({ quoteSeed, ...m }) => ({ ...m, forceQuotes: m.rows.map((row, r) => row.map((_, c) => quoteSeed[(r * 7 + c) % 64])) }));
}

function serialize(m: ExportModel): Uint8Array {
  const field = (value: string, quote: boolean): string =>
    quote || value.includes(m.delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = [m.header.join(m.delimiter), ...m.rows.map((row, r) => row.map((v, c) => field(v, m.forceQuotes[r][c])).join(m.delimiter))];
  const text = lines.join(m.eol) + (m.finalNewline ? m.eol : '');
  return m.bom ? concatBytes([0xef, 0xbb, 0xbf], utf8(text)) : utf8(text);
}

// ---- (a) and (b): saving --------------------------------------------------------------------

describe('saving', () => {
  it('a no-edit save of a well-formed file is byte-identical to the input (any cells, delimiter, eol, BOM, final newline)', () => {
    fc.assert(
      fc.property(exportModel({ owned: 'present', licenses: LICENSES_STABLE, addOns: ADD_ONS_STABLE }), (m) => {
        const bytes = serialize(m);
        const loaded = load(bytes);
        expect(recordsOf(loaded.table)).toEqual(m.rows);
        expect(loaded.table.dialect).toEqual({ delimiter: m.delimiter, eol: m.eol, finalNewline: m.finalNewline, mixedEol: false, sepLine: false });
        const out = cleanFile(createSession(loaded, PLAN, { me: 'u0@example.com' }));
        expect(out.identical).toBe(true);
        expect(out.bytes).toEqual(bytes);
      }),
      RUNS,
    );
  });

  it('edits of New License / New Add-ons change only those two cells, written canonically', () => {
    const edits = (rows: number) =>
      fc.array(fc.record({ row: fc.nat({ max: rows - 1 }), license: fc.option(fc.constantFrom(...LICENSES_TYPED), { nil: undefined }), addOns: fc.option(fc.constantFrom(...ADD_ONS_TYPED), { nil: undefined }) }), { maxLength: 10 });
    const scenario = exportModel({ owned: 'any', licenses: LICENSES_TYPED, addOns: ADD_ONS_TYPED }).chain((m) => fc.tuple(fc.constant(m), edits(m.rows.length)));
    fc.assert(
      fc.property(scenario, ([m, changes]) => {
        const session = createSession(load(serialize(m)), PLAN, { me: null });
        session.applyChanges(changes as CellChange[]);
        const out = cleanFile(session);
        expect(out.bytes[0] === 0xef).toBe(m.bom);
        const reloaded = load(out.bytes);
        const { columns } = session.source;
        const appended = [!columns.newLicensePresent ? 'New License' : null, !columns.newAddOnsPresent ? 'New Add-ons' : null].filter((x): x is string => x !== null);
        expect(reloaded.table.header).toEqual([...m.header, ...appended]);
        expect(reloaded.table.dialect).toEqual({ delimiter: m.delimiter, eol: m.eol, finalNewline: m.finalNewline, mixedEol: false, sepLine: false });
        expect(recordsOf(reloaded.table)).toHaveLength(m.rows.length);
        const index = session.planIndex;
        m.rows.forEach((row, r) => {
          const license = index.license(session.licenseOf(r)).canonical;
          const addOns = session.addOnsOf(r) === '' ? '' : index.addOns(session.addOnsOf(r)).canonical;
          const expected = [...row, ...appended.map(() => '')];
          expected[columns.newLicense] = license;
          expected[columns.newAddOns] = addOns;
          expect(recordsOf(reloaded.table)[r]).toEqual(expected);
        });
      }),
      RUNS,
    );
  });
});

// ---- (c): loading anything ------------------------------------------------------------------

/** The counters the app shows must agree with the list of findings. */
const tally = (findings: readonly Finding[]) => ({
  errors: findings.filter((f) => SEVERITY[f.code] === 'error').length,
  warnings: findings.filter((f) => SEVERITY[f.code] === 'warning').length,
});

function checkAnyBytes(bytes: Uint8Array): void {
  const result = loadExport(bytes);
  if (!result.ok) {
    expect(result.error.reason.length).toBeGreaterThan(10);
    return;
  }
  const { table } = result.value;
  const lastRow = recordsOf(table).length + table.blankRows + 1;
  const session = createSession(result.value, PLAN, { me: 'a@x.com', original: result.value });
  expect(session.counts()).toEqual(tally(session.allFindings()));
  for (const f of session.allFindings().map((x) => session.place(x))) {
    if (f.row !== null) {
      expect(f.row).toBeGreaterThanOrEqual(1);
      expect(f.row).toBeLessThanOrEqual(lastRow);
    }
  }
  annotatedCopyText(session);
  findingsReport(placedFindings(session));
  if (!session.allFindings().some((f) => f.code === 'MALFORMED_ROW' || f.code === 'EMPTY_FILE')) {
    // A file that reads cleanly can always be saved, and saving changes only our two columns.
    const reloaded = load(cleanFile(session).bytes);
    const { columns } = session.source;
    const other = (cells: readonly string[]) => cells.slice(0, columns.width).filter((_, c) => c !== columns.newLicense && c !== columns.newAddOns);
    // A row whose only text was a blank-looking New License (a tab) is empty once written canonically:
    // it then reads as a blank row, which is what it was.
    const users = (records: readonly string[][]) => records.map(other).filter((cells) => cells.some((c) => c !== ''));
    expect(users(recordsOf(reloaded.table))).toEqual(users(recordsOf(table)));
  }
}

describe('loading', () => {
  it('never throws on any bytes, and every finding row is within the file (1..records+1) or null', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), checkAnyBytes), { numRuns: Number(process.env.FC_RUNS ?? 200) });
  });

  it('never throws on CSV-like text with stray quotes, ragged rows and mixed line endings', () => {
    const unit = fc.constantFrom('a', 'é', ',', ';', '\t', '"', '"', '\n', '\r', '\r\n', ' ', 'Meet', 'Engage');
    const text = fc.tuple(fc.constantFrom('', 'Email,Current License,New License,New Add-ons\n', 'email;current license;New License\r\n'), fc.string({ unit, maxLength: 60 })).map(([h, body]) => h + body);
    fc.assert(fc.property(text, fc.boolean(), (t, bom) => checkAnyBytes(concatBytes(bom ? [0xef, 0xbb, 0xbf] : [], utf8(t)))), { numRuns: Number(process.env.FC_RUNS ?? 200) });
  });
});

// ---- (d): the report ------------------------------------------------------------------------

describe('report escaping', () => {
  const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', '\0'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 12 });

  it('is reversible: unescapeCell(escapeCell(v)) is v without NUL, and no escaped cell starts with = + - @ tab CR LF', () => {
    fc.assert(
      fc.property(anyText, (v) => {
        const escaped = escapeCell(v);
        expect(unescapeCell(escaped)).toBe(v.replace(/\0/g, ''));
        expect(escaped).not.toMatch(/^[=+\-@\t\r\n]/);
      }),
      { numRuns: 300 },
    );
  });

  it('a findings report re-parsed with papaparse gives back the same fields after unescaping', () => {
    const finding = fc.record({ row: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }), user: fc.option(anyText, { nil: null }), column: fc.option(anyText, { nil: null }), value: anyText, closest: fc.option(anyText, { nil: null }) });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 5 }), (fs) => {
        const findings: PlacedFinding[] = fs.map((f) => ({ code: 'UNKNOWN_LICENSE', ...f }));
        const bytes = findingsReport(findings);
        const parsed = Papa.parse<string[]>(decodeUtf8(bytes.subarray(3)), { header: false, delimiter: ',', newline: '\r\n', skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        const clean = (s: string | null) => (s ?? '').replace(/\0/g, '');
        expect(parsed.data.map((r) => r.map(unescapeCell))).toEqual([
          ['Row', 'User', 'Column', 'Value', 'Code', 'Message', 'Suggestion'],
          ...findings.map((f) => {
            const { message, suggestion } = describeFinding(f);
            return [f.row === null ? '' : String(f.row), clean(f.user), clean(f.column), clean(f.value), f.code, clean(message), clean(suggestion)];
          }),
        ]);
      }),
      RUNS,
    );
  });
});

// ---- (e): incremental session == fresh session ------------------------------------------------

function snapshot(s: MigrationSession) {
  return {
    counts: s.counts(),
    valid: s.valid,
    seats: s.seatUsage(),
    findings: s.allFindings(),
    values: Array.from({ length: s.rowCount }, (_, r) => [s.licenseOf(r), s.addOnsOf(r), s.rowSeverity(r)]),
  };
}

describe('the editable session', () => {
  const change = (rows: number) =>
    fc.record({ row: fc.nat({ max: rows - 1 }), license: fc.option(fc.constantFrom(...LICENSES_STABLE), { nil: undefined }), addOns: fc.option(fc.constantFrom(...ADD_ONS_STABLE), { nil: undefined }) });
  const scenario = exportModel({ owned: 'present', licenses: LICENSES_STABLE, addOns: ADD_ONS_STABLE }).chain((m) =>
    fc.record({
      model: fc.constant(m),
      me: fc.constantFrom(null, 'u0@example.com', 'u1@example.com', 'nobody@example.com'),
      batches: fc.array(fc.array(change(m.rows.length), { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
    }),
  );

  it('after any edits equals a fresh session on the saved file (counts, seats, findings); undo restores each step exactly', () => {
    fc.assert(
      fc.property(scenario, ({ model, me, batches }) => {
        const original = load(serialize(model));
        const session = createSession(original, PLAN, { original, me });
        for (const batch of batches) {
          const before = snapshot(session);
          const applied = session.applyChanges(batch as CellChange[]);
          const after = snapshot(session);
          session.applyChanges(applied.undo);
          expect(snapshot(session)).toEqual(before);
          session.applyChanges(batch as CellChange[]);
          expect(snapshot(session)).toEqual(after);
        }
        const fresh = createSession(load(cleanFile(session).bytes), PLAN, { original, me });
        expect(session.counts()).toEqual(tally(session.allFindings()));
        expect(session.counts()).toEqual(fresh.counts());
        expect(session.seatUsage()).toEqual(fresh.seatUsage());
        expect(session.allFindings()).toEqual(fresh.allFindings());
      }),
      RUNS,
    );
  });

  it('after edits with typed values (any case, separators, duplicates, unknown names) equals a fresh session on a file holding those values', () => {
    const typed = (rows: number) =>
      fc.record({ row: fc.nat({ max: rows - 1 }), license: fc.option(fc.constantFrom(...LICENSES_TYPED), { nil: undefined }), addOns: fc.option(fc.constantFrom(...ADD_ONS_TYPED, 'Meet, meet'), { nil: undefined }) });
    const typedScenario = exportModel({ owned: 'any', licenses: LICENSES_TYPED, addOns: ADD_ONS_TYPED }).chain((m) =>
      fc.record({ model: fc.constant(m), me: fc.constantFrom(null, 'u0@example.com', 'U1@EXAMPLE.COM'), changes: fc.array(typed(m.rows.length), { maxLength: 12 }) }),
    );
    fc.assert(
      fc.property(typedScenario, ({ model, me, changes }) => {
        const session = createSession(load(serialize(model)), PLAN, { me });
        session.applyChanges(changes as CellChange[]);
        const { columns } = session.source;
        const header = [...model.header, ...(columns.newLicensePresent ? [] : ['New License']), ...(columns.newAddOnsPresent ? [] : ['New Add-ons'])];
        const rows = model.rows.map((row, r) => {
          const cells = [...row, ...header.slice(row.length).map(() => '')];
          cells[columns.newLicense] = session.licenseOf(r);
          cells[columns.newAddOns] = session.addOnsOf(r);
          return cells;
        });
        const fresh = createSession(load(serialize({ ...model, header, rows, forceQuotes: rows.map((row) => row.map(() => false)) })), PLAN, { me });
        expect(session.counts()).toEqual(fresh.counts());
        expect(session.seatUsage()).toEqual(fresh.seatUsage());
        expect(session.allFindings()).toEqual(fresh.allFindings());
      }),
      RUNS,
    );
  });
});
