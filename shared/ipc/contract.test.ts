import { describe, expect, it } from 'vitest';
import { bridgeKeys, eventChannels, eventPayloadGuards, invokeChannels, isMenuCommandName, menuCommandNames, preloadChannels } from './channels';
import { contract, MAX_FILE_BYTES, progressIdSchema } from './contract';
import { progressIdFor, type Journal } from '../migration/journal';

const ORIGINAL = { name: '00-original-export.csv', size: 1234, sha256: 'c'.repeat(64) };

const journalFixture = (): Journal => ({
  schemaVersion: 1,
  source: { name: 'acme-users.csv', size: 1234, sha256: 'a'.repeat(64), encoding: 'utf-8', delimiter: ',', bom: false, eol: '\n' },
  plan: { licenses: [{ name: 'Engage', seats: 120, addOnsAllowed: true }], addOns: [{ name: 'Meet', seats: 60 }] },
  me: null,
  assignments: { 'id:001': { license: 'Engage', addOns: 'Meet' } },
  progress: { assigned: 1, users: 3 },
  updatedAt: '2025-01-01T10:00:00.000Z',
});

const HANDLE = '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('the IPC contract', () => {
  it('names every channel lp:<noun>.<verb> and gives each invoke channel a schema pair', () => {
    for (const channel of [...Object.values(invokeChannels), ...Object.values(preloadChannels), ...Object.values(eventChannels)]) expect(channel).toMatch(/^lp:[a-z]+\.[a-zA-Z]+$/);
    expect(Object.keys(contract).sort()).toEqual([...Object.values(invokeChannels), ...Object.values(preloadChannels)].sort());
  });

  it('derives the bridge: one key per invoke, preload-built and event channel, no channel named twice', () => {
    const channels = [...Object.values(invokeChannels), ...Object.values(preloadChannels), ...Object.values(eventChannels)];
    expect(new Set(channels).size).toBe(channels.length);
    expect(bridgeKeys()).toEqual(['adoptDroppedFile', 'discardProgress', 'flushed', 'listProgress', 'onFlushRequest', 'onMenuCommand', 'onOpenFile', 'openFile', 'pruneProgress', 'saveFile', 'saveProgress']);
    expect(Object.keys(eventPayloadGuards).sort()).toEqual(Object.keys(eventChannels).sort());
  });

  it('knows exactly the menu commands of the renderer', () => {
    expect([...menuCommandNames].sort()).toEqual(['about', 'close', 'exportAnnotated', 'exportReport', 'find', 'open', 'openOriginal', 'redo', 'rules', 'save', 'undo']);
    expect(isMenuCommandName('save')).toBe(true);
    expect(isMenuCommandName('__proto__')).toBe(false);
    expect(isMenuCommandName(1)).toBe(false);
  });
});

