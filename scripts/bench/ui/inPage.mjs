// Timing inside the page, from the input to the paint that shows its effect: the input is dispatched in
// the page, the effect is polled at each animation frame, and the clock stops after the frame in which
// it became true was painted (a message posted from that frame's callback runs after its paint).
// Long tasks are watched the whole time (the browser's PerformanceObserver 'longtask').

/** Runs in the page (injected with addInitScript): defines window.__bench. */
export function installBench() {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  const measure = (act, done, timeoutMs = 120000) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      try {
        act();
      } catch (e) {
        reject(e);
        return;
      }
      const check = () => {
        let ok = false;
        try {
          ok = done();
        } catch {
          ok = false;
        }
        if (ok) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          channel.port2.postMessage(0);
          return;
        }
        if (performance.now() - t0 > timeoutMs) reject(new Error(`timed out after ${timeoutMs} ms`));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });

  const q = (selector) => document.querySelector(selector);
  const text = (selector) => q(selector)?.textContent ?? null;

  /** The first `n` rows the grid draws: "index:row-id" (or "index:loading"). */
  const rows = (n = 12) => {
    const seen = new Map();
    for (const row of document.querySelectorAll('.grid-host [role="row"][row-index]')) {
      const i = Number(row.getAttribute('row-index'));
      if (i >= 0 && i < n && !seen.has(i)) seen.set(i, row.classList.contains('ag-row-loading') ? 'loading' : row.getAttribute('row-id'));
    }
    return [...seen].sort((a, b) => a[0] - b[0]).map(([i, id]) => `${i}:${id}`).join(',');
  };
  const gridReady = () => rows(1) !== '' && !rows().includes('loading');

  /** Set a React-controlled <select>/<input> value as typing or choosing does. */
  const setValue = (element, value, eventType) => {
    const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(element, value);
    element.dispatchEvent(new Event(eventType, { bubbles: true }));
  };

  const longestSince = (t0) => longTasks.filter((t) => t.start + t.duration >= t0).reduce((max, t) => Math.max(max, t.duration), 0);
  const tasksSince = (t0, over = 50) => longTasks.filter((t) => t.start >= t0 && t.duration > over);

  /** Each step's content is on screen. */
  const stepReady = {
    overview: () => !!q('[data-testid="plan-editor"]'),
    assign: gridReady,
    review: () => !!q('[data-testid="transition-matrix"]'),
    save: () => !!q('[data-testid="save-panel"]'),
  };

  window.__bench = { measure, q, text, rows, gridReady, stepReady, setValue, longTasks, longestSince, tasksSince, now: () => performance.now() };
}
