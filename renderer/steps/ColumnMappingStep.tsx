// The column-mapping step (docs/formats.md "Remembered columns"): a file whose required columns are
// missing or named differently says which of its columns is which — or adds New License / New Add-ons
// at the end. The choice is remembered for that header in the plan; without a user key the file does
// not open as a migration.
import { useState } from 'react';
import { COLUMN_NAMES, choiceProblem, type ColumnChoice, type ColumnRole } from '../../shared/index';
import type { ColumnsAsk } from '../store/appStore';
import { answerColumns } from '../store/fileActions';

const ROLES: readonly { role: ColumnRole; help: string }[] = [
  { role: 'email', help: "The user's email: the key that tells users apart (one email is one user)." },
  { role: 'userId', help: 'The platform’s user ID, preferred for matching when the file has one.' },
  { role: 'currentLicense', help: 'The license each user has today: who would lose access.' },
  { role: 'currentAddOns', help: 'The add-ons each user has today (optional): who would lose one.' },
  { role: 'newLicense', help: 'The column you fill in. Not in the file? It is added at the end.' },
  { role: 'newAddOns', help: 'The column you fill in. Not in the file? It is added at the end.' },
];

const NONE = '\u0000';

export function ColumnMappingStep({ ask }: { ask: ColumnsAsk }) {
  const [choice, setChoice] = useState<ColumnChoice>(ask.proposed);
  const noKey = choice.email === null && choice.userId === null;
  const problem = choiceProblem(choice, ask.header);
  const missing = new Set(ask.missing);
  return (
    <section className="panel column-mapping" data-testid="column-mapping" aria-labelledby="column-mapping-title">
      <h1 id="column-mapping-title">Which column is which in “{ask.name}”?</h1>
      <p className="lead">
        Some columns License Prep needs are missing or named differently in this file. Say which of its columns holds each one. Your choice is remembered for files with these same headers, and saved in the plan (the CLI reads it from there too).
      </p>
      <table className="column-mapping-table">
        <thead>
          <tr>
            <th scope="col">License Prep needs</th>
            <th scope="col">Column of this file</th>
            <th scope="col">What it is for</th>
          </tr>
        </thead>
        <tbody>
          {ROLES.map(({ role, help }) => {
            const owned = role === 'newLicense' || role === 'newAddOns';
            return (
              <tr key={role} className={missing.has(role) ? 'asked' : ''}>
                <th scope="row">
                  {COLUMN_NAMES[role]}
                  {missing.has(role) ? <span className="badge warning">not found by name</span> : null}
                </th>
                <td>
                  <select aria-label={`The column that holds ${COLUMN_NAMES[role]}`} value={choice[role] ?? NONE} onChange={(e) => setChoice({ ...choice, [role]: e.target.value === NONE ? null : e.target.value })} data-testid={`column-${role}`}>
                    <option value={NONE}>{owned ? 'Not in the file: add it at the end' : 'Not in this file'}</option>
                    {ask.header.map((h, i) =>
                      h.trim() === '' ? null : (
                        <option key={i} value={h}>
                          {h}
                        </option>
                      ),
                    )}
                  </select>
                </td>
                <td className="muted small">{help}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {noKey && (
        <p className="verdict-warning" role="alert" data-testid="column-no-key">
          Choose the column that holds emails (or user IDs): a file without a user key cannot be a migration.
        </p>
      )}
      {problem !== null && !noKey && (
        <p className="verdict-warning" role="alert">
          {problem.charAt(0).toUpperCase() + problem.slice(1)}: choose each column once.
        </p>
      )}
      <div className="actions">
        <button type="button" className="button primary" disabled={noKey || problem !== null} onClick={() => answerColumns(choice)} data-testid="column-confirm">
          Open with these columns
        </button>
        <button type="button" className="button ghost" onClick={() => answerColumns(null)} data-testid="column-cancel">
          Cancel
        </button>
      </div>
    </section>
  );
}
