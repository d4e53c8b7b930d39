import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DurableWriteError } from '../../files/durableWrite';
import { FileRegistry } from './fileRegistry';
import { WriteRefused } from '../../files/writeTarget';
import { FileService, isLocalAbsolutePath, type FileDialogs, type FileIo } from './fileService';

const enc = (s: string) => new TextEncoder().encode(s);

function setUp(options: { open?: (string | null)[]; save?: (string | null)[]; replace?: ('replace' | 'elsewhere' | 'cancel')[]; failure?: ('retry' | 'elsewhere' | 'cancel')[]; files?: Record<string, string>; writeErrors?: unknown[]; inodes?: Record<string, bigint> } = {}) {
  const disk = new Map<string, Uint8Array>(Object.entries(options.files ?? {}).map(([p, s]) => [p, enc(s)]));
  const log: string[] = [];
  let reading = 0;
  let maxReading = 0;
  const dialogs: FileDialogs = {
    chooseOpenPath: async (purpose) => (log.push(`open-dialog:${purpose}`), options.open?.shift() ?? null),
    chooseSavePath: async (purpose, name, dir) => (log.push(`save-dialog:${purpose}:${name}:${dir}`), options.save?.shift() ?? null),
    confirmReplaceOriginal: async (path) => (log.push(`confirm-replace:${path}`), options.replace?.shift() ?? 'cancel'),
    explainSaveFailure: async (text) => (log.push(`failure:${text}`), options.failure?.shift() ?? 'cancel'),
  };
  const io: FileIo = {
    stat: async (p) => {
      const b = disk.get(p);
      if (!b) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return { size: b.length, isFile: () => true };
    },
    readFile: async (p) => {
      reading++;
      maxReading = Math.max(maxReading, reading);
      await new Promise((r) => setTimeout(r, 1));
      reading--;
      return disk.get(p)!;
    },
    sha256: async (p) => {
      reading++;
      maxReading = Math.max(maxReading, reading);
      await new Promise((r) => setTimeout(r, 1));
      reading--;
      return createHash('sha256').update(disk.get(p)!).digest('hex');
    },
    identity: async (p) => {
      const ino = options.inodes?.[p];
      return { path: p, dev: ino === undefined ? null : 1n, ino: ino ?? null };
    },
    write: async (p, bytes, { inputs }) => {
      const e = options.writeErrors?.shift();
      if (e) throw e;
      log.push(`write:${p}${inputs.length > 0 ? ` (never over ${inputs.join(', ')})` : ''}`);
      disk.set(p, bytes);
    },
  };
  const registry = new FileRegistry({ platform: 'linux' });
  const opened: string[] = [];
  const service = new FileService({ dialogs, io, registry, onOpened: (p) => opened.push(p), maxBytes: 1000 });
  return { service, log, disk, opened, registry, maxConcurrentReads: () => maxReading };
}

describe('FileService.open', () => {
  it('reads the file the dialog chose and hands out a token, not the path', async () => {
    const { service, opened, registry } = setUp({ open: ['/home/a/acme.csv'], files: { '/home/a/acme.csv': 'Email\n' } });
    const file = await service.open('export');
    expect(file?.name).toBe('acme.csv');
    expect(file?.bytes).toEqual(enc('Email\n'));
    expect(file?.handle).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(file)).not.toContain('/home/a');
    expect(registry.pathOf(file!.handle)).toBe('/home/a/acme.csv');
    expect(opened).toEqual(['/home/a/acme.csv']);
  });

  it('returns null when the admin cancels', async () => {
    expect(await setUp().service.open('plan')).toBeNull();
  });

  it('explains a missing or oversized file', async () => {
    await expect(setUp({ open: ['/gone.csv'] }).service.open('export')).rejects.toThrow(/no longer there/);
    await expect(setUp({ open: ['/big.csv'], files: { '/big.csv': 'x'.repeat(1001) } }).service.open('export')).rejects.toThrow(/too large/);
  });
});

