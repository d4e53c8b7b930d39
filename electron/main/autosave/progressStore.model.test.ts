// Model test (docs/reliability.md "Saved progress": autosave, crash and resume match a model): random sequences
// of saves, kills at any file-system call, damaged current files and restarts; every resume must give the
// last durable save, or — after damage — the previous generation with a note.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../../shared/migration/journal';
import { journalFixture } from './journalFixture';
import { MemFs } from './memFs';
import { CURRENT_FILE, ProgressStore, encodeJournal } from './progressStore';

const DIR = '/data/progress';
const ID = 'acme';
const CURRENT = `${DIR}/${ID}/${CURRENT_FILE}`;

/** What the two generation files hold, as the model sees them. */
interface Disk {
  readonly cur: Journal | 'damaged' | null;
  readonly prev: Journal | null;
}

type Command =
  | { kind: 'save'; assigned: number }
  | { kind: 'crashDuringSave'; assigned: number; atCall: number }
  | { kind: 'damage'; how: 'truncate' | 'garbage' | 'schema'; keep: number }
  | { kind: 'restart' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('save' as const), assigned: fc.nat(50) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('crashDuringSave' as const), assigned: fc.nat(50), atCall: fc.integer({ min: 1, max: 16 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('damage' as const), how: fc.constantFrom('truncate' as const, 'garbage' as const, 'schema' as const), keep: fc.nat(400) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
);

const afterSave = (d: Disk, j: Journal): Disk => ({ cur: j, prev: d.cur !== null && d.cur !== 'damaged' ? d.cur : d.prev });
const afterRotate = (d: Disk): Disk => (d.cur === null ? d : { cur: null, prev: d.cur === 'damaged' ? d.prev : d.cur });

/** What resuming from `d` must give, and the disk afterwards (a damaged current is moved aside). */
function expectedResume(d: Disk): { journal: Journal | null; noted: boolean; next: Disk } {
  if (d.cur === 'damaged') return { journal: d.prev, noted: true, next: { cur: null, prev: d.prev } };
  if (d.cur !== null) return { journal: d.cur, noted: false, next: d };
  return { journal: d.prev, noted: false, next: d };
}

async function resume(fs: MemFs): Promise<{ store: ProgressStore; journal: Journal | null; noted: boolean }> {
  fs.revive();
  const store = new ProgressStore(DIR, { fs });
  await store.init();
  expect(fs.names(`${DIR}/${ID}`).filter((n) => n.endsWith('.lp-tmp'))).toEqual([]);
  const outcome = await store.load(ID);
  return { store, journal: outcome.kind === 'ok' ? outcome.journal : null, noted: outcome.note !== null };
}

describe('ProgressStore model: save, crash, damage, resume', () => {
  it('always resumes the last durable save, or the previous generation with a note', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 25 }), async (commands) => {
        const fs = new MemFs();
        let store = new ProgressStore(DIR, { fs });
        await store.init();
        let disk: Disk = { cur: null, prev: null };
        let seq = 0;
        const nextJournal = (assigned: number) => journalFixture({ updatedAt: `save-${++seq}`, progress: { assigned, users: 50 } });

        for (const command of commands) {
          if (command.kind === 'save') {
            const j = nextJournal(command.assigned);
            await store.save(ID, j);
            disk = afterSave(disk, j);
          } else if (command.kind === 'crashDuringSave') {
            const j = nextJournal(command.assigned);
            fs.crashAt(command.atCall);
            const crashed = await store.save(ID, j).then(
              () => false,
              () => true,
            );
            const hasCurrent = fs.files.has(CURRENT);
            const resumed = await resume(fs);
            store = resumed.store;
            // The kill may have come before, during or after the rotation and the write: any of these.
            const candidates = crashed ? [disk, afterRotate(disk), afterSave(disk, j)] : [afterSave(disk, j)];
            const match = candidates.find((c) => {
              const e = expectedResume(c);
              return (c.cur !== null) === hasCurrent && e.journal?.updatedAt === resumed.journal?.updatedAt && e.noted === resumed.noted;
            });
            expect(match, `resume gave ${resumed.journal?.updatedAt ?? 'nothing'} (note: ${resumed.noted})`).toBeDefined();
            disk = expectedResume(match!).next;
          } else if (command.kind === 'damage') {
            if (disk.cur === null) continue;
            const good = fs.files.get(CURRENT)!.bytes;
            const bad =
              command.how === 'truncate'
                ? good.slice(0, command.keep % good.length)
                : command.how === 'garbage'
                  ? new TextEncoder().encode(`\u0000garbage ${command.keep}`)
                  : encodeJournal({ ...journalFixture(), schemaVersion: 2 } as unknown as Journal);
            fs.poke(CURRENT, bad);
            disk = { cur: 'damaged', prev: disk.prev };
          } else {
            await store.flush();
            const resumed = await resume(fs);
            store = resumed.store;
            const e = expectedResume(disk);
            expect(resumed.journal?.updatedAt ?? null).toBe(e.journal?.updatedAt ?? null);
            expect(resumed.noted).toBe(e.noted);
            disk = e.next;
          }
        }
        // Finally: a clean restart resumes exactly what the model says.
        const final = await resume(fs);
        expect(final.journal?.updatedAt ?? null).toBe(expectedResume(disk).journal?.updatedAt ?? null);
        if (final.journal !== null) expect(final.journal).toEqual(expectedResume(disk).journal);
      }),
      { numRuns: 300 },
    );
  });
});
