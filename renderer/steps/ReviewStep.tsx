// Step 4, Review: current → new matrix, who loses access, seat usage, findings, reports.
import { useMemo } from 'react';
import type { Finding } from '../../shared/index';
import { FindingsList } from '../components/FindingsList';
import { SeatChart } from '../components/SeatChart';
import { goTo, showCell } from '../store/actions';
import { downloadReport } from '../store/fileActions';
import { addOnLosersOf, countsOf, losersOf, planOf, rowCountOf, seatsOf, sessionOf, transitionsOf } from '../store/reads';
import { sameSeats } from '../store/selectors';
import { sameFields, useApp } from '../store/useApp';
import { count, num } from '../text/counts';
import { RepairPanel } from './RepairPanel';

const LOSERS_SHOWN = 50;

/** "Meet, Deal": the add-ons a row's LOSES_ADDON finding names. */
const lostAddOns = (findings: readonly Finding[]): string => findings.flatMap((f) => (f.code === 'LOSES_ADDON' ? f.names : [])).join(', ');

export function ReviewStep() {
  const seats = useApp(seatsOf, sameSeats);
  const counts = useApp(countsOf, sameFields);
  const rowCount = useApp(rowCountOf);
  const originalName = useApp((s) => s.open?.originalName ?? null);
  const session = useApp(sessionOf);
  const plan = useApp(planOf);
  const list = useApp(transitionsOf);
  const losers = useApp((s) => losersOf(s, LOSERS_SHOWN));
  const addOnLosers = useApp((s) => addOnLosersOf(s, LOSERS_SHOWN));
  const matrix = useMemo(() => {
    const currents = [...new Set(list.map((t) => t.current))];
    const nexts = [...new Set([...plan.licenses.map((l) => l.name), ...list.map((t) => t.next)])].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0));
    const cell = new Map(list.map((t) => [`${t.current}\u0000${t.next}`, t.users]));
    return { currents, nexts, cell };
  }, [list, plan]);
  if (!session) return null;
  const licenseColumn = session.source.columns.newLicense;
  const noPlan = plan.licenses.length === 0;
  const ready = counts.errors === 0 && !noPlan;
  return (
    <div className="review">
      <section className={`panel verdict ${ready ? 'ok' : 'blocked'}`} data-testid="verdict">
        <h1 tabIndex={-1}>{ready ? 'Ready to upload' : 'Not ready to upload yet'}</h1>
        {noPlan && (
          <p className="verdict-warning" data-testid="verdict-no-plan">
            The plan is empty: enter your contract's licenses and seats on the Overview step (or import the plan JSON), then the file is checked against them.{' '}
            <button type="button" className="button link" onClick={() => goTo('overview')}>
              Fill in the plan
            </button>
          </p>
        )}
        <p>
          {count(rowCount, 'user')} · {count(counts.errors, 'error')} · {count(counts.warnings, 'warning')}
          {originalName ? ` · checked against the original export ${originalName}` : ''}
        </p>
        {losers.total > 0 && (
          <p className="verdict-warning" data-testid="verdict-losers">
            {count(losers.total, 'user has')} a license today and none in the new plan: they will not be able to log in. Check the list below before you upload.
          </p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={() => void downloadReport('report')} data-testid="download-report">
            Download error report (CSV)
          </button>
          <button type="button" className="button" onClick={() => void downloadReport('annotated')} data-testid="download-annotated">
            Download annotated copy (CSV)
          </button>
          <button type="button" className="button primary" onClick={() => goTo('save')}>
            Next: save →
          </button>
        </div>
      </section>
      <RepairPanel />
      <div className="review-grid">
        <section className="panel" data-testid="transition-matrix">
          <h2>Current → new license</h2>
          <div className="table-scroll">
            <table className="matrix">
              <thead>
                <tr>
                  <th scope="col">Current ↓ / New →</th>
                  {matrix.nexts.map((n) => (
                    <th key={n} scope="col" className="num">
                      {n === '' ? 'No license' : n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.currents.map((c) => (
                  <tr key={c}>
                    <th scope="row">{c === '' ? '(none)' : c}</th>
                    {matrix.nexts.map((n) => {
                      const users = matrix.cell.get(`${c}\u0000${n}`) ?? 0;
                      return (
                        <td key={n} className={`num${users === 0 ? ' zero' : ''}${n === '' && users > 0 && c !== '' ? ' loses' : ''}`} data-cell={`${c}→${n}`}>
                          {users === 0 ? '·' : num(users)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="panel">
          <h2>Seat usage</h2>
          <SeatChart seats={seats} />
        </section>
        <section className="panel" data-testid="losers">
          <h2>Users who lose access ({num(losers.total)})</h2>
          {losers.total === 0 ? (
            <p className="empty-note">Everyone who has a license today gets one in the new plan.</p>
          ) : (
            <>
              <p className="muted small">They have a license today and none in the new plan: "No License Assigned", they will not be able to log in.</p>
              <ul className="loser-list">
                {losers.rows.map((r) => (
                  <li key={r}>
                    <button type="button" className="finding-link" onClick={() => showCell(r, licenseColumn)}>
                      Row {num(session.rowNumber(r))} · {session.userOf(r) ?? '(no email)'}
                    </button>
                  </li>
                ))}
              </ul>
              {losers.total > losers.rows.length && <p className="muted small">…and {num(losers.total - losers.rows.length)} more (see the error report).</p>}
            </>
          )}
        </section>
        <section className="panel" data-testid="addon-losers">
          <h2>Users who lose an add-on ({addOnLosers.total.toLocaleString('en-US')})</h2>
          {addOnLosers.total === 0 ? (
            <p className="empty-note">Everyone who keeps a license keeps the plan add-ons they have today.</p>
          ) : (
            <>
              <p className="muted small">They keep a license but not an add-on of the plan they have today. Carry add-ons over in the mapping table, or add them in New Add-ons.</p>
              <ul className="loser-list">
                {addOnLosers.rows.map((r) => (
                  <li key={r}>
                    <button type="button" className="finding-link" onClick={() => showCell(r, session.source.columns.newAddOns)}>
                      Row {session.rowNumber(r)} · {session.userOf(r) ?? '(no email)'} · loses {lostAddOns(session.findingsForRow(r))}
                    </button>
                  </li>
                ))}
              </ul>
              {addOnLosers.total > addOnLosers.rows.length && <p className="muted small">…and {(addOnLosers.total - addOnLosers.rows.length).toLocaleString('en-US')} more (see the error report).</p>}
            </>
          )}
        </section>
        <section className="panel">
          <h2>Errors ({num(counts.errors)})</h2>
          <FindingsList severity="error" testId="review-errors" />
        </section>
        <section className="panel">
          <h2>Warnings ({num(counts.warnings)})</h2>
          <FindingsList severity="warning" testId="review-warnings" />
        </section>
      </div>
    </div>
  );
}
