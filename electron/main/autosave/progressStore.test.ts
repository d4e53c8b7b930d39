import { describe, expect, it } from 'vitest';
import { journalFixture } from './journalFixture';
import { MemFs } from './memFs';
import { CURRENT_FILE, PREVIOUS_FILE, ProgressStore, encodeJournal } from './progressStore';

const DIR = '/data/progress';
const at = (n: number) => `2025-01-01T10:00:0${n}.000Z`;

async function freshStore(fs: MemFs): Promise<ProgressStore> {
  const store = new ProgressStore(DIR, { fs, now: () => new Date('2025-02-03T04:05:06.789Z') });
  await store.init();
  return store;
}

describe('ProgressStore (saved progress, two generations)', () => {
  it('saves a journal and resumes it after a restart', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture({ updatedAt: at(1) }));
    const resumed = await (await freshStore(fs)).list();
    expect(resumed).toEqual([{ id: 'acme', journal: journalFixture({ updatedAt: at(1) }), note: null }]);
  });

  it('keeps the save before the last one as previous.json', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture({ updatedAt: at(1) }));
    await store.save('acme', journalFixture({ updatedAt: at(2) }));
    const previous = JSON.parse(new TextDecoder().decode(await fs.readFile(`${DIR}/acme/${PREVIOUS_FILE}`)));
    expect(previous.updatedAt).toBe(at(1));
  });

  it('falls back to the previous generation with a note when current is damaged, keeping the bad file aside', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture({ updatedAt: at(1) }));
    await store.save('acme', journalFixture({ updatedAt: at(2) }));
    const good = encodeJournal(journalFixture({ updatedAt: at(2) }));
    fs.poke(`${DIR}/acme/${CURRENT_FILE}`, good.slice(0, 40));
    const [entry] = await (await freshStore(fs)).list();
    expect(entry.journal.updatedAt).toBe(at(1));
    expect(entry.note).toMatch(/latest autosave of acme-users\.csv was damaged/);
    expect(fs.names(`${DIR}/acme`)).toEqual([`${CURRENT_FILE}.corrupt-2025-02-03T04-05-06-789Z`, PREVIOUS_FILE]);
  });

  it('refuses a journal that is JSON but not our schema (zod strict), like a damaged one', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture({ updatedAt: at(1) }));
    await store.save('acme', journalFixture({ updatedAt: at(2) }));
    fs.poke(`${DIR}/acme/${CURRENT_FILE}`, new TextEncoder().encode(JSON.stringify({ ...journalFixture(), extra: true })));
    const outcome = await (await freshStore(fs)).load('acme');
    expect(outcome).toMatchObject({ kind: 'ok', journal: { updatedAt: at(1) } });
    expect(outcome.note).not.toBeNull();
  });

  it('resumes the last completed save when a save was interrupted after rotating (no current.json)', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture({ updatedAt: at(1) }));
    // Calls of the next save: stat current, (trusted) rename current → previous, then durableWrite: die at its open.
    fs.crashAt(4);
    await expect(store.save('acme', journalFixture({ updatedAt: at(2) }))).rejects.toThrow();
    fs.revive();
    expect(await (await freshStore(fs)).load('acme')).toEqual({ kind: 'ok', journal: journalFixture({ updatedAt: at(1) }), note: null });
  });

  it('sweeps temp files a killed save left behind', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture({ updatedAt: at(1) }));
    fs.crashAt(9); // inside durableWrite, after the temp file exists
    await expect(store.save('acme', journalFixture({ updatedAt: at(2) }))).rejects.toThrow();
    fs.revive();
    expect(fs.names(`${DIR}/acme`).some((n) => n.endsWith('.lp-tmp'))).toBe(true);
    await freshStore(fs);
    expect(fs.names(`${DIR}/acme`).some((n) => n.endsWith('.lp-tmp'))).toBe(false);
  });

  it('does not rotate a current.json damaged behind its back into previous.json', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture({ updatedAt: at(1) }));
    await store.save('acme', journalFixture({ updatedAt: at(2) }));
    fs.poke(`${DIR}/acme/${CURRENT_FILE}`, new TextEncoder().encode('{"schemaVers'));
    await store.save('acme', journalFixture({ updatedAt: at(3) }));
    const previous = JSON.parse(new TextDecoder().decode(await fs.readFile(`${DIR}/acme/${PREVIOUS_FILE}`)));
    expect(previous.updatedAt).toBe(at(1));
  });

  it('writes saves of one id in call order and flush waits for all of them', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    void store.save('acme', journalFixture({ updatedAt: at(1) }));
    void store.save('acme', journalFixture({ updatedAt: at(2) }));
    void store.save('beta', journalFixture({ updatedAt: at(3) }));
    await store.flush();
    const list = await (await freshStore(fs)).list();
    expect(list.map((e) => [e.id, e.journal.updatedAt])).toEqual([
      ['beta', at(3)],
      ['acme', at(2)],
    ]);
  });

  it('discards an id entirely', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    await store.save('acme', journalFixture());
    await store.discard('acme');
    expect(await store.list()).toEqual([]);
  });

  it('never uses an id as a path outside its folder', async () => {
    const store = await freshStore(new MemFs());
    await expect(store.save('../escape', journalFixture())).rejects.toThrow(/not a progress id/);
    await expect(store.discard('a/b')).rejects.toThrow(/not a progress id/);
  });
});