describe('FileService.save', () => {
  it('saves with the suggested name next to the source file', async () => {
    const { service, log, registry } = setUp({ save: ['/home/a/acme-upload.csv'] });
    const source = registry.register('/home/a/acme.csv', 'export');
    expect(await service.save({ purpose: 'clean', suggestedName: 'acme-upload.csv', bytes: enc('x'), sourceHandle: source })).toEqual({ ok: true, name: 'acme-upload.csv' });
    expect(log).toEqual(['save-dialog:clean:acme-upload.csv:/home/a', 'write:/home/a/acme-upload.csv (never over /home/a/acme.csv)']);
  });

  it('reports a cancel as canceled', async () => {
    expect(await setUp().service.save({ purpose: 'report', suggestedName: 'e.csv', bytes: enc('x') })).toEqual({ ok: false, canceled: true });
  });

  it('never overwrites the original export without a confirmation', async () => {
    const { service, log, registry, disk } = setUp({ save: ['/home/a/acme.csv'], replace: ['cancel'], files: { '/home/a/acme.csv': 'original' } });
    registry.register('/home/a/acme.csv', 'export');
    expect(await service.save({ purpose: 'clean', suggestedName: 'acme.csv', bytes: enc('new') })).toEqual({ ok: false, canceled: true });
    expect(new TextDecoder().decode(disk.get('/home/a/acme.csv'))).toBe('original');
    expect(log).toContain('confirm-replace:/home/a/acme.csv');
  });

  it('offers to save elsewhere instead of replacing the original, and replaces only when confirmed', async () => {
    const elsewhere = setUp({ save: ['/home/a/acme.csv', '/home/a/acme-clean.csv'], replace: ['elsewhere'] });
    elsewhere.registry.register('/home/a/acme.csv', 'original');
    expect(await elsewhere.service.save({ purpose: 'clean', suggestedName: 'acme.csv', bytes: enc('new') })).toEqual({ ok: true, name: 'acme-clean.csv' });
    const replace = setUp({ save: ['/home/a/acme.csv'], replace: ['replace'] });
    replace.registry.register('/home/a/acme.csv', 'export');
    expect(await replace.service.save({ purpose: 'clean', suggestedName: 'acme.csv', bytes: enc('new') })).toEqual({ ok: true, name: 'acme.csv' });
  });

  it('explains a full disk and lets the admin save elsewhere: nothing is lost', async () => {
    const { service, log } = setUp({
      save: ['/mnt/usb/out.csv', '/home/a/out.csv'],
      failure: ['elsewhere'],
      writeErrors: [new DurableWriteError('DiskFull', '/mnt/usb/out.csv', Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }))],
    });
    expect(await service.save({ purpose: 'clean', suggestedName: 'out.csv', bytes: enc('x') })).toEqual({ ok: true, name: 'out.csv' });
    expect(log.find((l) => l.startsWith('failure:'))).toMatch(/disk is full/);
    expect(log).toContain('write:/home/a/out.csv');
  });

  it('retries a file locked by another program, and returns the explanation when the admin gives up', async () => {
    const locked = () => new DurableWriteError('Locked', '/x.csv', Object.assign(new Error('EBUSY'), { code: 'EBUSY' }));
    const retried = setUp({ save: ['/x.csv'], failure: ['retry'], writeErrors: [locked()] });
    expect(await retried.service.save({ purpose: 'clean', suggestedName: 'x.csv', bytes: enc('x') })).toEqual({ ok: true, name: 'x.csv' });
    const gaveUp = setUp({ save: ['/x.csv'], failure: ['cancel'], writeErrors: [locked()] });
    expect(await gaveUp.service.save({ purpose: 'clean', suggestedName: 'x.csv', bytes: enc('x') })).toEqual({ ok: false, canceled: false, message: expect.stringMatching(/open in another program/) });
  });

  it('uses only the base name of a suggested name', async () => {
    const { service, log } = setUp({ save: ['/tmp/x.csv'] });
    await service.save({ purpose: 'clean', suggestedName: '../../etc/x.csv', bytes: enc('x') });
    expect(log[0]).toBe('save-dialog:clean:x.csv:null');
  });
});

describe('FileService.save: the export under another name, and paths that must not be replaced', () => {
  it('asks before replacing the export reached through another path to the same file (a bind mount, a hard link)', async () => {
    const { service, log, registry } = setUp({ save: ['/mnt/view/acme.csv'], replace: ['cancel'], inodes: { '/home/a/acme.csv': 42n, '/mnt/view/acme.csv': 42n } });
    registry.register('/home/a/acme.csv', 'export', { path: '/home/a/acme.csv', dev: 1n, ino: 42n });
    expect(await service.save({ purpose: 'clean', suggestedName: 'acme.csv', bytes: enc('new') })).toEqual({ ok: false, canceled: true });
    expect(log).toContain('confirm-replace:/mnt/view/acme.csv');
    expect(log.some((l) => l.startsWith('write:'))).toBe(false);
  });

  it('replaces the export when the admin confirms (then it is not an input to refuse)', async () => {
    const { service, log, registry } = setUp({ save: ['/home/a/acme.csv'], replace: ['replace'] });
    registry.register('/home/a/acme.csv', 'export');
    await service.save({ purpose: 'clean', suggestedName: 'acme.csv', bytes: enc('new') });
    expect(log).toContain('write:/home/a/acme.csv');
  });

  it('explains a refused path (a FIFO, a read-only file) and offers to save elsewhere', async () => {
    const { service, log } = setUp({ save: ['/home/a/pipe.csv', '/home/a/out.csv'], failure: ['elsewhere'], writeErrors: [new WriteRefused('/home/a/pipe.csv', 'is a named pipe (FIFO), not a regular file: License Prep writes only regular files.')] });
    expect(await service.save({ purpose: 'report', suggestedName: 'e.csv', bytes: enc('x') })).toEqual({ ok: true, name: 'out.csv' });
    expect(log).toContain('failure:pipe.csv is a named pipe (FIFO), not a regular file: License Prep writes only regular files.');
  });
});