describe('request schemas accept what the renderer sends and nothing else', () => {
  const valid: Array<[keyof typeof contract, unknown]> = [
    ['lp:file.open', { purpose: 'export' }],
    ['lp:file.open', { purpose: 'plan' }],
    ['lp:file.save', { purpose: 'clean', suggestedName: 'acme-users-upload.csv', bytes: new Uint8Array([1, 2]), sourceHandle: HANDLE }],
    ['lp:file.save', { purpose: 'report', suggestedName: 'errors.csv', bytes: new Uint8Array(0), sourceHandle: null }],
    ['lp:file.save', { purpose: 'plan', suggestedName: 'plan.json', bytes: new Uint8Array(0) }],
    ['lp:file.adoptDropped', { path: '/home/a/export.csv', purpose: 'export', size: 12, sha256: 'b'.repeat(64) }],
    ['lp:progress.prune', { ids: ['acme-1', 'acme-2'] }],
    ['lp:progress.list', undefined],
    ['lp:progress.save', { id: 'acme-users-3f2c', journal: journalFixture() }],
    ['lp:progress.save', { id: 'acme', journal: { ...journalFixture(), original: { file: ORIGINAL, restored: [[3, [0, 5]]], excluded: [7], putBack: [2], layout: false } } }],
    ['lp:progress.discard', { id: 'a'.repeat(64) }],
  ];
  it.each(valid)('%s accepts %o', (channel, payload) => {
    expect(contract[channel].request.safeParse(payload).success).toBe(true);
  });

  const invalid: Array<[keyof typeof contract, unknown, string]> = [
    ['lp:file.open', { purpose: 'export', path: '/etc/passwd' }, 'a path from the renderer'],
    ['lp:file.open', { purpose: 'passwords' }, 'an unknown purpose'],
    ['lp:file.open', 'export', 'a bare string'],
    ['lp:file.open', null, 'null'],
    ['lp:file.save', { purpose: 'clean', suggestedName: '../../.bashrc', bytes: new Uint8Array(0) }, 'a path as the name'],
    ['lp:file.save', { purpose: 'clean', suggestedName: 'C:\\Windows\\x.csv', bytes: new Uint8Array(0) }, 'a Windows path as the name'],
    ['lp:file.save', { purpose: 'clean', suggestedName: 'x.csv', bytes: [1, 2, 3] }, 'bytes as a plain array'],
    ['lp:file.save', { purpose: 'clean', suggestedName: 'x.csv', bytes: 'aGk=' }, 'bytes as base64 text'],
    ['lp:file.save', { purpose: 'clean', suggestedName: 'x.csv', bytes: new Uint8Array(0), sourceHandle: '/home/a/export.csv' }, 'a path as the handle'],
    ['lp:file.save', { purpose: 'clean', suggestedName: '', bytes: new Uint8Array(0) }, 'an empty name'],
    ['lp:file.save', { purpose: 'clean', suggestedName: 'x.csv', bytes: new Uint8Array(0), overwrite: true }, 'an extra key'],
    ['lp:file.adoptDropped', { path: '/x', purpose: 'export', size: -1, sha256: 'b'.repeat(64) }, 'a negative size'],
    ['lp:file.adoptDropped', { path: '/x', purpose: 'export', size: 1, sha256: 'nothex' }, 'a bad hash'],
    ['lp:progress.list', { all: true }, 'a payload where none is expected'],
    ['lp:progress.save', { id: '../../evil', journal: journalFixture() }, 'a traversal id'],
    ['lp:progress.save', { id: 'a/b', journal: journalFixture() }, 'an id with a slash'],
    ['lp:progress.save', { id: '.hidden', journal: journalFixture() }, 'an id starting with a dot'],
    ['lp:progress.save', { id: 'acme', journal: { ...journalFixture(), schemaVersion: 2 } }, 'a journal of another version'],
    ['lp:progress.save', { id: 'acme', journal: { ...journalFixture(), extra: 1 } }, 'a journal with an unknown key'],
    ['lp:progress.save', { id: 'acme', journal: { ...journalFixture(), original: { file: ORIGINAL, restored: [[3, [0, 5]]], excluded: [-7], putBack: [], layout: false } } }, 'a repair of a negative row'],
    ['lp:progress.save', { id: 'acme', journal: { ...journalFixture(), original: { file: { ...ORIGINAL, path: '/home/a/00.csv' }, restored: [], excluded: [], putBack: [], layout: false } } }, 'a path beside the original'],
    ['lp:progress.discard', { id: '' }, 'an empty id'],
  ];
  it.each(invalid)('%s refuses %o (%s)', (channel, payload) => {
    expect(contract[channel].request.safeParse(payload).success).toBe(false);
  });

  it('refuses files larger than the limit without copying them', () => {
    class Huge extends Uint8Array {
      override get byteLength(): number {
        return MAX_FILE_BYTES + 1;
      }
    }
    const huge = new Huge(0);
    expect(contract['lp:file.save'].request.safeParse({ purpose: 'clean', suggestedName: 'x.csv', bytes: huge }).success).toBe(false);
  });
});

