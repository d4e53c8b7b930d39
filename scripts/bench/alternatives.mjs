// Measured prototypes of load + validate optimisations, run on the real core's own output (the
// bundled shared/index.ts) so each proposal's gain is a number, not a guess. Nothing here is used
// by the app; it answers "what would X save" for whoever changes shared/.
//
//   node --expose-gc --max-old-space-size=12000 scripts/bench/alternatives.mjs [users=1000000] [runs=3]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { bundleCore } from './bundle.mjs';
import { exportBytes, generateExport, planFor } from './generate.mjs';
import { median, msSince } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const users = Number(process.argv[2] ?? 1e6);
const runs = Number(process.argv[3] ?? 3);
const gc = globalThis.gc ?? (() => {});
const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'license-prep-alt-'));
const core = await import(pathToFileURL(await bundleCore(root, bundleDir)).href);
rmSync(bundleDir, { recursive: true, force: true });
const generated = generateExport(users);
const bytes = exportBytes(generated.text);
const plan = planFor(users);
const me = generated.me;

const results = [];
function bench(name, fn, check) {
  const times = [];
  let value;
  for (let i = 0; i < runs + 1; i++) {
    value = undefined;
    gc();
    const t = process.hrtime.bigint();
    value = fn();
    if (i > 0) times.push(msSince(t));
  }
  results.push([name, median(times), times, check ? check(value) : `→ ${value}`]);
  return value;
}

// ---- decode: strict TextDecoder vs the fast non-fatal decoder + a U+FFFD check --------------
const body = bytes.subarray(3);
bench('decode: TextDecoder utf-8 fatal (current decodeBytes)', () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body).length);
bench('decode: non-fatal + indexOf(U+FFFD) (fatal only if found)', () => {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  return text.indexOf('\uFFFD') === -1 ? text.length : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body).length;
});

// ---- tokenize: Parser alone vs Parser + the current post-pass ------------------------------
const text = core.decodeBytes(bytes).value.text;
const dialect = core.detectDialect(text);
const parserOnly = () => new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.eol, quoteChar: '"', escapeChar: '"' }).parse(text, 0, false);
bench('tokenize: papaparse Parser.parse only', () => parserOnly().data.length);
bench('tokenize: core tokenize (Parser + isBlank/records/recordIndex pass)', () => core.tokenize(text, dialect).records.length);
{
  const parsed = parserOnly();
  bench('tokenize post-pass alone (isBlank + push + Int32Array), as in tokenize', () => {
    const all = parsed.data;
    const records = [];
    const recordIndex = new Int32Array(all.length - 1);
    let blank = 0;
    outer: for (let r = 1; r < all.length; r++) {
      const fields = all[r];
      for (let i = 0; i < fields.length; i++) {
        if (fields[i] !== '') {
          recordIndex[records.length] = r;
          records.push(fields);
          continue outer;
        }
      }
      blank++;
    }
    return records.length + blank;
  });
}

