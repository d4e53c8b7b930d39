import { chromium } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportBytes, generateExport, planFor } from './scripts/bench/generate.mjs';
import { installBench } from './scripts/bench/ui/inPage.mjs';
import { buildRenderer, startPreview } from './scripts/bench/ui/server.mjs';
import * as act from './scripts/bench/ui/interactions.mjs';
const users = Number(process.argv[2] ?? 100000);
const root = process.cwd();
const dir = mkdtempSync(path.join(os.tmpdir(), 'lp-prof-'));
const file = path.join(dir, 'e.csv'); const planFile = path.join(dir, 'p.json');
writeFileSync(file, exportBytes(generateExport(users).text)); writeFileSync(planFile, JSON.stringify(planFor(users)));
buildRenderer(root, { readable: true });
const stop = await startPreview(root, 4195);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.addInitScript({ content: `(${installBench})()` });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
for (let run = 0; run < 3; run++) {
  await page.goto('http://127.0.0.1:4195/');
  await page.evaluate(() => new Promise((resolve) => { const r = indexedDB.deleteDatabase('license-prep'); r.onsuccess = r.onerror = r.onblocked = () => resolve(); }));
  await page.reload();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('validate-import-plan').click();
  await (await chooser).setFiles(planFile);
  await page.getByTestId('notice').waitFor();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  // a marker the profile shows at a known page time
  const markerAt = await page.evaluate(() => { const t = performance.now(); function __marker() { const end = performance.now() + 15; while (performance.now() < end); } __marker(); return t; });
  const load = await act.loadFile(page, file);
  const chosenAt = await page.evaluate(() => window.__chosenAt);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime; const times = profile.samples.map((_, i) => (t += profile.timeDeltas[i]));
  const markerIdx = profile.samples.findIndex((id) => byId.get(id).callFrame.functionName === '__marker');
  const offset = times[markerIdx] / 1000 - markerAt; // profile ms = page ms + offset
  const name = (n) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
  console.log(`run ${run}: long tasks`, load.tasks.map((x) => `${x.ms.toFixed(0)}@${x.at.toFixed(0)}`).join(' '));
  for (const task of load.tasks) {
    const from = (chosenAt + task.at + offset) * 1000, to = from + task.ms * 1000;
    const self = new Map(), total = new Map();
    profile.samples.forEach((id, i) => {
      if (times[i] < from || times[i] > to) return;
      const d = profile.timeDeltas[i + 1] ?? 100;
      const n = byId.get(id); self.set(name(n), (self.get(name(n)) ?? 0) + d);
      const seen = new Set();
      for (let x = id; x !== undefined; x = parent.get(x)) { const k = name(byId.get(x)); if (seen.has(k)) continue; seen.add(k); total.set(k, (total.get(k) ?? 0) + d); }
    });
    const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, us]) => `${f} ${(us / 1000).toFixed(1)}`).join(' | ');
    console.log(`  task ${task.ms.toFixed(0)} ms at +${task.at.toFixed(0)}\n    self: ${top(self, 12)}\n    total: ${top(total, 45)}`);
  }
}
await browser.close(); stop();
