// The CLI's contract (docs/formats.md "The CLI"): arguments, exit status, JSON shape, clean writes nothing on errors.
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import Papa from 'papaparse';
import { runCli, type CliIo } from './run';
import { parseArgs } from './args';
import { readLimited } from './nodeIo';

const FIX = join(__dirname, '../../test/fixtures/real-client');
const SAMPLES = join(__dirname, '../../resources/samples');

function memoryIo(extra: Record<string, string | Uint8Array> = {}) {
  const files = new Map<string, Uint8Array>();
  for (const [k, v] of Object.entries(extra)) files.set(k, typeof v === 'string' ? new TextEncoder().encode(v) : v);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (p, maxBytes) => {
      const f = files.get(p) ?? new Uint8Array(readFileSync(p));
      if (f.length > maxBytes) throw Object.assign(new Error(`it is larger than ${maxBytes / 1048576} MiB, the most this program reads`), { code: 'ETOOBIG' });
      return f;
    },
    writeFile: async (p, b) => void files.set(p, b),
  };
  return { io, files, stdout: () => out.join(''), stderr: () => err.join('') };
}

const PLAN = JSON.stringify({
  licenses: [
    { name: 'Engage', seats: 3, addOnsAllowed: true },
    { name: 'Admin', seats: 1, addOnsAllowed: true },
    { name: 'Viewer', seats: 5, addOnsAllowed: false },
  ],
  addOns: [
    { name: 'Meet', seats: 2 },
    { name: 'Deal', seats: 1 },
  ],
});
const HEADER = 'User ID,First Name,Last Name,Email,Current License,New License,New Add-ons';
const VALID = `${HEADER}\n001,Ann,A,ann@x.com,Optimize,Admin,"Meet, Deal"\n002,Bob,B,bob@x.com,Optimize,Engage,Meet\n`;

async function run(args: string[], files: Record<string, string | Uint8Array> = {}) {
  const m = memoryIo({ 'plan.json': PLAN, ...files });
  const code = await runCli(args, m.io);
  return { code, ...m };
}

describe('license-prep arguments', () => {
  it('reads the command, FILE and options in any order, with --name=value too', () => {
    const parsed = parseArgs(['validate', '--plan=p.json', 'f.csv', '--me', 'a@b.c', '--format', 'json']);
    expect(parsed).toEqual({ kind: 'run', options: { command: 'validate', file: 'f.csv', plan: 'p.json', me: 'a@b.c', format: 'json' } });
  });
  it.each([
    [['frobnicate', 'f.csv', '--plan', 'p'], 'the command must be validate, clean, summary or assign'],
    [['validate', '--plan', 'p'], 'FILE is missing'],
    [['validate', 'f.csv'], '--plan PLAN.json is required'],
    [['validate', 'f.csv', '--plan'], '--plan needs a value'],
    [['validate', 'f.csv', 'g.csv', '--plan', 'p'], 'one FILE only'],
    [['validate', 'f.csv', '--plan', 'p', '--colour', 'red'], 'unknown option --colour'],
    [['validate', 'f.csv', '--plan', 'p', '--format', 'xml'], '--format must be text or json'],
    [['clean', 'f.csv', '--plan', 'p'], 'clean needs --out OUT.csv'],
    [['summary', 'f.csv', '--plan', 'p', '--out', 'o.csv'], '--out does not apply to summary'],
    [['validate', 'f.csv', '--plan', 'p', '--plan', 'q'], '--plan is given twice'],
    [['validate', 'f.csv', '--plan', 'p', '--me', '--'], '--me needs a value'],
    [['validate', 'f.csv', '--plan', 'p', '--me', '--format', 'json'], '--me needs a value'],
    [['clean', 'f.csv', '--plan', 'p', '--out', 'out/'], '--out out/ names a folder'],
    [['validate', 'f.csv', '--plan', 'p', '--report', 'C:\\reports\\'], 'names a folder'],
    [['validate', 'f.csv', '--plan', 'p', '-x'], 'unknown option -x'],
  ])('refuses %j with "%s"', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toContain(message);
  });
  it('treats "help" as the command only in first place, so an option value named help is still validated', () => {
    expect(parseArgs(['validate', 'f.csv', '--plan', 'p', '--me', 'help'])).toMatchObject({ kind: 'run', options: { me: 'help' } });
    expect(parseArgs(['validate', 'f.csv', '--help'])).toEqual({ kind: 'help' });
    const before = parseArgs(['--plan', 'p', 'validate', 'f.csv']);
    expect(before.kind === 'error' && before.message).toContain('comes first');
  });
  it('"--" ends the options: a FILE whose name starts with a dash', () => {
    expect(parseArgs(['validate', '--plan', 'p', '--', '--odd.csv'])).toMatchObject({ kind: 'run', options: { file: '--odd.csv' } });
    expect(parseArgs(['validate', '--plan', 'p', '--encoding', 'shift_jis', 'f.csv'])).toMatchObject({ kind: 'run', options: { encoding: 'shift_jis' } });
  });

  it('prints usage with --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout()).toContain('license-prep validate FILE --plan PLAN.json');
  });
});

