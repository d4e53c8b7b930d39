// docs/formats.md "Remembered columns": a file whose columns are named differently is read as the admin
// chose for its header; a choice that would put New License over another column is never applied.
import { describe, expect, it } from 'vitest';
import { loadExport, withColumnChoice } from './load';
import { createSession } from './session';
import { choiceFor, choiceOf, choiceProblem, columnsToAsk, mapColumns } from './columns';
import { parsePlan, type ColumnChoice } from '../plan/plan';
import { PLAN } from '../../test/support/fixtures';
import { csv, utf8 } from '../../test/support/builders';

const HEADER = ['Mail', 'Given', 'Plan Today', 'Target License', 'Notes'];
const CHOICE: ColumnChoice = { header: HEADER, userId: null, email: 'mail', currentLicense: 'Plan Today', currentAddOns: null, newLicense: 'Target License', newAddOns: null };

describe('columns the app was not told about', () => {
  it('asks for a user key, Current License, New License and New Add-ons when none is found by name', () => {
    const { columns } = mapColumns(['name', 'age', 'city']);
    expect(columnsToAsk(columns)).toEqual(['userId', 'email', 'currentLicense', 'newLicense', 'newAddOns']);
    expect(columnsToAsk(mapColumns(['Email', 'Current License', 'New License', 'New Add-ons']).columns)).toEqual([]);
    expect(columnsToAsk(mapColumns(['User ID', 'Current License', 'New License']).columns)).toEqual(['newAddOns']);
  });

  it('applies a remembered choice to a file with that header (compared ignoring case and spaces)', () => {
    const choice = choiceFor([CHOICE], [' mail ', 'GIVEN', 'plan today', 'Target-License', 'notes']);
    expect(choice).toBe(CHOICE);
    const { columns } = mapColumns(HEADER, choice);
    expect(columns).toMatchObject({ email: 0, userId: -1, currentLicense: 2, newLicense: 3, newLicensePresent: true, newAddOns: 5, newAddOnsPresent: false, width: 5 });
    expect(columns.names).toEqual(['Mail', 'Given', 'Plan Today', 'Target License', 'Notes', 'New Add-ons']);
    expect(columnsToAsk(columns)).toEqual(['newAddOns']);
    expect(choiceFor([CHOICE], ['Mail', 'Given'])).toBeNull();
  });

  it('lets the admin say a column found by name is not that column ("not in this file")', () => {
    const header = ['Email', 'Current License', 'New License', 'New Add-ons'];
    const { columns } = mapColumns(header, { ...choiceOf(header, mapColumns(header).columns), newAddOns: null });
    expect(columns.newAddOns).toBe(4);
    expect(columns.newAddOnsPresent).toBe(false);
  });

  it('ignores a choice that uses one column twice or names a column the header lacks', () => {
    expect(choiceProblem({ ...CHOICE, newLicense: 'Mail' }, HEADER)).toBe('the column "Mail" is chosen both as Email and as New License');
    expect(choiceProblem({ ...CHOICE, email: 'Nope' }, HEADER)).toBe('the column "Nope" chosen as Email is not in the file');
    expect(mapColumns(HEADER, { ...CHOICE, newLicense: 'Mail' }).columns.email).toBe(-1);
  });

  it('a file loaded with the plan’s choices reads the chosen columns (the CLI’s --plan)', () => {
    const bytes = utf8(csv([HEADER.join(','), 'ann@example.com,Ann,Optimize,Engage,hi']));
    const loaded = loadExport(bytes, { columns: [CHOICE] });
    expect(loaded.ok && loaded.value.columns.newLicense).toBe(3);
    const compact = loadExport(bytes, { columns: [CHOICE] });
    expect(compact.ok && compact.value.table.cell(0, 3)).toBe('Engage');
  });

  it('tells users apart by the chosen key column, read with the plan or chosen after reading', () => {
    const bytes = utf8(csv([HEADER.join(','), 'ann@example.com,Ann,Optimize,Engage,', 'ANN@example.com,Ann,Optimize,Engage,']));
    const duplicates = (loaded: Parameters<typeof createSession>[0]) => createSession(loaded, PLAN, { me: null }).allFindings().filter((f) => f.code === 'DUPLICATE_USER').length;
    const withPlan = loadExport(bytes, { columns: [CHOICE] });
    expect(withPlan.ok && duplicates(withPlan.value)).toBe(1);
    const plain = loadExport(bytes, { whole: true });
    if (!plain.ok) throw new Error('refused');
    expect(plain.value.columns.email).toBe(-1);
    expect(duplicates(withColumnChoice(plain.value, CHOICE))).toBe(1);
  });

  it('the plan refuses a choice that names a column twice or one its header lacks', () => {
    const refused = parsePlan({ ...PLAN, columns: [{ ...CHOICE, newLicense: 'MAIL' }, { ...CHOICE, currentLicense: 'Elsewhere' }] });
    expect(refused.ok ? [] : refused.error).toEqual([
      'The remembered column choice 1: the New License column names "MAIL" a second time (already chosen as Email)',
      'The remembered column choice 2: the Current License column names "Elsewhere", which is not in its header',
    ]);
    expect(parsePlan({ ...PLAN, columns: [CHOICE] }).ok).toBe(true);
  });
});