describe('FileService reads one file at a time', () => {
  it('eight parallel drops of one file are checked one after another', async () => {
    const text = 'Email\n'.repeat(50);
    const { service, maxConcurrentReads } = setUp({ files: { '/home/a/big.csv': text } });
    const sha = createHash('sha256').update(text).digest('hex');
    const handles = await Promise.all(Array.from({ length: 8 }, () => service.adoptDropped({ path: '/home/a/big.csv', purpose: 'export', size: text.length, sha256: sha })));
    expect(handles.every((h) => typeof h === 'string')).toBe(true);
    expect(maxConcurrentReads()).toBe(1);
  });

  it('opens files main was handed (a second launch, Open Recent) one at a time too', async () => {
    const { service, maxConcurrentReads } = setUp({ files: { '/a.csv': 'Email\n', '/b.csv': 'Email\n' } });
    await Promise.all([service.openPath('/a.csv', 'export'), service.openPath('/b.csv', 'export'), service.openPath('/a.csv', 'export')]);
    expect(maxConcurrentReads()).toBe(1);
  });
});

describe('FileService.adoptDropped', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('remembers a dropped file only when the path holds exactly the bytes the renderer has', async () => {
    const { service, registry, opened } = setUp({ files: { '/home/a/drop.csv': 'Email\n' } });
    const handle = await service.adoptDropped({ path: '/home/a/drop.csv', purpose: 'export', size: 6, sha256: sha('Email\n') });
    expect(registry.pathOf(handle)).toBe('/home/a/drop.csv');
    expect(opened).toEqual(['/home/a/drop.csv']);
  });

  it('refuses a mismatch, a relative path or a missing file (a hostile renderer learns nothing)', async () => {
    const { service, opened } = setUp({ files: { '/home/a/.ssh/id_rsa': 'secret' } });
    expect(await service.adoptDropped({ path: '/home/a/.ssh/id_rsa', purpose: 'export', size: 6, sha256: sha('guess!') })).toBeNull();
    expect(await service.adoptDropped({ path: 'relative.csv', purpose: 'export', size: 1, sha256: sha('x') })).toBeNull();
    expect(await service.adoptDropped({ path: '/nope.csv', purpose: 'export', size: 1, sha256: sha('x') })).toBeNull();
    expect(opened).toEqual([]);
  });
});

describe('FileRegistry', () => {
  it('compares paths case-insensitively on Windows and macOS only', () => {
    const win = new FileRegistry({ platform: 'win32' });
    win.register('C:\\Users\\a\\Export.csv', 'export');
    expect(win.isSourcePath('c:\\users\\a\\export.CSV')).toBe(true);
    const linux = new FileRegistry({ platform: 'linux' });
    linux.register('/home/a/Export.csv', 'export');
    expect(linux.isSourcePath('/home/a/export.csv')).toBe(false);
    expect(linux.isSourcePath('/home/a/./Export.csv')).toBe(true);
  });

  it('does not protect a plan file as if it were the export, and forgets the oldest tokens', () => {
    const registry = new FileRegistry({ maxEntries: 2 });
    const first = registry.register('/a/plan.json', 'plan');
    expect(registry.isSourcePath('/a/plan.json')).toBe(false);
    registry.register('/a/b.csv', 'export');
    registry.register('/a/c.csv', 'export');
    expect(registry.pathOf(first)).toBeNull();
    expect(registry.pathOf('not-a-token')).toBeNull();
  });
});

describe('paths a renderer hands over', () => {
  it.each([
    ['/home/admin/acme-users.csv', true],
    ['C:\\Users\\admin\\acme-users.csv', process.platform === 'win32'],
    ['\\\\attacker\\share\\x.csv', false],
    ['//attacker/share/x.csv', false],
    ['\\\\?\\C:\\x.csv', false],
    ['\\\\.\\pipe\\x', false],
    ['relative/x.csv', false],
  ])('%s is a local absolute path: %s', (path, expected) => {
    expect(isLocalAbsolutePath(path)).toBe(expected);
  });
});