describe('response schemas', () => {
  it('describe what main returns', () => {
    expect(contract['lp:file.open'].response.safeParse(null).success).toBe(true);
    expect(contract['lp:file.open'].response.safeParse({ name: 'a.csv', bytes: new Uint8Array(1), handle: HANDLE }).success).toBe(true);
    expect(contract['lp:file.save'].response.safeParse({ ok: false, canceled: false, message: 'The disk is full' }).success).toBe(true);
    expect(contract['lp:file.save'].response.safeParse({ ok: true }).success).toBe(false);
    expect(contract['lp:progress.list'].response.safeParse({ entries: [{ id: 'acme', journal: journalFixture(), note: null }], beyondLimit: [{ id: 'old', savedAt: '2024-01-01T00:00:00.000Z' }] }).success).toBe(true);
    expect(contract['lp:progress.list'].response.safeParse({ entries: Array.from({ length: 21 }, (_, i) => ({ id: `a${i}`, journal: journalFixture(), note: null })), beyondLimit: [] }).success).toBe(false);
  });
});

describe('saved progress is bounded in every field', () => {
  const big = (n: number) => 'x'.repeat(n);
  it.each<[string, (j: Journal) => unknown]>([
    ['a 50 MiB source name', (j) => ({ ...j, source: { ...j.source, name: big(50 * 1024 * 1024) } })],
    ['a source name longer than a file name can be', (j) => ({ ...j, source: { ...j.source, name: big(256) } })],
    ['a huge email', (j) => ({ ...j, me: `${big(400)}@x.com` })],
    ['a huge user key', (j) => ({ ...j, assignments: { [`id:${big(1000)}`]: { license: 'Engage', addOns: '' } } })],
    ['an empty user key', (j) => ({ ...j, assignments: { '': { license: 'Engage', addOns: '' } } })],
    ['a huge license value', (j) => ({ ...j, assignments: { 'id:1': { license: big(300), addOns: '' } } })],
    ['a huge add-ons value', (j) => ({ ...j, assignments: { 'id:1': { license: 'Engage', addOns: big(9000) } } })],
    ['a huge timestamp', (j) => ({ ...j, updatedAt: big(100) })],
    ['an absurd user count', (j) => ({ ...j, progress: { assigned: 1, users: 1e12 } })],
    ['a plan with a huge license name', (j) => ({ ...j, plan: { ...j.plan, licenses: [{ name: big(300), seats: 1, addOnsAllowed: true }] } })],
    ['a plan with 2,000 licenses', (j) => ({ ...j, plan: { ...j.plan, licenses: Array.from({ length: 2000 }, (_, i) => ({ name: `L${i}`, seats: 1, addOnsAllowed: true })) } })],
  ])('refuses %s', (_what, mutate) => {
    expect(contract['lp:progress.save'].request.safeParse({ id: 'acme', journal: mutate(journalFixture()) }).success).toBe(false);
  });

  it('accepts a journal at the limits', () => {
    const j = journalFixture();
    const atLimits = { ...j, source: { ...j.source, name: big(255) }, me: `${big(300)}@x.co`, assignments: { [`id:${big(397)}`]: { license: big(256), addOns: big(8192) } } };
    expect(contract['lp:progress.save'].request.safeParse({ id: 'acme', journal: atLimits }).success).toBe(true);
  });
});

describe('progress ids the renderer makes', () => {
  it.each(['acme-users.csv', 'sample-export.csv', 'Acme Users (final).CSV', '.hidden.csv', 'Zoë – export.csv', ''])('accepts the id made for %j', (name) => {
    const id = progressIdFor(name, 'ab'.repeat(32));
    expect(progressIdSchema.safeParse(id).success).toBe(true);
    expect(id.endsWith('-abababababababab')).toBe(true);
  });
});
