// Runs a BUILT bundle (main or preload) under plain Node with the fake `electron` module, drives it the way
// Electron would (ready after the first run, the page loading, a request to app://, an IPC call) and
// writes what happened to BOOT_RECORD as JSON. Used by electron/main/boot.test.ts in a child process.
// The test's esbuild maps this import of ./fakeElectron to the temporary app's node_modules/electron, so
// the harness and the bundle share one fake.
import { writeFileSync } from 'node:fs';
import Module from 'node:module';
import * as fake from './fakeElectron';

const env = process.env;
const target = env.BOOT_TARGET ?? '';
const mode = env.BOOT_MODE === 'preload' ? 'preload' : 'main';
process.argv = [process.execPath, ...(JSON.parse(env.BOOT_ARGV ?? '[]') as string[])];

const requires: string[] = [];
const moduleInternals = Module as unknown as { _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown };
const load = moduleInternals._load;
moduleInternals._load = function (request, parent, isMain) {
  if (parent?.filename === target && request !== target) requires.push(request);
  return load.call(this, request, parent, isMain);
};

// Capture what the app prints (and call write callbacks, as runCliMode waits for them).
for (const stream of ['stdout', 'stderr'] as const) {
  (process[stream] as unknown as { write: unknown }).write = (chunk: unknown, encoding?: unknown, callback?: unknown) => {
    fake.record[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') setImmediate(() => (done as () => void)());
    return true;
  };
}
process.on('uncaughtException', (e) => void fake.record.errors.push(`uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => void fake.record.errors.push(`unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));

const probes: Record<string, unknown> = {};
let finished = false;
function finish(code: number): void {
  if (finished) return;
  finished = true;
  writeFileSync(env.BOOT_RECORD ?? 'boot-record.json', JSON.stringify({ record: fake.record, requires, probes, exposedKeys: fake.record.exposed ? Object.keys(fake.record.exposed.api).sort() : null }, (_k, v: unknown) => (v instanceof Uint8Array ? { bytes: v.byteLength } : typeof v === 'function' ? 'function' : v)));
  process.exit(code);
}
fake.setOnExit((code) => setImmediate(() => finish(code)));

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 10));
/** Wait (at most ~5 s, a safety net, not a measurement) until `done` holds. */
async function until(done: () => boolean): Promise<boolean> {
  for (let i = 0; i < 500 && !done(); i++) await tick();
  return done();
}

const OUR_FRAME = { url: 'app://renderer/index.html', parent: null };

async function driveMain(): Promise<void> {
  setImmediate(() => fake.becomeReady());
  if (!(await until(() => fake.windows.length > 0 && fake.windows[0].recorded.loadedUrl !== null))) return finish(fake.record.exitCode ?? 0);
  const win = fake.windows[0];
  win.webContents.emit('did-finish-load');
  if (fake.protocolHandler) {
    const page = await fake.protocolHandler(new Request('app://renderer/index.html'));
    probes.page = { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() };
    const escape = await fake.protocolHandler(new Request('app://renderer/leak.txt'));
    probes.symlinkOut = { status: escape.status };
  }
  const list = fake.ipcHandlers.get('lp:progress.list');
  if (list) {
    probes.listFromApp = await list({ senderFrame: OUR_FRAME });
    probes.listFromElsewhere = await list({ senderFrame: { url: 'https://evil.example/', parent: null } });
  }
  const adopt = fake.ipcHandlers.get('lp:file.adoptDropped');
  if (adopt) probes.adoptWithoutHash = await adopt({ senderFrame: OUR_FRAME }, { path: '/etc/hostname', purpose: 'export', size: 1, sha256: '0'.repeat(64) });
  if (env.BOOT_EXPECT_OPENED === '1') await until(() => win.recorded.sent.some((s) => s.channel === 'lp:file.opened'));
  finish(0);
}

async function drivePreload(): Promise<void> {
  const api = fake.record.exposed?.api as Record<string, (...args: unknown[]) => Promise<unknown>> | undefined;
  if (api) {
    const dropped = new File(['Email\n'], 'export.csv');
    fake.droppedPaths.set(dropped, '/home/admin/export.csv');
    probes.adoptDropped = await api.adoptDroppedFile(dropped, { purpose: 'export', sha256: 'a'.repeat(64), path: '/etc/shadow' });
    probes.adoptPageObject = await api.adoptDroppedFile({ name: 'x.csv', size: 1, path: '/etc/shadow' }, { purpose: 'export', sha256: 'a'.repeat(64) });
    probes.adoptPageFile = await api.adoptDroppedFile(new File(['x'], '/etc/shadow'), { purpose: 'export', sha256: 'a'.repeat(64) });
    probes.invocations = fake.rendererInvocations;
  }
  finish(0);
}

// A sandboxed, context-isolated renderer is where Electron runs the preload (it refuses to run elsewhere).
if (mode === 'preload' && env.BOOT_UNSANDBOXED !== '1') Object.assign(process, { sandboxed: true, contextIsolated: true });

try {
  Module.createRequire(target)(target);
} catch (e) {
  fake.record.errors.push(`load: ${(e as Error)?.stack ?? String(e)}`);
  finish(3);
}
if (!finished) void (mode === 'main' ? driveMain() : drivePreload());
