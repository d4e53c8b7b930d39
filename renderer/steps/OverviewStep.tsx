// Step 2, Overview: today's licenses counted from the file beside the new plan,
// "which user are you", and seats assigned vs available.
import { useMemo, useState } from 'react';
import { SeatChart } from '../components/SeatChart';
import { goTo, setMe } from '../store/actions';
import { meOf, myRowOf, rowCountOf, seatsOf, sessionOf } from '../store/reads';
import { emailSuggestions } from '../store/search';
import { sameSeats } from '../store/selectors';
import { useApp } from '../store/useApp';
import { count, num } from '../text/counts';
import type { ValueCount } from '../worker/fileIndexes';
import { PlanEditor } from './PlanEditor';

const SUGGESTIONS = 50;

function MePicker() {
  const me = useApp(meOf);
  const session = useApp(sessionOf);
  const myRow = useApp(myRowOf);
  // My New License as it is now (it changes with edits: read through the store, not the session at render).
  const myLicense = useApp((s) => (myRow >= 0 ? (sessionOf(s)?.licenseOf(myRow) ?? '') : ''));
  const [text, setText] = useState(me ?? '');
  // Changed elsewhere (undo, resume): show it.
  const [shownMe, setShownMe] = useState(me);
  if (me !== shownMe) {
    setShownMe(me);
    setText(me ?? '');
  }
  // The emails in a file never change: suggestions are read from the file's rows.
  const emails = useMemo(() => (session ? emailSuggestions(session, text, me, myRow, SUGGESTIONS) : []), [session, text, me, myRow]);
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
        {me === null ? 'Not set yet: the self-license check is skipped.' : myRow >= 0 && session ? `Found: row ${num(session.rowNumber(myRow))}. ${myLicense ? `Your New License: ${myLicense}.` : 'You have no New License yet.'}` : `No row has ${me}.`}
      </p>
    </section>
  );
}

function CountTable({ title, rows, testId }: { title: string; rows: readonly ValueCount[]; testId: string }) {
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
              <td className="num">{num(r.users)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

export function OverviewStep() {
  const seats = useApp(seatsOf, sameSeats);
  const rowCount = useApp(rowCountOf);
  // Counted once per file, in the load worker.
  const indexes = useApp((s) => s.open?.indexes ?? null);
  if (!indexes) return null;
  const current = indexes.currentLicenses;
  const currentAddOns = indexes.currentAddOns;
  return (
    <div className="overview">
      <h1 className="step-title" tabIndex={-1}>Overview: your licenses today and the new plan</h1>
      <div className="overview-grid">
        <section className="panel" data-testid="current-licenses">
          <h2>In your export today</h2>
          <p className="muted">{count(rowCount, 'user')}</p>
          <CountTable title="Current License" rows={current} testId="current-license-counts" />
          <CountTable title="Current Add-on" rows={currentAddOns} testId="current-addon-counts" />
        </section>
        <PlanEditor />
        <div className="stack">
          <section className="panel">
            <h2>Seats: assigned vs available</h2>
            {seats.length === 0 ? <p className="empty-note">No seats yet: they come from the plan.</p> : <SeatChart seats={seats} />}
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
