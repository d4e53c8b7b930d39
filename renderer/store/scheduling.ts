// Long work on the UI thread is cut into slices that give the page back between them (no task
// over 50 ms while a file loads).

interface Yielding {
  readonly scheduler?: { yield?: () => Promise<void> };
}

/** Let input and painting happen, then continue (scheduler.yield where the browser has it). */
export function yieldToUi(): Promise<void> {
  const scheduler = (globalThis as Yielding).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Wait until the browser has painted what is on screen now (two frames where there are frames). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A named moment of a load, in the browser's User Timing (DevTools' timeline and the bench read it). */
export function mark(name: string, at?: number): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(`lp:${name}`, at === undefined ? undefined : { startTime: Math.max(0, at) });
}

/** Now, on the clock every thread shares (for a worker's moments told to the page). */
export const sharedNow = (): number => performance.timeOrigin + performance.now();
