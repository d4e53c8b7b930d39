// npm run security (docs/architecture.md "Checks"): run @doyensec/electronegativity offline over the
// main/preload sources and the renderer's HTML, parse its CSV (it always exits 0), and fail on HIGH/MEDIUM
// findings that electron/security-allowlist.json does not list with a reason.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const TIMEOUT_MS = 120_000;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** RFC 4180-ish: quoted fields with "" escapes, commas, newlines inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function loadAllowlist() {
  const file = join(root, 'electron', 'security-allowlist.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  for (const entry of parsed.entries) {
    if (typeof entry.check !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim().length < 10) {
      throw new Error(`${relative(root, file)}: every entry needs a check and a real reason: ${JSON.stringify(entry)}`);
    }
  }
  return parsed.entries;
}

/** What is scanned: main, preload and CLI sources (not tests), and the renderer's HTML (its CSP meta). */
function stageInput() {
  const stage = mkdtempSync(join(tmpdir(), 'lp-electronegativity-'));
  cpSync(join(root, 'electron'), join(stage, 'electron'), {
    recursive: true,
    filter: (src) => !/\.test\.ts$/.test(src) && !src.endsWith('.json'),
  });
  const html = existsSync(join(root, 'dist', 'renderer', 'index.html')) ? join(root, 'dist', 'renderer', 'index.html') : join(root, 'renderer', 'index.html');
  if (existsSync(html)) cpSync(html, join(stage, 'renderer', 'index.html'));
  return { stage, html: relative(root, html) };
}

function run(input, output) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['-i', input, '-o', output, '-r', '-v', 'false', '-e', electronVersion], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(new Error(`electronegativity did not finish within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (code) => (clearTimeout(timer), code === 0 ? resolve(log) : reject(new Error(`electronegativity exited ${code}:\n${log}`))));
  });
}

const { stage, html } = stageInput();
const output = join(stage, 'findings.csv');
let status = 0;
try {
  const started = Date.now();
  // Its CSV was once seen cut mid-line (a write not flushed when the process ended): run it again
  // once before calling the output broken, and never count a broken output as a pass.
  let parsed = null;
  for (let attempt = 1; attempt <= 2 && parsed === null; attempt++) {
    rmSync(output, { force: true });
    await run(stage, output);
    if (!existsSync(output)) throw new Error('electronegativity wrote no CSV output');
    const candidate = parseCsv(readFileSync(output, 'utf8'));
    if (candidate.slice(1).every((r) => r.length >= 8)) parsed = candidate;
    else if (attempt === 2) parsed = candidate;
    else console.log('electronegativity: its CSV output was cut short; running it once more');
  }
  const [header, ...rows] = parsed;
  // Columns: issue, severity, confidence, filename, location, sample, description, url. electronegativity
  // leaves `sample` unquoted, so a sample with commas spans several fields: anchor on both ends instead.
  const expected = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];
  if (header.map((h) => h.trim().toLowerCase()).join(',') !== expected.join(',')) throw new Error(`unexpected CSV header: ${header.join(',')}`);
  const allowlist = loadAllowlist();
  const findings = rows.map((r) => {
    if (r.length < expected.length) throw new Error(`unexpected CSV row: ${r.join(',')}`);
    const field = (i) => (r[i] ?? '').trim();
    return { check: field(0), severity: field(1).toUpperCase(), confidence: field(2), file: field(3), location: field(4), description: field(r.length - 2) };
  });
  const allowedBy = (f) => allowlist.find((a) => a.check === f.check && (a.file === undefined || a.file === f.file));
  const blocking = findings.filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !allowedBy(f));
  const allowed = findings.filter((f) => allowedBy(f));
  const informational = findings.filter((f) => !blocking.includes(f) && !allowed.includes(f));
  const line = (f) => `  ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location} — ${f.description}`;

  console.log(`electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}over electron/ (no tests) and ${html}: ${findings.length} finding(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (informational.length > 0) console.log(`informational (LOW/INFORMATIONAL, not blocking):\n${informational.map(line).join('\n')}`);
  if (allowed.length > 0) console.log(`allowed by electron/security-allowlist.json:\n${allowed.map((f) => `${line(f)}\n      reason: ${allowedBy(f).reason}`).join('\n')}`);
  if (blocking.length > 0) {
    console.error(`FAIL: ${blocking.length} HIGH/MEDIUM finding(s) not in electron/security-allowlist.json:\n${blocking.map(line).join('\n')}`);
    status = 1;
  } else console.log('OK: no HIGH or MEDIUM findings outside the allowlist.');
} catch (e) {
  console.error(`FAIL: ${e instanceof Error ? e.message : String(e)}`);
  status = 1;
} finally {
  if (process.env.KEEP_ELECTRONEGATIVITY) console.log(`kept ${stage}`);
  else rmSync(stage, { recursive: true, force: true });
}
process.exit(status);
