// Files the app is asked to open reach the opener in order, whenever they come (before or after ready).
import { describe, expect, it } from 'vitest';
import { LaunchRequests, type LaunchSource } from './launchRequests';
import { OpenedFiles } from './openedFiles';
import { FileProblem } from './files/fileService';

function fakeApp() {
  const listeners = new Map<string, (...args: never[]) => void>();
  const app = { on: (event: string, listener: (...args: never[]) => void) => void listeners.set(event, listener) } as unknown as LaunchSource;
  const emit = (event: string, ...args: unknown[]) => (listeners.get(event) as (...a: unknown[]) => void)(...args);
  return { app, emit };
}

describe('LaunchRequests', () => {
  it('keeps a CSV from argv, a second launch and macOS open-file until the shell is up, then hands them over in order', () => {
    const { app, emit } = fakeApp();
    const requests = new LaunchRequests(true);
    requests.listen(app, ['/opt/lp/license-prep', 'first.csv'], '/home/a');
    let prevented = false;
    emit('open-file', { preventDefault: () => (prevented = true) }, '/Users/a/finder.csv');
    emit('second-instance', {}, ['/opt/lp/license-prep', '--ozone-platform-hint=auto', 'second.csv'], '/tmp');
    emit('second-instance', {}, ['/opt/lp/license-prep'], '/tmp');
    const opened: string[] = [];
    requests.deliverTo((p) => opened.push(p));
    expect(opened).toEqual(['/home/a/first.csv', '/Users/a/finder.csv', '/tmp/second.csv']);
    expect(prevented).toBe(true);
    emit('open-file', { preventDefault: () => undefined }, '/Users/a/later.csv');
    expect(opened.at(-1)).toBe('/Users/a/later.csv');
    expect(() => requests.deliverTo(() => undefined)).toThrow(/already/);
  });
});

describe('OpenedFiles', () => {
  const HANDLE = '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

  it('sends a file main opened through onOpenFile: name, bytes and a handle, never the path', async () => {
    const sent: unknown[] = [];
    const opened = new OpenedFiles({
      files: { openPath: async (path) => ({ name: 'acme.csv', bytes: new Uint8Array([65]), handle: HANDLE, path }) },
      window: { send: (method, payload) => void sent.push([method, payload]) },
      forget: () => undefined,
      exists: async () => true,
      showError: () => undefined,
    });
    await opened.open('/home/a/acme.csv');
    expect(sent).toEqual([['onOpenFile', { name: 'acme.csv', bytes: new Uint8Array([65]), handle: HANDLE }]]);
  });

  it('explains a file that cannot be opened, and forgets it in Recent Files when it is gone', async () => {
    const errors: string[] = [];
    const forgotten: string[] = [];
    const opened = new OpenedFiles({
      files: {
        openPath: async () => {
          throw new FileProblem('acme.csv is no longer there: was it moved, renamed or on a disconnected drive?');
        },
      },
      window: { send: () => expect.fail('nothing is sent') },
      forget: (p) => void forgotten.push(p),
      exists: async () => false,
      showError: (m) => void errors.push(m),
    });
    await opened.open('/home/a/acme.csv');
    expect(errors).toEqual(['acme.csv is no longer there: was it moved, renamed or on a disconnected drive?']);
    expect(forgotten).toEqual(['/home/a/acme.csv']);
  });
});
