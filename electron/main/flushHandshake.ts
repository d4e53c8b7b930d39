// Closing the window or quitting first asks the renderer to save its pending edits (its autosave waits
// up to a second), and waits for its answer, or a timeout when the renderer is hung. No Electron import.

export type FlushOutcome = 'flushed' | 'timeout';

export class FlushHandshake {
  private waiting: ((outcome: FlushOutcome) => void)[] = [];

  constructor(private readonly timeoutMs: number) {}

  /** Send the request and resolve when the renderer says it is done, or after the timeout. */
  request(send: () => void): Promise<FlushOutcome> {
    return new Promise<FlushOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: FlushOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.waiting = this.waiting.filter((w) => w !== finish);
        resolve(outcome);
      };
      const timer = setTimeout(() => finish('timeout'), this.timeoutMs);
      this.waiting.push(finish);
      try {
        send();
      } catch {
        finish('timeout');
      }
    });
  }

  /** The renderer's answer (the `lp:app.flushed` call): every pending request is done. */
  flushed(): void {
    for (const finish of [...this.waiting]) finish('flushed');
  }
}