// ---- session: the "me" lookup ---------------------------------------------------------------
const loaded = core.loadExport(bytes).value;
const { records } = loaded.table;
const emailColumn = loaded.columns.email;
const idColumn = loaded.columns.userId;
const n = records.length;
bench('me: current rowsWithEmail (Map of every folded email → [rows])', () => {
  const map = new Map();
  for (let r = 0; r < n; r++) {
    const key = core.foldName(records[r][emailColumn] ?? '');
    if (key === '') continue;
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  return (map.get(core.foldName(me)) ?? []).length;
});
// A folded value equals value.toLowerCase() when the value is printable ASCII without spaces:
// then a length check rejects almost every row without allocating.
const PLAIN = /^[\x21-\x7e]*$/;
bench('me: linear scan, fold only non-plain cells (index built lazily for autocomplete)', () => {
  const target = core.foldName(me);
  const rows = [];
  for (let r = 0; r < n; r++) {
    const value = records[r][emailColumn];
    if (value === undefined || value === '') continue;
    if (value.length === target.length && PLAIN.test(value) ? value.toLowerCase() === target : !PLAIN.test(value) && core.foldName(value) === target) rows.push(r);
  }
  return rows.length;
});

// ---- session: DUPLICATE_USER ----------------------------------------------------------------
const keyOf = (record) => {
  let key = idColumn >= 0 ? (record[idColumn] ?? '') : '';
  if (key !== '' && (key.charCodeAt(0) <= 32 || key.charCodeAt(key.length - 1) <= 32)) key = key.trim();
  if (key === '') {
    key = emailColumn >= 0 ? core.foldName(record[emailColumn] ?? '') : '';
    if (key === '') return '';
    key = '@' + key;
  }
  return key;
};
bench('duplicates: current Map<key, first row>', () => {
  const seen = new Map();
  let dups = 0;
  for (let r = 0; r < n; r++) {
    const key = keyOf(records[r]);
    if (key === '') continue;
    if (seen.get(key) === undefined) seen.set(key, r);
    else dups++;
  }
  return dups;
});
bench('duplicates: open-addressing Int32Array table, FNV-1a over char codes', () => {
  let size = 1;
  while (size < n * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const keys = new Array(n);
  let dups = 0;
  for (let r = 0; r < n; r++) {
    const key = keyOf(records[r]);
    if (key === '') continue;
    keys[r] = key;
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    let slot = h & mask;
    for (;;) {
      const first = slots[slot];
      if (first === -1) {
        slots[slot] = r;
        break;
      }
      if (keys[first] === key) {
        dups++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return dups;
});
bench('duplicates: sort row indexes by key, compare neighbours', () => {
  const keys = new Array(n);
  for (let r = 0; r < n; r++) keys[r] = keyOf(records[r]);
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  let dups = 0;
  for (let i = 1; i < n; i++) if (keys[order[i]] !== '' && keys[order[i]] === keys[order[i - 1]]) dups++;
  return dups;
});

// ---- session: everything the constructor computes, in one pass over the rows -----------------
const SPACE = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** foldName(value) === folded, exiting at the first differing character; non-ASCII or spaces fall back to foldName. */
function equalsFolded(value, folded) {
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c >= 128 || SPACE(c)) return core.foldName(value) === folded;
    if (c >= 65 && c <= 90) c += 32;
    if (folded.charCodeAt(j) !== c) return false;
    j++;
  }
  return j === folded.length;
}
/** The constructor's counters (license/add-on cells, DUPLICATE_USER, me, per-row error/warning counts, seats). */
function onePassSession(meEmail) {
  const index = new core.PlanIndex(plan);
  const cols = loaded.columns;
  const license = new Array(n);
  const addOns = new Array(n);
  const dynErrors = new Uint16Array(n);
  const dynWarnings = new Uint16Array(n);
  const seatLicense = new Int16Array(n).fill(-1);
  const seatMask = new Int32Array(n);
  const licenseAssigned = new Int32Array(plan.licenses.length);
  const addOnAssigned = new Int32Array(plan.addOns.length);
  const target = meEmail ? core.foldName(meEmail) : null;
  const meRows = [];
  let size = 1;
  while (size < n * 2) size <<= 1;
  const hashMask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const keys = new Array(n);
  let duplicates = 0;
  let errors = 0;
  let warnings = 0;
  for (let r = 0; r < n; r++) {
    const record = records[r];
    const rawLicense = record[cols.newLicense] ?? '';
    const rawAddOns = record[cols.newAddOns] ?? '';
    license[r] = rawLicense;
    addOns[r] = rawAddOns;
    const email = emailColumn >= 0 ? record[emailColumn] : undefined;
    if (target !== null && email !== undefined && equalsFolded(email, target)) meRows.push(r);
    let key = idColumn >= 0 ? (record[idColumn] ?? '') : '';
    if (key !== '' && (key.charCodeAt(0) <= 32 || key.charCodeAt(key.length - 1) <= 32)) key = key.trim();
    if (key === '') key = email ? '@' + core.foldName(email) : '';
    if (key !== '' && key !== '@') {
      keys[r] = key;
      let h = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      for (let slot = h & hashMask; ; slot = (slot + 1) & hashMask) {
        const first = slots[slot];
        if (first === -1) {
          slots[slot] = r;
          break;
        }
        if (keys[first] === key) {
          duplicates++;
          break;
        }
      }
    }
    const lic = index.license(rawLicense);
    const add = rawAddOns === '' ? null : index.addOns(rawAddOns);
    let e = 0;
    let w = 0;
    if (lic.index === -2) e++;
    else if (rawLicense !== lic.canonical) w++;
    if (add !== null) {
      e += add.unknown.length + add.duplicates.length;
      const any = add.mask !== 0 || add.unknown.length > 0;
      if (any && lic.index === -1) e++;
      else if (any && lic.index >= 0 && !index.addOnsAllowed(lic.index)) e++;
      if (add.unknown.length === 0 && add.duplicates.length === 0 && rawAddOns !== add.canonical) w++;
    }
    if (lic.index === -1) {
      const current = cols.currentLicense >= 0 ? (record[cols.currentLicense] ?? '') : '';
      if (current !== '' && current.trim() !== '') w++;
    }
    dynErrors[r] = e;
    dynWarnings[r] = w;
    errors += e;
    warnings += w;
    if (lic.index >= 0) {
      const mask = add === null ? 0 : add.mask;
      seatLicense[r] = lic.index;
      seatMask[r] = mask;
      licenseAssigned[lic.index]++;
      for (let m = mask, i = 0; m !== 0; m >>>= 1, i++) if (m & 1) addOnAssigned[i]++;
    }
  }
  for (const r of meRows) {
    if (seatLicense[r] === -1 && index.license(license[r]).index === -1) {
      dynErrors[r]++;
      errors++;
    }
  }
  return `errors ${errors}, warnings ${warnings}, duplicates ${duplicates}, me rows ${meRows.length}, seats ${[...licenseAssigned]} / ${[...addOnAssigned]}`;
}
bench('session: current constructor counters (createSession, with me)', () => {
  const s = core.createSession(loaded, plan, { me });
  return `errors ${s.dynErrorTotal}, warnings ${s.dynWarningTotal}, duplicates ${s.staticErrors}, me rows ${s.meRows.size}, seats ${[...s.licenseAssigned]} / ${[...s.addOnAssigned]}`;
});
bench('session: the same counters in one pass (hash table, equalsFolded, no email index)', () => onePassSession(me));

// ---- session as a whole, for reference -------------------------------------------------------
bench('createSession (current, with me)', () => core.createSession(loaded, plan, { me }).rowCount);
bench('createSession (current, me = null: no email index)', () => core.createSession(loaded, plan, { me: null }).rowCount);

// ---- clean write: byte splicing vs the current string splice ---------------------------------
// After a bulk edit of every row (the worst case: every record rewritten).
const session = core.createSession(loaded, plan, { me });
session.applyChanges(Array.from({ length: n }, (_, r) => ({ row: r, license: 'Engage' })));

/** recordStarts with indexOf jumps: the next line ending and the next quote, exactly the same rule. */
function recordStartsIndexOf(text, delimiter, eol) {
  const starts = [0];
  const len = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let atFieldStart = true; // is text[i] the first character of a cell?
  let nextQuote = text.indexOf('"');
  while (i < len) {
    let lineEnd = text.indexOf(eol, i);
    if (lineEnd === -1) lineEnd = len;
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
    if (nextQuote !== -1 && nextQuote < lineEnd) {
      const q = nextQuote;
      if ((q === i && atFieldStart) || (q > i && text.charCodeAt(q - 1) === d)) {
        // A quoted cell: skip to its closing quote ("" is a quote), then go on from there.
        let j = q + 1;
        for (;;) {
          const close = text.indexOf('"', j);
          if (close === -1) return starts; // unclosed: the rest of the file is one cell
          if (text.charCodeAt(close + 1) === 34) j = close + 2;
          else {
            i = close + 1;
            break;
          }
        }
      } else i = q + 1; // a literal quote inside an unquoted cell
      atFieldStart = false;
      nextQuote = text.indexOf('"', i);
      continue;
    }
    i = lineEnd + eol.length;
    atFieldStart = true;
    if (i < len) starts.push(i);
  }
  return starts;
}
{
  const text = loaded.text;
  const a = core.recordStarts(text, loaded.table.dialect);
  const b = recordStartsIndexOf(text, ',', '\r\n');
  const same = a.length === b.length && a.every((x, i) => x === b[i]);
  bench('clean: recordStarts (current, charCodeAt loop)', () => core.recordStarts(text, loaded.table.dialect).length);
  bench(`clean: recordStarts with indexOf jumps (same offsets: ${same})`, () => recordStartsIndexOf(text, ',', '\r\n').length);
}

/** The clean file spliced at the byte level from source.bytes (UTF-8 input): no 250 MB string, no re-encode. */
function cleanBytesSplice(session) {
  const { source } = session;
  const { columns, table } = source;
  const bytes = source.bytes;
  const index = session.planIndex;
  const d = table.dialect.delimiter.charCodeAt(0);
  const eol = table.dialect.eol;
  const eolLast = eol.charCodeAt(eol.length - 1);
  const encoder = new TextEncoder();
  const cellCache = new Map();
  const cellBytes = (value) => {
    let b = cellCache.get(value);
    if (b === undefined) {
      b = encoder.encode(core.csvField(value, table.dialect.delimiter));
      cellCache.set(value, b);
    }
    return b;
  };
  // Pieces: [from, to) ranges of the input and inserted cells, assembled once at the end.
  const copyFrom = [];
  const copyTo = [];
  const inserts = [];
  let copied = 0;
  let size = 0;
  // Walk the bytes record by record (quote-aware, as recordStarts), in step with the session rows.
  let pos = source.bom ? 3 : 0;
  let fileRecord = 0;
  let r = 0;
  const owned = [columns.newLicense, columns.newAddOns];
  const last = Math.max(owned[0], owned[1]);
  const len = bytes.length;
  let changed = 0;
  while (pos < len && r < session.rowCount) {
    const target = table.recordIndex[r];
    // Skip records until the one session row r lives in.
    while (fileRecord < target) {
      let fieldStart = true;
      while (pos < len) {
        const c = bytes[pos];
        if (fieldStart && c === 34) {
          pos++;
          for (;;) {
            const q = bytes.indexOf(34, pos);
            if (q === -1) { pos = len; break; }
            if (bytes[q + 1] === 34) pos = q + 2;
            else { pos = q + 1; break; }
          }
          fieldStart = false;
          continue;
        }
        pos++;
        if (c === d) fieldStart = true;
        else if (c === eolLast && (eol.length === 1 || bytes[pos - 2] === 13)) break;
        else fieldStart = false;
      }
      fileRecord++;
    }
    // Row r: its canonical values, as cleanFile computes them.
    let edit = false;
    let license = '';
    let addOns = '';
    let licenseKept = true;
    let addOnsKept = true;
    if (!session.isMalformed(r)) {
      license = index.license(session.licenseOf(r)).canonical;
      const raw = session.addOnsOf(r);
      addOns = raw === '' ? '' : index.addOns(raw).canonical;
      const record = table.records[r];
      licenseKept = record[columns.newLicense] === license;
      addOnsKept = record[columns.newAddOns] === addOns;
      edit = !(licenseKept && addOnsKept);
    }
    // Walk the record's fields; note the owned cells' spans when editing.
    let field = 0;
    let fieldStartPos = pos;
    while (pos <= len) {
      const c = pos < len ? bytes[pos] : -1;
      if (pos === fieldStartPos && c === 34) {
        pos++;
        for (;;) {
          const q = bytes.indexOf(34, pos);
          if (q === -1) { pos = len; break; }
          if (bytes[q + 1] === 34) pos = q + 2;
          else { pos = q + 1; break; }
        }
        continue;
      }
      const atEol = c === -1 || (c === eol.charCodeAt(0) && (eol.length === 1 || bytes[pos + 1] === eolLast));
      if (c === d || atEol) {
        if (edit && field <= last) {
          const value = field === owned[0] && !licenseKept ? license : field === owned[1] && !addOnsKept ? addOns : null;
          if (value !== null) {
            copyFrom.push(copied); copyTo.push(fieldStartPos); inserts.push(cellBytes(value));
            size += fieldStartPos - copied + inserts.at(-1).length;
            copied = pos;
          }
        }
        field++;
        if (atEol) { pos += c === -1 ? 0 : eol.length; break; }
        pos++;
        fieldStartPos = pos;
        continue;
      }
      pos++;
    }
    if (edit) changed++;
    fileRecord++;
    r++;
  }
  size += len - copied;
  const out = new Uint8Array(size);
  let o = 0;
  for (let k = 0; k < inserts.length; k++) {
    out.set(bytes.subarray(copyFrom[k], copyTo[k]), o);
    o += copyTo[k] - copyFrom[k];
    out.set(inserts[k], o);
    o += inserts[k].length;
  }
  out.set(bytes.subarray(copied, len), o);
  return { bytes: out, changedRows: changed };
}
{
  const reference = core.cleanFile(session);
  const mine = cleanBytesSplice(session);
  const same = reference.bytes.length === mine.bytes.length && Buffer.compare(Buffer.from(reference.bytes), Buffer.from(mine.bytes)) === 0;
  bench('clean: cleanFile (current: edits Map, string splice, TextEncoder, BOM copy)', () => core.cleanFile(session).bytes.length);
  bench(`clean: byte splice from source.bytes, no Map (byte-identical: ${same}, rows ${mine.changedRows}/${reference.changedRows})`, () => cleanBytesSplice(session).bytes.length);
  const rows = Papa.parse(new TextDecoder().decode(reference.bytes), { delimiter: ',', newline: '\r\n' }).data;
  rows.pop();
  bench('clean: Papa.unparse(same rows) (target)', () => Papa.unparse(rows, { delimiter: ',', newline: '\r\n' }).length);
}

console.log(`\n${users.toLocaleString('en-US')} users, median of ${runs} runs (one warm-up dropped):`);
for (const [name, ms, times, check] of results) console.log(`  ${name.padEnd(80)} ${ms.toFixed(1).padStart(8)} ms  [${times.map((x) => x.toFixed(0)).join(', ')}]${check ? '  ' + check : ''}`);
