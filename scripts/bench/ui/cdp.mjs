// The browser's own metrics over the DevTools protocol (Playwright's CDPSession): the JS heap of the page
// and of each of its workers (reached through non-flattened target sessions), garbage collection, and
// CPU profiles of the page's main thread.

export class Targets {
  /** @param {import('@playwright/test').CDPSession} cdp a session on the page */
  constructor(cdp) {
    this.cdp = cdp;
    this.workers = new Map();
    this.pending = new Map();
    this.nextId = 1;
    this.profileWorkers = false;
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type !== 'worker') return;
      this.workers.set(e.sessionId, e.targetInfo);
      // Workers wait for us at start: profile them from their first line when asked, then let them run.
      void (async () => {
        if (this.profileWorkers) {
          await this.sendToWorker(e.sessionId, 'Profiler.enable');
          await this.sendToWorker(e.sessionId, 'Profiler.setSamplingInterval', { interval: 500 });
          await this.sendToWorker(e.sessionId, 'Profiler.start');
        }
        if (e.waitingForDebugger) await this.sendToWorker(e.sessionId, 'Runtime.runIfWaitingForDebugger');
      })();
    });
    cdp.on('Target.detachedFromTarget', (e) => this.workers.delete(e.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message);
      const waiter = this.pending.get(message.id);
      if (waiter) {
        this.pending.delete(message.id);
        waiter(message.result ?? { error: message.error });
      }
    });
  }

  static async attach(cdp) {
    const targets = new Targets(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return targets;
  }

  sendToWorker(sessionId, method, params = {}) {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve({}));
    });
  }

  /** Stop the profilers started in the workers (profileWorkers); their profiles. */
  async stopWorkerProfiles() {
    const profiles = [];
    for (const sessionId of this.workers.keys()) {
      const result = await this.sendToWorker(sessionId, 'Profiler.stop');
      if (result.profile) profiles.push(result.profile);
    }
    return profiles;
  }

  /** Wait until the page has no worker left (the app ends its load worker once every column is ranked). */
  async workersGone(timeoutMs = 300_000) {
    const start = Date.now();
    while (this.workers.size > 0) {
      if (Date.now() - start > timeoutMs) throw new Error('the load worker did not finish');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** JS heap in use (bytes) of the page and its workers, plus the page's ArrayBuffer backing stores where reported. */
  async memory({ gc }) {
    if (gc) {
      await this.cdp.send('HeapProfiler.collectGarbage');
      await this.cdp.send('HeapProfiler.collectGarbage');
    }
    const page = await this.cdp.send('Runtime.getHeapUsage');
    const workers = [];
    for (const sessionId of this.workers.keys()) {
      if (gc) await this.sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      const usage = await this.sendToWorker(sessionId, 'Runtime.getHeapUsage');
      workers.push({ used: usage.usedSize ?? 0, backing: usage.backingStorageSize ?? 0 });
    }
    const workerUsed = workers.reduce((sum, w) => sum + w.used + w.backing, 0);
    const backing = page.backingStorageSize ?? 0;
    return { pageHeap: page.usedSize, pageBacking: backing, workers: workerUsed, total: page.usedSize + backing + workerUsed };
  }
}

/** Sample memory every `everyMs` until stopped; returns the peak total seen. */
export function samplePeak(targets, everyMs = 250) {
  let peak = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const m = await targets.memory({ gc: false });
        if (peak === null || m.total > peak.total) peak = m;
      } catch {
        /* the page may be busy or navigating */
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

/** Profile the page's main thread while `run` runs; returns the run's result and the profile. */
export async function profiled(cdp, run) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  let result;
  try {
    result = await run();
  } catch (e) {
    await cdp.send('Profiler.stop');
    throw e;
  }
  const { profile } = await cdp.send('Profiler.stop');
  return { result, profile };
}

/** Record a Chrome trace (the DevTools timeline) while `run` runs; returns its result and the trace events. */
export async function traced(cdp, run) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
  let result;
  try {
    result = await run();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

/**
 * The main thread's tasks over `overMs` in a trace, each with what took its time: the longest events
 * directly or indirectly inside it (script calls with their function, garbage collections, layout, paint).
 */
export function longTasksInTrace(events, overMs = 50) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  // Times are given from the bench's 'lp:chosen' mark (the file was chosen) when the trace has it.
  const origin = events.find((e) => e.name === 'lp:chosen')?.ts ?? events[0]?.ts ?? 0;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur / 1000 > overMs);
  return tasks.map((task) => {
    const end = task.ts + task.dur;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e.name !== 'RunTask');
    const label = (e) => {
      const frame = e.args?.data;
      if (e.name === 'FunctionCall' && frame) return `FunctionCall ${frame.functionName || '(anonymous)'}${frame.url ? ` ${frame.url.split('/').pop()}:${frame.lineNumber}` : ''}`;
      return e.name;
    };
    const top = inside
      .filter((e) => e.dur / 1000 >= 2)
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 8)
      .map((e) => ({ what: label(e), ms: e.dur / 1000 }));
    const gc = inside.filter((e) => /GC|Scavenge|MarkCompact/i.test(e.name) && !/Observ/.test(e.name)).reduce((sum, e) => sum + e.dur / 1000, 0);
    return { ms: task.dur / 1000, at: (task.ts - origin) / 1000, gc, top };
  });
}