describe('license-prep validate', () => {
  it('exits 0 for a valid file (warnings allowed) and prints the summary line and seat table', async () => {
    const r = await run(['validate', 'f.csv', '--plan', 'plan.json'], { 'f.csv': VALID });
    expect(r.code).toBe(0);
    expect(r.stdout()).toMatch(/^f\.csv: 2 users, 0 errors, 1 warning — ready to upload\./);
    expect(r.stdout()).toMatch(/license\s+Engage\s+1 \/ 3/);
    expect(r.stdout()).toContain('SELF_UNKNOWN (warning, 1)');
  });

  it('exits 1 with errors and prints the JSON shape of docs/formats.md', async () => {
    const bad = `${HEADER}\n001,Ann,A,ann@x.com,Optimize,Engag,\n002,Bob,B,bob@x.com,Optimize,Viewer,Meet\n002,Bob,B,bob@x.com,Optimize,,\n`;
    const r = await run(['validate', 'f.csv', '--plan', 'plan.json', '--me', 'ann@x.com', '--format', 'json'], { 'f.csv': bad });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout());
    expect(Object.keys(json).sort()).toEqual(['findings', 'seats', 'valid']);
    expect(json.valid).toBe(false);
    const codes = json.findings.map((f: { code: string; row: number | null }) => `${f.code}@${f.row}`);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_LICENSE@2', 'ADDON_NOT_ALLOWED@3', 'DUPLICATE_USER@4', 'LOSES_ACCESS@4']));
    const unknown = json.findings.find((f: { code: string }) => f.code === 'UNKNOWN_LICENSE');
    expect(unknown).toMatchObject({ severity: 'error', column: 'New License', user: 'ann@x.com', value: 'Engag', suggestion: 'Did you mean "Engage"?' });
    expect(json.seats).toEqual([
      { kind: 'license', name: 'Engage', assigned: 0, seats: 3 },
      { kind: 'license', name: 'Admin', assigned: 0, seats: 1 },
      { kind: 'license', name: 'Viewer', assigned: 1, seats: 5 },
      // Meet on a Viewer row is ADDON_NOT_ALLOWED: it takes no seat (one error, not two).
      { kind: 'addOn', name: 'Meet', assigned: 0, seats: 2 },
      { kind: 'addOn', name: 'Deal', assigned: 0, seats: 1 },
    ]);
    for (const f of json.findings) expect(Object.keys(f).sort()).toEqual(['code', 'column', 'message', 'row', 'severity', 'suggestion', 'user', 'value']);
  });

  it('writes the error report with --report, even when errors are found', async () => {
    const r = await run(['validate', 'f.csv', '--plan', 'plan.json', '--report', 'errors.csv'], { 'f.csv': `${HEADER}\n001,Ann,A,ann@x.com,Optimize,=cmd,\n` });
    expect(r.code).toBe(1);
    const report = new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.files.get('errors.csv'));
    expect(report.startsWith('\uFEFF"Row","User","Column","Value","Code","Message","Suggestion"\r\n')).toBe(true);
    expect(report).toContain(`"2","ann@x.com","New License","'=cmd","UNKNOWN_LICENSE"`);
  });

  it('validates against the original export: the LibreOffice re-save is all LOCKED_COLUMN_CHANGED, no NEW_USER', async () => {
    const r = await run(['validate', join(FIX, '03-lo-open-resave-csv-defaults.csv'), '--plan', join(FIX, 'plan.json'), '--original', join(FIX, '00-original-export.csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout());
    const codes = new Set(json.findings.map((f: { code: string }) => f.code));
    expect(codes.has('NEW_USER')).toBe(false);
    expect(codes.has('USER_REMOVED')).toBe(false);
    expect(json.findings.filter((f: { code: string }) => f.code === 'LOCKED_COLUMN_CHANGED')).toHaveLength(25);
  });

  it.each([
    [['validate', 'missing.csv', '--plan', 'plan.json'], 'cannot read the file missing.csv: no such file'],
    [['validate', join(FIX, '01-lo-opened-saved-as.xlsx'), '--plan', 'plan.json'], 'this is an Excel workbook'],
    [['validate', 'f.csv', '--plan', 'bad.json'], 'the plan bad.json is not valid: License 1 ("A"): seats must be a whole number'],
    [['validate', 'f.csv', '--plan', 'notjson.json'], 'the plan notjson.json is not valid: not valid JSON'],
    [['validate', 'f.csv', '--plan', 'plan.json', '--original', 'nope.csv'], 'cannot read the original export nope.csv'],
    [['validate', 'f.csv', '--plan', 'plan.json', '--original', 'empty.csv'], 'cannot use the original export empty.csv: it has a header but no users'],
    [['validate', 'f.csv', '--plan', 'plan.json', '--original', 'nokey.csv'], 'cannot use the original export nokey.csv: it has neither a User ID nor an Email column'],
    [['validate', 'f.csv', '--plan', 'plan.json', '--original', 'ragged.csv'], 'cannot use the original export ragged.csv: row 3 (line 3) has 2 cells where the header has 7: use the export as downloaded'],
  ])('exits 2 with one line on stderr for %j', async (argv, message) => {
    const r = await run(argv, { 'empty.csv': `${HEADER}\n`, 'nokey.csv': 'Name,Current License\nAnn,Optimize\n', 'ragged.csv': `${HEADER}\n001,Ann,A,ann@x.com,Optimize,Admin,\n003,Cy\n`, 'f.csv': VALID, 'bad.json': '{"licenses":[{"name":"A","seats":1.5,"addOnsAllowed":true}],"addOns":[]}', 'notjson.json': '{' });
    expect(r.code).toBe(2);
    expect(r.stdout()).toBe('');
    expect(r.stderr()).toContain(message);
    expect(r.stderr().trim().split('\n')).toHaveLength(1);
  });
});

describe('limits, encodings and terminals', () => {
  it('refuses a legacy file whose encoding it cannot tell for sure, naming likely --encoding values; reads it once told', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../test/fixtures/encodings/gb18030-names.csv')));
    const unsure = await run(['validate', 'f.csv', '--plan', 'plan.json'], { 'f.csv': bytes });
    expect(unsure.code).toBe(2);
    expect(unsure.stderr()).toMatch(/could not be told for sure.*run again with --encoding NAME \(likely: [a-z0-9_, -]*gb18030/);
    expect(unsure.stderr().trim().split('\n')).toHaveLength(1);
    const told = await run(['clean', 'f.csv', '--plan', 'plan.json', '--encoding', 'gb18030', '--out', 'out.csv', '--format', 'json'], { 'f.csv': bytes });
    expect([0, 1]).toContain(told.code);
    expect(JSON.parse(told.stdout()).findings.some((f: { code: string }) => f.code === 'ENCODING_GUESSED')).toBe(false);
  });

  it('reads an original export saved in a legacy encoding with --original-encoding, naming that option when unsure', async () => {
    const legacy = new Uint8Array(readFileSync(join(__dirname, '../../test/fixtures/encodings/gb18030-names.csv')));
    const file = new TextEncoder().encode(new TextDecoder('gb18030').decode(legacy));
    const files = { 'f.csv': file, 'orig.csv': legacy };
    const unsure = await run(['validate', 'f.csv', '--plan', 'plan.json', '--original', 'orig.csv'], files);
    expect(unsure.code).toBe(2);
    expect(unsure.stderr()).toMatch(/cannot use the original export orig\.csv: .*run again with --original-encoding NAME \(likely: [a-z0-9_, -]*gb18030/);
    const told = await run(['validate', 'f.csv', '--plan', 'plan.json', '--original', 'orig.csv', '--original-encoding', 'gb18030', '--format', 'json'], files);
    expect([0, 1]).toContain(told.code);
    // the same names read from both files: nothing was changed since the export
    expect(JSON.parse(told.stdout()).findings.filter((f: { code: string }) => f.code === 'LOCKED_COLUMN_CHANGED' || f.code === 'NEW_USER')).toEqual([]);
    const bad = await run(['validate', 'f.csv', '--plan', 'plan.json', '--original', 'orig.csv', '--original-encoding', 'klingon'], files);
    expect(bad.stderr()).toContain('--original-encoding klingon is not an encoding');
    expect(parseArgs(['validate', 'f.csv', '--plan', 'p', '--original-encoding', 'gb18030'])).toEqual({ kind: 'error', message: '--original-encoding applies to the original export: give --original EXPORT.csv too' });
  });

  it('reads a legacy file with --encoding (any WHATWG label) and refuses an unknown label', async () => {
    const latin = new Uint8Array([...new TextEncoder().encode(`${HEADER}\n001,Ren`), 0xe9, ...new TextEncoder().encode(',A,ann@x.com,Optimize,Admin,\n')]);
    const r = await run(['summary', 'f.csv', '--plan', 'plan.json', '--encoding', 'latin1', '--format', 'json'], { 'f.csv': latin });
    expect(r.code).toBe(0);
    const bad = await run(['validate', 'f.csv', '--plan', 'plan.json', '--encoding', 'klingon'], { 'f.csv': latin });
    expect(bad.code).toBe(2);
    expect(bad.stderr()).toContain('--encoding klingon is not an encoding');
  });

  it('reads at most the limit (and one byte more) from a file, a device or a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lp-limit-'));
    writeFileSync(join(dir, 'small'), 'abc');
    expect([...(await readLimited(join(dir, 'small'), 3))]).toEqual([97, 98, 99]);
    await expect(readLimited(join(dir, 'small'), 2)).rejects.toMatchObject({ code: 'ETOOBIG' });
    await expect(readLimited('/dev/zero', 1000)).rejects.toMatchObject({ code: 'ETOOBIG' });
    await expect(readLimited(dir, 1000)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('refuses a plan or a file past the documented limits with one line, before parsing it', async () => {
    const big = await run(['validate', 'f.csv', '--plan', 'big.json'], { 'f.csv': VALID, 'big.json': ' '.repeat(2 * 1024 * 1024) });
    expect(big.code).toBe(2);
    expect(big.stderr()).toMatch(/cannot read the plan big\.json: it is larger than 1 MiB/);
  });

  it('shows control characters and escape sequences from cells and the plan escaped on the terminal', async () => {
    const filler = Array.from({ length: 20 }, (_, i) => `${i + 10},U,X,u${i}@x.com,Optimize,Engage,`).join('\n');
    const hostile = `${HEADER}\n001,Ann,A,ann@x.com,Optimize,"Eng\u001b]0;pwned\u0007\u202eage",\n${filler}\n`;
    const r = await run(['validate', 'f.csv', '--plan', 'plan.json'], { 'f.csv': hostile });
    expect(r.code).toBe(1);
    for (const c of ['\u001b', '\u0007', '\u202e']) expect(r.stdout().includes(c)).toBe(false);
    expect(r.stdout()).toContain('\\e]0;pwned\\x07\\u202eage');
    const json = await run(['validate', 'f.csv', '--plan', 'plan.json', '--format', 'json'], { 'f.csv': hostile });
    for (const c of ['\u001b', '\u0007', '\u202e']) expect(json.stdout().includes(c)).toBe(false);
    expect(JSON.parse(json.stdout()).findings.find((f: { code: string }) => f.code === 'UNKNOWN_LICENSE').value).toBe('Eng\u001b]0;pwned\u0007\u202eage');
  });

  it('streams --format json in pieces that join to the same object as the one-shot shape', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},U${i},X,u${i}@x.com,Optimize,Engag,`).join('\n');
    const m = memoryIo({ 'plan.json': PLAN, 'f.csv': `${HEADER}\n${rows}\n` });
    const pieces: string[] = [];
    const code = await runCli(['validate', 'f.csv', '--plan', 'plan.json', '--format', 'json'], { ...m.io, stdout: (t) => void pieces.push(t) });
    expect(code).toBe(1);
    expect(pieces.length).toBeGreaterThan(3);
    const json = JSON.parse(pieces.join(''));
    expect(json.findings.filter((f: { code: string }) => f.code === 'UNKNOWN_LICENSE')).toHaveLength(3000);
  });
});

describe('license-prep clean', () => {
  it('writes the upload-ready file with canonical values and exits 0', async () => {
    const messy = `${HEADER}\r\n001,Ann,A,ann@x.com,Optimize, admin ,deal;MEET\r\n002,Bob,B,bob@x.com,Optimize,Engage,\r\n`;
    const r = await run(['clean', 'f.csv', '--plan', 'plan.json', '--me', 'ann@x.com', '--out', 'out.csv'], { 'f.csv': messy });
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(r.files.get('out.csv'))).toBe(`${HEADER}\r\n001,Ann,A,ann@x.com,Optimize,Admin,"Meet, Deal"\r\n002,Bob,B,bob@x.com,Optimize,Engage,\r\n`);
  });

  it('writes nothing and exits 1 when errors remain', async () => {
    const r = await run(['clean', 'f.csv', '--plan', 'plan.json', '--out', 'out.csv'], { 'f.csv': `${HEADER}\n001,Ann,A,ann@x.com,Optimize,Nope,\n` });
    expect(r.code).toBe(1);
    expect(r.files.has('out.csv')).toBe(false);
    expect(r.stderr()).toContain('nothing was written to out.csv');
  });

  it.each([
    [['clean', 'f.csv', '--plan', 'plan.json', '--out', './f.csv'], '--out ./f.csv would overwrite the file'],
    [['clean', 'f.csv', '--plan', 'plan.json', '--out', 'plan.json'], '--out plan.json would overwrite the plan'],
    [['validate', 'f.csv', '--plan', 'plan.json', '--report', 'f.csv'], '--report f.csv would overwrite the file'],
    [['validate', 'f.csv', '--plan', 'plan.json', '--original', 'o.csv', '--report', 'o.csv'], '--report o.csv would overwrite the original export'],
    [['clean', 'f.csv', '--plan', 'plan.json', '--out', 'x.csv', '--report', 'x.csv'], '--out and --report name the same file'],
  ])('refuses to write over an input or twice to one file: %j', async (argv, message) => {
    const r = await run(argv, { 'f.csv': VALID, 'o.csv': VALID });
    expect(r.code).toBe(2);
    expect(r.stderr()).toContain(message);
    expect([...r.files.keys()].sort()).toEqual(['f.csv', 'o.csv', 'plan.json']);
  });

  it('writes a file that needed no change back byte for byte', async () => {
    const bytes = new Uint8Array(readFileSync(join(SAMPLES, 'sample-export.csv')));
    const r = await run(['clean', 'in.csv', '--plan', join(SAMPLES, 'sample-plan.json'), '--out', 'out.csv', '--me', 'ava.smith@acme.example'], { 'in.csv': bytes });
    // The sample export has no licenses assigned yet, so its admin is unlicensed: an error.
    expect(r.code).toBe(1);
    const withAdmin = new TextDecoder().decode(bytes).replace('Optimize,,,', 'Optimize,,Admin,');
    const r2 = await run(['clean', 'in.csv', '--plan', join(SAMPLES, 'sample-plan.json'), '--out', 'out.csv', '--me', 'ava.smith@acme.example'], { 'in.csv': withAdmin });
    expect(r2.code).toBe(0);
    expect(Buffer.from(r2.files.get('out.csv')!).equals(Buffer.from(new TextEncoder().encode(withAdmin)))).toBe(true);
  });
});

describe('license-prep summary', () => {
  it('prints seat usage and current → new counts; JSON adds transitions', async () => {
    const r = await run(['summary', 'f.csv', '--plan', 'plan.json', '--format', 'json'], { 'f.csv': VALID });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout());
    expect(json.transitions).toEqual([
      { current: 'Optimize', next: 'Admin', users: 1 },
      { current: 'Optimize', next: 'Engage', users: 1 },
    ]);
    const text = await run(['summary', 'f.csv', '--plan', 'plan.json'], { 'f.csv': VALID });
    expect(text.stdout()).toMatch(/Optimize\s+→ Admin\s+1/);
  });

  it('counts current licenses ignoring case, "No License Assigned" as none, and leaves unreadable rows out', async () => {
    const mixed = `${HEADER}\n001,Ann,A,ann@x.com,Optimize,Admin,\n002,Bob,B,bob@x.com,OPTIMIZE ,Admin,\n003,Cy,C,cy@x.com,No License Assigned,,\n004,Di\n`;
    const r = await run(['summary', 'f.csv', '--plan', 'plan.json', '--format', 'json'], { 'f.csv': mixed });
    expect(JSON.parse(r.stdout()).transitions).toEqual([
      { current: '', next: '', users: 1 },
      { current: 'Optimize', next: 'Admin', users: 2 },
    ]);
    const text = await run(['summary', 'f.csv', '--plan', 'plan.json'], { 'f.csv': mixed });
    expect(text.stdout()).toMatch(/\(none\)\s+→ \(no license\)\s+1/);
    expect(text.stdout()).toContain('1 row could not be read and is not counted');
  });
});

describe('license-prep assign', () => {
  const withMapping = (mapping: unknown) => JSON.stringify({ ...JSON.parse(PLAN), mapping });
  const FILE = `${HEADER}\n001,Ann,A,ann@x.com,Optimize,,\n002,Bob,B,bob@x.com,Optimize,Admin,\n003,Cy,C,cy@x.com,Standard,,\n`;

  it('fills empty cells from the plan’s mapping, validates, and writes the upload-ready file (exit 0)', async () => {
    const plan = withMapping({ licenses: [{ current: 'optimize', license: 'Engage', addOns: ['Meet'] }, { current: 'Standard', license: 'Viewer' }] });
    const r = await run(['assign', 'f.csv', '--plan', 'm.json', '--me', 'bob@x.com', '--out', 'out.csv'], { 'f.csv': FILE, 'm.json': plan });
    expect(r.stderr()).toBe('');
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(r.files.get('out.csv'))).toBe(`${HEADER}\n001,Ann,A,ann@x.com,Optimize,Engage,Meet\n002,Bob,B,bob@x.com,Optimize,Admin,\n003,Cy,C,cy@x.com,Standard,Viewer,\n`);
    expect(r.stdout()).toContain('2 rows filled from the mapping');
  });

  it('writes nothing and exits 1 when the result has errors (seats over the plan)', async () => {
    const plan = JSON.stringify({ ...JSON.parse(withMapping({ licenses: [{ current: 'Optimize', license: 'Admin' }] })) });
    const r = await run(['assign', 'f.csv', '--plan', 'm.json', '--me', 'bob@x.com', '--out', 'out.csv', '--overwrite'], { 'f.csv': FILE, 'm.json': plan });
    expect(r.code).toBe(1);
    expect(r.files.has('out.csv')).toBe(false);
    expect(r.stdout()).toContain('SEATS_EXCEEDED');
  });

  it('exits 2 when the plan has no mapping, and refuses --overwrite outside assign', async () => {
    const r = await run(['assign', 'f.csv', '--plan', 'plan.json', '--out', 'out.csv'], { 'f.csv': FILE });
    expect(r.code).toBe(2);
    expect(r.stderr()).toContain('has no mapping');
    expect(parseArgs(['clean', 'f.csv', '--plan', 'p', '--out', 'o', '--overwrite'])).toEqual({ kind: 'error', message: '--overwrite does not apply to clean' });
    expect(parseArgs(['assign', 'f.csv', '--plan', 'p'])).toEqual({ kind: 'error', message: 'assign needs --out OUT.csv' });
  });

  it('migrates the real-client export in one command: every current license mapped, the result valid', async () => {
    const plan = JSON.stringify({
      ...JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')),
      mapping: { licenses: [{ current: 'Sales Cloud', license: 'Sales Cloud' }, { current: 'Service Cloud', license: 'Service Cloud' }, { current: 'Platform', license: 'Platform' }, { current: '', license: '' }] },
    });
    const r = await run(['assign', join(FIX, '00-original-export.csv'), '--plan', 'm.json', '--me', 'mia@example.com', '--out', 'out.csv', '--format', 'json'], { 'm.json': plan });
    expect(r.code).toBe(0);
    const out = new TextDecoder().decode(r.files.get('out.csv'));
    const original = readFileSync(join(FIX, '00-original-export.csv'), 'utf8');
    // Only New License / New Add-ons changed: same number of lines, the other cells as they were.
    expect(out.split('\n')).toHaveLength(original.split('\n').length);
    expect(out).toContain('jose.mueller@example.com,000123,+44 20 7946 0958,2024-03-01,2024-11-05T09:15:00Z,"Sales, EMEA",1-2,Sales Cloud,Sales Cloud,,');
    expect(JSON.parse(r.stdout()).valid).toBe(true);
  });
});

describe('remembered columns and the original export', () => {
  const OTHER = 'Mail,Plan Today,Target License,Target Add-ons,Team';
  const choice = { header: OTHER.split(','), userId: null, email: 'Mail', currentLicense: 'Plan Today', currentAddOns: null, newLicense: 'Target License', newAddOns: 'Target Add-ons' };
  const FILE = `${OTHER}\nann@x.com,Optimize,,,Ops\nbob@x.com,Standard,,,Ops\n`;

  it('reads a file whose columns are named differently through the plan’s remembered choice (assign fills them)', async () => {
    const plan = JSON.stringify({ ...JSON.parse(PLAN), columns: [choice], mapping: { licenses: [{ current: 'Optimize', license: 'Admin', addOns: ['Meet'] }, { current: 'Standard', license: 'Viewer' }] } });
    const r = await run(['assign', 'f.csv', '--plan', 'm.json', '--me', 'ann@x.com', '--out', 'out.csv'], { 'f.csv': FILE, 'm.json': plan });
    expect(r.stderr()).toBe('');
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(r.files.get('out.csv'))).toBe(`${OTHER}\nann@x.com,Optimize,Admin,Meet,Ops\nbob@x.com,Standard,Viewer,,Ops\n`);
  });

  it('without the choice the same file has no user key (MISSING_COLUMN, exit 1)', async () => {
    const r = await run(['validate', 'f.csv', '--plan', 'plan.json', '--format', 'json'], { 'f.csv': FILE });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout()).findings.map((f: { code: string }) => f.code)).toContain('MISSING_COLUMN');
  });

  it('refuses a plan whose remembered choice uses one column twice', async () => {
    const plan = JSON.stringify({ ...JSON.parse(PLAN), columns: [{ ...choice, newLicense: 'Mail' }] });
    const r = await run(['validate', 'f.csv', '--plan', 'm.json'], { 'f.csv': FILE, 'm.json': plan });
    expect(r.code).toBe(2);
    expect(r.stderr()).toContain('The remembered column choice 1: the New License column names "Mail" a second time (already chosen as Email)');
  });

  it('clean --original writes the original export’s bytes with the file’s New License / New Add-ons, in the original’s row order', async () => {
    const plan = JSON.stringify({ ...JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')), licenses: [{ name: 'Sales Cloud', seats: 20, addOnsAllowed: true }, { name: 'Service Cloud', seats: 6, addOnsAllowed: true }, { name: 'Platform', seats: 6, addOnsAllowed: false }] });
    const original = readFileSync(join(FIX, '00-original-export.csv'), 'utf8');
    const edited = original.replace('Sales Cloud,,,', 'Sales Cloud,Sales Cloud,,');
    // Two users swapped, as a spreadsheet sort would: no finding, and the output keeps the original's order.
    const lines = edited.split('\n');
    const [a, b] = [lines.findIndex((l) => l.startsWith('005000000000002')), lines.findIndex((l) => l.startsWith('005000000000003'))];
    [lines[a], lines[b]] = [lines[b], lines[a]];
    const r = await run(['clean', 'f.csv', '--plan', 'm.json', '--original', join(FIX, '00-original-export.csv'), '--me', 'jose.mueller@example.com', '--out', 'out.csv'], { 'f.csv': lines.join('\n'), 'm.json': plan });
    expect(r.stderr()).toBe('');
    expect(new TextDecoder().decode(r.files.get('out.csv'))).toBe(edited.replace('Add-on A;Add-on B', '"Add-on A, Add-on B"'));
  });
});

describe('the license-prep process', () => {
  let cli = '';
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lp-cli-'));
    cli = join(dir, 'cli.cjs');
    await build({ entryPoints: [join(__dirname, 'main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
  });
  const exec = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  it('exits 0, 1 and 2 as docs/formats.md says, with a one-line reason on stderr for 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lp-cli-run-'));
    writeFileSync(join(dir, 'plan.json'), PLAN);
    writeFileSync(join(dir, 'ok.csv'), VALID);
    writeFileSync(join(dir, 'bad.csv'), `${HEADER}\n001,Ann,A,ann@x.com,Optimize,Nope,\n`);
    expect(exec('validate', join(dir, 'ok.csv'), '--plan', join(dir, 'plan.json')).status).toBe(0);
    const bad = exec('clean', join(dir, 'bad.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'out.csv'));
    expect(bad.status).toBe(1);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    const usage = exec('validate', join(dir, 'ok.csv'));
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    const clean = exec('clean', join(dir, 'ok.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'out.csv'), '--me', 'ann@x.com');
    expect(clean.status).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(VALID);
    // A link to the export is the export: --out through it is refused.
    symlinkSync(join(dir, 'ok.csv'), join(dir, 'link.csv'));
    const viaLink = exec('clean', join(dir, 'link.csv'), '--plan', join(dir, 'plan.json'), '--out', join(dir, 'ok.csv'), '--me', 'ann@x.com');
    expect(viaLink.status).toBe(2);
    expect(viaLink.stderr).toContain('would overwrite the file');
    // A device that never ends is refused at the documented limit, not read forever.
    const zero = exec('validate', '/dev/zero', '--plan', join(dir, 'plan.json'));
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('larger than 256 MiB');
    // The written file parses back to the same records.
    expect(Papa.parse(readFileSync(join(dir, 'out.csv'), 'utf8').trim()).data).toHaveLength(3);
  });
});