describe('ProgressStore limits (a flood of saved progress cannot exhaust main)', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `export-${String(i).padStart(3, '0')}`);

  it('loads only the newest 20 at start; older ones are listed by id and date, not read', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    for (const id of ids(25)) await store.save(id, journalFixture({ updatedAt: at(1) }));
    let reads = 0;
    const readFile = fs.readFile.bind(fs);
    fs.readFile = async (p) => (reads++, readFile(p));
    const listing = await (await freshStore(fs)).listing();
    expect(listing.entries.map((e) => e.id).sort()).toEqual(ids(25).slice(5));
    expect(listing.beyondLimit.map((o) => o.id)).toEqual(ids(5).reverse());
    expect(listing.beyondLimit[0].savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(reads).toBe(20);
  });

  it('prunes only what the admin agreed to, and only what is still beyond the limit', async () => {
    const fs = new MemFs();
    const store = await freshStore(fs);
    for (const id of ids(22)) await store.save(id, journalFixture());
    expect(await store.prune(['export-000', 'export-021', 'not-there'])).toBe(1);
    expect(await store.ids()).not.toContain('export-000');
    expect(await store.ids()).toContain('export-001');
    expect(await store.ids()).toContain('export-021');
  });

  it('refuses to start yet another saved migration beyond the cap, but keeps saving the existing ones', async () => {
    const fs = new MemFs();
    const store = new ProgressStore(DIR, { fs, limits: { saved: 3 } });
    await store.init();
    for (const id of ids(3)) await store.save(id, journalFixture());
    await expect(store.save('one-more', journalFixture())).rejects.toThrow(/already 3 saved migrations: remove older ones/);
    await expect(store.save('export-001', journalFixture({ updatedAt: at(2) }))).resolves.toBeUndefined();
  });

  it('neither writes nor reads a journal file beyond the size limit', async () => {
    const fs = new MemFs();
    const store = new ProgressStore(DIR, { fs, limits: { journalBytes: 2000 } });
    await store.init();
    const huge = journalFixture({ assignments: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`id:${i}`, { license: 'Engage', addOns: 'Meet' }])) });
    await expect(store.save('acme', huge)).rejects.toThrow(/too large to save/);
    await store.save('acme', journalFixture());
    fs.poke(`${DIR}/acme/${CURRENT_FILE}`, encodeJournal(huge));
    const outcome = await store.load('acme');
    expect(outcome).toMatchObject({ kind: 'none', note: expect.stringMatching(/too large to be saved progress/) });
  });
});
