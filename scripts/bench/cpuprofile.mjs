// Where a CPU profile (.cpuprofile, from V8's inspector or Chrome's DevTools protocol) spends its time:
// self and total time per function, for the bench's "where the time goes" notes.
import path from 'node:path';

export function summarizeProfile(cpu, { top = 15 } = {}) {
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const hits = new Map();
  cpu.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (cpu.timeDeltas[i] ?? 0)));
  const key = (node) => `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url || '') || '(native)'}:${node.callFrame.lineNumber + 1}`;
  const selfUs = new Map();
  const totalUs = new Map();
  for (const [id, us] of hits) {
    const node = byId.get(id);
    selfUs.set(key(node), (selfUs.get(key(node)) ?? 0) + us);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = key(byId.get(n));
      if (seen.has(k)) continue;
      seen.add(k);
      totalUs.set(k, (totalUs.get(k) ?? 0) + us);
    }
  }
  const ms = (us) => us / 1000;
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: ms(us) }));
  const idle = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
  return {
    self: sorted(selfUs),
    total: sorted(new Map([...totalUs].filter(([name]) => !idle.has(name.split(' ')[0])))),
    gc: ms([...selfUs].filter(([k]) => k.startsWith('(garbage collector)')).reduce((a, [, us]) => a + us, 0)),
  };
}

export function printProfile(title, summary, say = console.log) {
  say(`    profile: ${title} (garbage collection ${summary.gc.toFixed(0)} ms)`);
  say('      self time:');
  for (const { name, ms } of summary.self.slice(0, 10)) say(`        ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  say('      total time:');
  for (const { name, ms } of summary.total.slice(0, 14)) say(`        ${ms.toFixed(1).padStart(7)} ms  ${name}`);
}

/**
 * Stretches of the profile where the thread never idled for `gapMs` (about the browser's tasks), longer
 * than `overMs`, with the functions (by total time) inside each: what a long task was made of.
 */
export function busyStretches(cpu, { overMs = 40, gapMs = 2, top = 8 } = {}) {
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node) => `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url || '') || '(native)'}:${node.callFrame.lineNumber + 1}`;
  const stretches = [];
  let t = cpu.startTime;
  let current = null;
  let idleRun = 0;
  cpu.samples.forEach((id, i) => {
    const delta = cpu.timeDeltas[i] ?? 0;
    t += delta;
    const node = byId.get(id);
    const idle = node.callFrame.functionName === '(idle)';
    if (idle) {
      idleRun += delta;
      if (current && idleRun >= gapMs * 1000) {
        stretches.push(current);
        current = null;
      }
      return;
    }
    idleRun = 0;
    if (!current) current = { start: t, end: t, totals: new Map() };
    current.end = t;
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = name(byId.get(n));
      if (seen.has(k) || k.startsWith('(root)')) continue;
      seen.add(k);
      current.totals.set(k, (current.totals.get(k) ?? 0) + delta);
    }
  });
  if (current) stretches.push(current);
  return stretches
    .map((s) => ({ atMs: (s.start - cpu.startTime) / 1000, ms: (s.end - s.start) / 1000, top: [...s.totals].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, us]) => ({ fn, ms: us / 1000 })) }))
    .filter((s) => s.ms >= overMs);
}

export function printStretches(title, stretches, say = console.log) {
  say(`    busy stretches over 40 ms in ${title}: ${stretches.length === 0 ? 'none' : ''}`);
  for (const s of stretches) {
    say(`      ${s.ms.toFixed(0)} ms at +${s.atMs.toFixed(0)} ms: ${s.top.map((f) => `${f.fn} ${f.ms.toFixed(0)}`).join(' | ')}`);
  }
}
