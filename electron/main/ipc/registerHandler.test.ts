import { describe, expect, it } from 'vitest';
import type { ContractChannel } from '../../../shared/ipc/channels';
import { createRegistrar } from './registerHandler';
import { fakeIpcMain, OUR_FRAME } from './fakeIpcMain';

describe('registerHandler', () => {
  it('refuses to register a channel outside lp:', () => {
    const { ipc } = fakeIpcMain();
    const register = createRegistrar({ ipc });
    expect(() => register('file.open' as ContractChannel, () => null)).toThrow(/must start with lp:/);
  });

  it('refuses to register a channel twice', () => {
    const register = createRegistrar({ ipc: fakeIpcMain().ipc });
    register('lp:file.open', () => null);
    expect(() => register('lp:file.open', () => null)).toThrow(/twice/);
  });

  it('passes a parsed payload from our main frame to the handler and returns its value', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const seen: unknown[] = [];
    createRegistrar({ ipc })('lp:progress.discard', (req) => {
      seen.push(req);
      return null;
    });
    expect(await invoke('lp:progress.discard', OUR_FRAME, { id: 'acme' })).toEqual({ ok: true, value: null });
    expect(seen).toEqual([{ id: 'acme' }]);
  });

  it.each([
    [{ url: 'https://evil.example/', parent: null }],
    [{ url: 'app://renderer/index.html', parent: { url: 'app://renderer/index.html' } }],
    [null],
  ])('refuses a sender that is not our main frame: %o', async (frame) => {
    const { ipc, invoke } = fakeIpcMain();
    let called = false;
    createRegistrar({ ipc })('lp:progress.discard', () => {
      called = true;
      return null;
    });
    expect(await invoke('lp:progress.discard', frame, { id: 'acme' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(called).toBe(false);
  });

  it('returns invalid-request for a bad payload or extra arguments, without calling the handler', async () => {
    const { ipc, invoke } = fakeIpcMain();
    let called = false;
    createRegistrar({ ipc })('lp:progress.discard', () => {
      called = true;
      return null;
    });
    expect(await invoke('lp:progress.discard', OUR_FRAME, { id: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/id/) } });
    expect(await invoke('lp:progress.discard', OUR_FRAME, { id: 'a' }, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(called).toBe(false);
  });

  it('turns a throwing handler into a failed result: nothing is thrown across IPC', async () => {
    const { ipc, invoke } = fakeIpcMain();
    createRegistrar({ ipc })('lp:progress.discard', () => {
      throw new Error('EACCES: permission denied');
    });
    await expect(invoke('lp:progress.discard', OUR_FRAME, { id: 'acme' })).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'EACCES: permission denied' } });
  });
});
