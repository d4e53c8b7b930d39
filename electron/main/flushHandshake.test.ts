import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlushHandshake } from './flushHandshake';

describe('the flush handshake before close and quit', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves when the renderer answers, after sending the request once', async () => {
    const handshake = new FlushHandshake(1500);
    const sent: string[] = [];
    const outcome = handshake.request(() => {
      sent.push('flush');
      queueMicrotask(() => handshake.flushed());
    });
    await expect(outcome).resolves.toBe('flushed');
    expect(sent).toEqual(['flush']);
  });

  it('gives up after the timeout when the renderer is hung, and a late answer changes nothing', async () => {
    vi.useFakeTimers();
    const handshake = new FlushHandshake(1500);
    const outcome = handshake.request(() => undefined);
    vi.advanceTimersByTime(1499);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(outcome).resolves.toBe('timeout');
    handshake.flushed();
  });

  it('treats a send that throws (window already gone) as nothing to wait for', async () => {
    const handshake = new FlushHandshake(1500);
    await expect(
      handshake.request(() => {
        throw new Error('destroyed');
      }),
    ).resolves.toBe('timeout');
  });
});
