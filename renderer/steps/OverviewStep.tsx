// Step 2, Overview (issue 4, item 2): today's licenses counted from the file beside the new plan,
// "which user are you", and seats assigned vs available.
import { useMemo, useState } from 'react';
import { SeatChart } from '../components/SeatChart';
import { goTo, setMe } from '../store/actions';
import { useAppStore } from '../store/appStore';
import { countAddOns, countBy } from '../store/selectors';
import { currentSession } from '../store/sessionHolder';
import { PlanEditor } from './PlanEditor';

const SUGGESTIONS = 50;

function MePicker() {
  const me = useAppStore((s) => s.me);
  const openSeq = useAppStore((s) => s.openSeq);
  const [text, setText] = useState(me ?? '');
  const session = currentSession();
  const emailColumn = session?.source.columns.email ?? -1;
  const emails = useMemo(() => {
    if (!session || emailColumn < 0) return [];
    const needle = text.trim().toLowerCase();
    const out: string[] = [];
    const { table } = session.source;
    for (let r = 0; r < session.rowCount && out.length < SUGGESTIONS; r++) {
      const email = table.cell(r, emailColumn).trim();
      if (email !== '' && email.toLowerCase().includes(needle)) out.push(email);
    }
    return out;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- re-read when the session changes
  }, [session, emailColumn, text, openSeq]);
  const rows = session && me ? session.rowsWithEmail(me) : [];
  return (
    <section className="panel" data-testid="me-picker">
      <h2>Which user are you?</h2>
      <p className="muted">You must keep a license yourself, or you lose access to the platform. Pick your email from the file.</p>
      <form
        className="me-form"
        onSubmit={(event) => {
          event.preventDefault();
          setMe(text);
        }}
      >
        <input type="email" list="me-emails" aria-label="Your email" placeholder="you@company.example" value={text} onChange={(e) => setText(e.target.value)} onBlur={() => setMe(text)} />
        <datalist id="me-emails">
          {emails.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
        <button type="submit" className="button small">
          Set
        </button>
      </form>
      <p className="small" data-testid="me-status">
        {me === null ? 'Not set yet: the self-license check is skipped.' : rows.length > 0 ? `Found: row ${session!.rowNumber(rows[0])}. ${session!.licenseOf(rows[0]) ? `Your New License: ${session!.licenseOf(rows[0])}.` : 'You have no New License yet.'}` : `No row has ${me}.`}
      </p>
    </section>
  );
}

function CountTable({ title, rows, testId }: { title: string; rows: { value: string; users: number }[]; testId: string }) {
  return (
    <table className="count-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{title}</th>
          <th className="num">Users</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              None in this file
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.value}>
              <td>{r.value === '' ? <span className="muted">(none)</span> : r.value}</td>
              <td className="num">{r.users.toLocaleString('en-US')}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

export function OverviewStep() {
  const openSeq = useAppStore((s) => s.openSeq);
  const seats = useAppStore((s) => s.seats);
  const rowCount = useAppStore((s) => s.rowCount);
  const session = currentSession();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- counted once per file
  const current = useMemo(() => (session ? countBy(session, session.source.columns.currentLicense) : []), [session, openSeq]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- counted once per file
  const currentAddOns = useMemo(() => (session ? countAddOns(session, session.source.columns.currentAddOns) : []), [session, openSeq]);
  if (!session) return null;
  return (
    <div className="overview">
      <div className="overview-grid">
        <section className="panel" data-testid="current-licenses">
          <h2>In your export today</h2>
          <p className="muted">{rowCount.toLocaleString('en-US')} users</p>
          <CountTable title="Current License" rows={current} testId="current-license-counts" />
          <CountTable title="Current Add-on" rows={currentAddOns} testId="current-addon-counts" />
        </section>
        <PlanEditor />
        <div className="stack">
          <section className="panel">
            <h2>Seats: assigned vs available</h2>
            <SeatChart seats={seats} />
            <p className="chart-legend small">
              <span className="legend available" /> seats in the plan <span className="legend assigned" /> assigned <span className="legend over" /> over
            </p>
          </section>
          <MePicker />
        </div>
      </div>
      <div className="step-footer">
        <button type="button" className="button primary" onClick={() => goTo('assign')}>
          Next: assign licenses →
        </button>
      </div>
    </div>
  );
}
