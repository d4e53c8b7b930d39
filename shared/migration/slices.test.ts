// A file opened in the app is checked a slice of rows at a time (createSessionInSlices), so the page is never
// frozen by a large file: the session it gives must be the one createSession gives, whatever the slice.
import { describe, expect, it } from 'vitest';
import { createSession, createSessionInSlices, type MigrationSession } from './session';
import { fixtureBytes, fixturePlan, load } from '../../test/support/fixtures';

const state = (s: MigrationSession) => ({
  counts: s.counts(),
  seats: s.seatUsage(),
  findings: s.allFindings(),
  rows: Array.from({ length: s.rowCount }, (_, r) => s.rowSeverity(r)),
});

describe('checking the rows a slice at a time', () => {
  const plan = fixturePlan();
  const options = { me: 'olivia.martin@acme.example' };

  for (const name of ['00-original-export.csv', '03-lo-open-resave-csv-defaults.csv']) {
    it(`gives the session createSession gives, for any slice size (${name})`, async () => {
      const loaded = load(fixtureBytes(name));
      const original = load(fixtureBytes('00-original-export.csv'));
      const whole = createSession(loaded, plan, { ...options, original });
      let pauses = 0;
      for (const slice of [1, 7, 1000]) {
        const sliced = await createSessionInSlices(loaded, plan, { ...options, original }, async () => void pauses++, slice);
        expect(sliced).not.toBeNull();
        expect(state(sliced!)).toEqual(state(whole));
        // an edit afterwards counts as in a session checked in one go
        sliced!.applyChanges([{ row: 0, license: 'Engage' }]);
        const edited = createSession(loaded, plan, { ...options, original });
        edited.applyChanges([{ row: 0, license: 'Engage' }]);
        expect(state(sliced!)).toEqual(state(edited));
      }
      expect(pauses).toBeGreaterThan(loaded.table.rowCount);
    });
  }

  it('gives nothing when it is stopped between slices (another file was opened)', async () => {
    const loaded = load(fixtureBytes('00-original-export.csv'));
    let slices = 0;
    const stopped = await createSessionInSlices(loaded, plan, options, async () => void slices++, 2, () => slices > 3);
    expect(stopped).toBeNull();
    expect(slices).toBe(4);
  });
});
