// `npm run bench:ui` (README "Performance"): the browser build in Chromium at 100,000 and 1,000,000 users, as an admin
// uses it — load, filters, sort, selection, bulk edit, undo/redo, search, single edits, steps, mapping, find & replace,
// scrolling — each figure the median of N runs with its p95, its target and PASS/MISS, the memory of the
// page and its worker from the browser's own metrics, and the machine's load average. A report: it never
// fails on a MISS.
//
//   node scripts/bench-ui.mjs [--sizes=100000,1000000] [--runs=5] [--profile] [--load-only] [--port=N]
//   --profile: one more run of the load and of each interaction under the CPU profiler (Chrome DevTools
//              protocol), with the functions the main thread spent its time in.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { busyStretches, printProfile, printStretches, summarizeProfile } from './bench/cpuprofile.mjs';
import { exportBytes, generateExport, HEADER, planFor } from './bench/generate.mjs';
import { median, percentile } from './bench/stats.mjs';
import { longTasksInTrace, profiled, samplePeak, Targets, traced } from './bench/ui/cdp.mjs';
import { installBench } from './bench/ui/inPage.mjs';
import * as act from './bench/ui/interactions.mjs';
import { buildRenderer, startPreview } from './bench/ui/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const sizes = arg('sizes', '100000,1000000').split(',').map(Number);
const runs = Number(arg('runs', '5'));
const profile = process.argv.includes('--profile');
const loadOnly = process.argv.includes('--load-only');
const port = Number(arg('port', process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4179));
const say = (line = '') => console.log(line);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const MB = 1024 * 1024;

// Column indexes of the generated export (scripts/bench/generate.mjs HEADER).
const COL = Object.fromEntries(HEADER.map((name, i) => [name, String(i)]));

/** One figure: its runs, and its target (ms or bytes) where the issue sets one. */
class Report {
  constructor() {
    this.rows = [];
  }
  add(size, name, values, target = null, unit = 'ms') {
    const list = Array.isArray(values) ? values : [values];
    const med = median(list);
    const row = { size, name, unit, runs: list, median: med, p95: percentile(list, 95), target, pass: target === null ? null : med <= target };
    this.rows.push(row);
    const fmt = (v) => (unit === 'MB' ? `${(v / MB).toFixed(0)} MB` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
    const verdict = target === null ? '' : row.pass ? 'PASS' : 'MISS';
    say(`  ${name.padEnd(58)} ${fmt(med).padStart(9)} ${list.length > 1 ? fmt(row.p95).padStart(9) : ''.padStart(9)}   ${target === null ? ''.padEnd(12) : `≤ ${fmt(target)}`.padEnd(12)} ${verdict}`);
    return row;
  }
}

async function repeat(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}

async function withProfile(cdp, title, fn) {
  if (!profile) return;
  const { profile: cpu } = await profiled(cdp, fn);
  printProfile(title, summarizeProfile(cpu), say);
  printStretches(title, busyStretches(cpu), say);
}

async function benchSize(browser, users, dir, report, url) {
  const label = users >= 1e6 ? `${users / 1e6}M` : `${users / 1e3}k`;
  const generated = generateExport(users);
  const bytes = exportBytes(generated.text);
  const file = path.join(dir, `export-${label}.csv`);
  const planFile = path.join(dir, `plan-${label}.json`);
  writeFileSync(file, bytes);
  writeFileSync(planFile, JSON.stringify(planFor(users)));
  const size = bytes.length;
  const big = users >= 1e6;
  const interactive = big ? 500 : 100;
  say(`\n${users.toLocaleString('en-US')} users, ${(size / 1e6).toFixed(1)} MB (load average ${loadavg()})`);
  say(`  ${'figure'.padEnd(58)} ${'median'.padStart(9)} ${'p95'.padStart(9)}   ${'target'.padEnd(12)}`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: `(${installBench})()` });

  // The floor: papaparse's parse of the same bytes, in a worker of a page of its own.
  const floorPage = await context.newPage();
  await floorPage.goto(url);
  const papa = readFileSync(path.join(root, 'node_modules/papaparse/papaparse.min.js'), 'utf8');
  const floors = await repeat(Math.min(runs, 3), () => act.papaparseFloor(floorPage, papa, file));
  await floorPage.close();
  const floor = median(floors.map((f) => f.decode + f.parse));
  report.add(label, 'papaparse: decode + parse of the file (the floor)', floors.map((f) => f.decode + f.parse));

