import { it } from 'vitest';
import { createSession, cleanFile, validationText } from './index';
import { fixtureBytes, fixturePlan, load } from './testing/fixtures';
it('smoke', () => {
  const orig = load(fixtureBytes('00-original-export.csv'));
  for (const f of ['00-original-export.csv','03-lo-open-resave-csv-defaults.csv','04-lo-semicolon-separator.csv','05-lo-utf16le-bom-comma.csv']) {
    const s = createSession(load(fixtureBytes(f)), fixturePlan(), { original: orig, me: 'mia@example.com' });
    console.log(validationText(f, s.rowCount, s.allFindings(), s.seatUsage()));
    const c = cleanFile(s); console.log(c.changedRows, c.identical, new TextDecoder().decode(c.bytes).slice(0, 600));
  }
});
