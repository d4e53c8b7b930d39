// Main reads one file at a time (README "Security"): eight requests for a 250 MB file must not make main
// hold eight copies. Tasks run in call order; a failed task does not stop the ones after it.

export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** How many tasks are queued or running. */
  get pending(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task, task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    void this.tail.then(() => this.waiting--);
    return result;
  }
}