  // Loads: a fresh page each time; the plan sized for the file imported first (it is the plan the file opens with).
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const targets = await Targets.attach(cdp);
  const open = async () => {
    await page.goto(url);
    await page.evaluate(() => new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('license-prep');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    }));
    await page.reload();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('validate-import-plan').click();
    await (await chooser).setFiles(planFile);
    await page.getByTestId('notice').waitFor();
  };
  const loads = [];
  let peak = null;
  for (let i = 0; i < runs; i++) {
    await open();
    const last = i === runs - 1;
    const stopSampling = last ? samplePeak(targets) : null;
    loads.push(await act.loadFile(page, file));
    if (stopSampling) {
      await targets.workersGone();
      peak = await stopSampling();
    }
  }
  report.add(label, 'file chosen → loaded, checked, Overview painted', loads.map((l) => l.overview));
  report.add(label, 'Overview → Assign grid painted', loads.map((l) => l.grid));
  report.add(label, 'file chosen → grid interactive', loads.map((l) => l.total), big ? 2 * floor : 1000);
  report.add(label, 'longest main-thread task while loading (until the Overview is painted)', loads.map((l) => l.longest), big ? null : 50);
  report.add(label, 'longest main-thread task opening Assign afterwards (its grid made)', loads.map((l) => l.gridLongest));
  say(`    (long tasks over 50 ms per load: ${loads.map((l) => l.longTasks).join(', ')}; in the last, at ms after the file was chosen: ${loads.at(-1).tasks.map((t) => `${t.ms.toFixed(0)} ms at ${t.at.toFixed(0)}`).join(', ') || 'none'}; Overview painted at ${loads.at(-1).overview.toFixed(0)})`);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('lp:')).map((m) => ({ name: m.name, at: m.startTime - window.__chosenAt })).sort((a, b) => a.at - b.at));
  say(`    (the last load's moments, ms after the file was chosen: ${marks.map((m) => `${m.name.slice(3)} ${m.at.toFixed(0)}`).join(', ')})`);
  const memory = await targets.memory({ gc: true });
  report.add(label, 'memory: page + worker, after load (JS heap + buffers)', memory.total, big ? 5 * size : null, 'MB');
  say(`    (page heap ${(memory.pageHeap / MB).toFixed(0)} MB, page buffers ${(memory.pageBacking / MB).toFixed(0)} MB, workers ${(memory.workers / MB).toFixed(0)} MB; peak while loading ${peak ? (peak.total / MB).toFixed(0) : '?'} MB; file ${(size / MB).toFixed(0)} MB)`);
  if (profile) {
    await open();
    targets.profileWorkers = true;
    await withProfile(cdp, 'load (main thread)', () => act.loadFile(page, file));
    const workerProfiles = await targets.stopWorkerProfiles();
    targets.profileWorkers = false;
    for (const cpu of workerProfiles) printProfile('load (the load worker, until the grid was interactive)', summarizeProfile(cpu), say);
    await targets.workersGone();
    // The long tasks of one more load, from a Chrome trace: what each was made of.
    await open();
    const { events } = await traced(cdp, () => act.loadFile(page, file));
    await targets.workersGone();
    say('    long tasks of a load (Chrome trace):');
    for (const task of longTasksInTrace(events)) say(`      ${task.ms.toFixed(0)} ms at +${task.at.toFixed(0)} (garbage collection ${task.gc.toFixed(0)} ms): ${task.top.map((t) => `${t.what} ${t.ms.toFixed(0)}`).join(' | ')}`);

  }

  if (loadOnly) {
    await context.close();
    rmSync(file, { force: true });
    return;
  }

  // Edits on a fresh file: a New License chosen in the dropdown → cell, counters and findings on screen.
  const targetsToEdit = await act.rowsToEdit(page, COL['New License'], COL['Current License'], runs, COL['Current Add-ons']);
  const edits = [];
  for (const [i, row] of targetsToEdit.entries()) edits.push(await act.editCell(page, row.id, COL['New License'], i % 2 ? 'Essentials' : 'Engage', row.warns));
  report.add(label, 'edit → counters + findings on screen', edits, 50);

  report.add(label, 'filter by current license', await repeat(runs, () => act.filterByCurrent(page)), interactive);
  await withProfile(cdp, 'filter by current license', () => act.filterByCurrent(page));
  report.add(label, 'only rows with problems', await repeat(runs, () => act.problemsOnly(page)), big ? null : 100);
  await withProfile(cdp, 'only rows with problems', () => act.problemsOnly(page));
  // Email (unique values, ranked by the worker), New License (as edited, ranked on demand): asc, desc, none, …
  report.add(label, 'sort by Email (click header)', await repeat(runs, () => act.sortBy(page, COL.Email)), interactive);
  await act.unsort(page, COL.Email);
  report.add(label, 'sort by New License (click header)', await repeat(runs, () => act.sortBy(page, COL['New License'])), interactive);
  await act.unsort(page, COL['New License']);
  await withProfile(cdp, 'sort by Email', () => act.sortBy(page, COL.Email));
  await act.unsort(page, COL.Email);
  report.add(label, 'search', await repeat(runs, (i) => act.search(page, ['smith', 'garcía', 'emma.', 'sales, emea', 'Дмитрий'][i % 5])), big ? null : 100);
  await withProfile(cdp, 'search', () => act.search(page, 'smith'));
  report.add(label, 'select all shown', await repeat(runs, () => act.selectAllShown(page)), interactive);
  await withProfile(cdp, 'select all shown', () => act.selectAllShown(page));

  const bulks = await repeat(runs, (i) => act.bulkEdit(page, i % 2 ? 'Engage' : 'Admin'));
  report.add(label, `bulk edit of ${users.toLocaleString('en-US')} rows → on screen`, bulks, interactive);
  await withProfile(cdp, 'bulk edit', () => act.bulkEdit(page, 'Essentials'));
  // Undo and redo the last bulk edit: its license's counter shows each.
  const seat = profile ? 'Essentials' : (runs - 1) % 2 ? 'Engage' : 'Admin';
  const undos = [];
  const redos = [];
  for (let i = 0; i < runs; i++) {
    undos.push(await act.travel(page, 'undo', seat));
    redos.push(await act.travel(page, 'redo', seat));
  }
  report.add(label, 'undo of a bulk edit', undos, big ? null : 100);
  report.add(label, 'redo of a bulk edit', redos, big ? null : 100);
  if (profile) {
    await withProfile(cdp, 'undo', () => act.travel(page, 'undo', seat));
    await act.travel(page, 'redo', seat);
  }

  // Right after that bulk edit (every row Essentials): single edits to Engage.
  const after = await page.evaluate(() => [...document.querySelectorAll(`.grid-host [role="row"][row-index]`)].filter((r) => Number(r.getAttribute('row-index')) < 14).map((r) => r.getAttribute('row-id')).filter((id, i, all) => id && all.indexOf(id) === i));
  const afterBulk = [];
  for (const id of after.slice(0, runs)) afterBulk.push(await act.editCell(page, id, COL['New License'], 'Engage', false));
  report.add(label, 'single edit → counters, right after a bulk edit', afterBulk, 50);
  await withProfile(cdp, 'single edit after a bulk edit', async () => {
    const id = after[runs] ?? after[0];
    return act.editCell(page, id, COL['New License'], 'Admin', false);
  });

  const mappings = await repeat(runs, (i) => act.applyMapping(page, 'Optimize', i % 2 ? 'Admin' : 'Engage'));
  report.add(label, 'apply a mapping (the Map step)', mappings, big ? null : 100);
  await withProfile(cdp, 'apply a mapping', () => act.applyMapping(page, 'Optimize', 'Essentials'));

  // Deal → Meet, then Meet → Deal: each run moves the add-on the previous one filled.
  const replaces = await repeat(runs, (i) => act.findReplace(page, i % 2 ? 'Meet' : 'Deal', i % 2 ? 'Deal' : 'Meet'));
  report.add(label, 'find & replace: typing → preview', replaces.map((r) => r.preview), big ? null : 100);
  report.add(label, 'find & replace: apply → counters', replaces.map((r) => r.apply), big ? null : 100);
  await withProfile(cdp, 'find & replace', async () => (await act.findReplace(page, runs % 2 ? 'Meet' : 'Deal', runs % 2 ? 'Deal' : 'Meet')).apply);

  const steps = [];
  for (let i = 0; i < runs; i++) for (const step of ['review', 'assign', 'overview', 'assign']) steps.push(await act.goToStep(page, step));
  report.add(label, 'step change (Assign ↔ Review ↔ Overview)', steps, big ? null : 100);
  await withProfile(cdp, 'step change Overview → Assign', async () => {
    await act.goToStep(page, 'overview');
    return act.goToStep(page, 'assign');
  });

  for (const [pixels, name] of [
    [120, 'wheel speed'],
    [400, 'a fling'],
  ]) {
    const scroll = await act.scrollGrid(page, pixels);
    report.add(label, `scrolling at ${name} (${pixels} px/frame): longest task`, scroll.longest, pixels === 120 && !big ? 50 : null);
    say(`    (${scroll.longTasks} tasks over 50 ms in ${scroll.frames} frames, frame p95 ${scroll.p95Frame.toFixed(1)} ms)`);
  }
  const end = await targets.memory({ gc: true });
  report.add(label, 'memory: page + worker, after the interactions', end.total, null, 'MB');
  await context.close();
  rmSync(file, { force: true });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'license-prep-bench-ui-'));
const report = new Report();
say(`bench:ui — ${os.cpus().length} cores, load average ${loadavg()} at start`);
buildRenderer(root, { readable: profile });
if (profile) say('--profile: the build is not minified, so profiles name functions (timings may differ slightly)');
const stop = await startPreview(root, port);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
say(`Chromium ${browser.version()}, median of ${runs} runs (p95 beside it)`);
try {
  for (const users of sizes) await benchSize(browser, users, dir, report, `http://127.0.0.1:${port}/`);
} finally {
  await browser.close();
  stop();
  rmSync(dir, { recursive: true, force: true });
}
say(`\nload average at the end: ${loadavg()}`);
const misses = report.rows.filter((r) => r.pass === false);
say(misses.length === 0 ? 'every target met' : `${misses.length} target(s) missed: ${misses.map((r) => `${r.size} ${r.name}`).join('; ')}`);
mkdirSync(path.join(root, 'bench-out'), { recursive: true });
const out = path.join(root, 'bench-out', 'bench-ui.json');
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), chromium: browser.version(), cores: os.cpus().length, rows: report.rows }, null, 2));
say(`figures written to ${path.relative(root, out)}`);
