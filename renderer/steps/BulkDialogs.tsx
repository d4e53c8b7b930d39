// "Edit license" for the selection with its seat impact first, and the seat impact table every bulk
// change shows before it is applied (the mapping table, find & replace).
import { useMemo, useState } from 'react';
import { licenseChanges, type AddOnsMode, type CellChange } from '../../shared/index';
import { Dialog } from '../components/Dialog';
import { editRows } from '../store/actions';
import { planOf, seatsOf, sessionOf } from '../store/reads';
import { seatImpact } from '../store/selectors';
import { useApp } from '../store/useApp';
import { count, num } from '../text/counts';

function LicenseAndAddOns({ license, setLicense, addOns, setAddOns }: { license: string; setLicense: (v: string) => void; addOns: AddOnsMode; setAddOns: (m: AddOnsMode) => void }) {
  const plan = useApp(planOf);
  const chosen = plan.licenses.find((l) => l.name === license);
  const allowed = chosen?.addOnsAllowed ?? false;
  const selected = addOns.kind === 'set' ? addOns.addOns.split(', ').filter((a) => a !== '') : [];
  const toggle = (name: string): void => {
    const next = new Set(selected);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setAddOns({ kind: 'set', addOns: plan.addOns.map((a) => a.name).filter((a) => next.has(a)).join(', ') });
  };
  return (
    <>
      <label className="field">
        <span>New License</span>
        <select value={license} onChange={(e) => setLicense(e.target.value)} data-testid="bulk-license">
          <option value="">No license</option>
          {plan.licenses.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field" disabled={!allowed}>
        <legend>New Add-ons {allowed ? '' : license === '' ? '(need a license)' : `(${license} allows none)`}</legend>
        <label className="inline">
          <input type="radio" checked={addOns.kind === 'keep'} onChange={() => setAddOns({ kind: 'keep' })} /> Keep each user's add-ons
        </label>
        <label className="inline">
          <input type="radio" checked={addOns.kind === 'set'} onChange={() => setAddOns({ kind: 'set', addOns: '' })} /> Set to:
        </label>
        {plan.addOns.map((a) => (
          <label key={a.name} className="inline">
            <input type="checkbox" disabled={addOns.kind !== 'set'} checked={selected.includes(a.name)} onChange={() => toggle(a.name)} /> {a.name}
          </label>
        ))}
      </fieldset>
    </>
  );
}

const n = num;

function ImpactTable({ rows, license, addOns }: { rows: readonly number[]; license: string; addOns: AddOnsMode }) {
  const session = useApp(sessionOf);
  const changes = useMemo(() => (session ? licenseChanges(session, rows, license, addOns) : []), [session, rows, license, addOns]);
  return <SeatImpactTable changes={changes} />;
}

/** Seats now and after `changes` (not applied), per license and add-on of the plan; over the plan in red. */
export function SeatImpactTable({ changes, testId = 'seat-impact' }: { changes: readonly CellChange[]; testId?: string }) {
  const session = useApp(sessionOf);
  const seats = useApp(seatsOf);
  // `seats` is the "now" column; the preview reads the same session state it was computed from.
  const impact = useMemo(() => (session ? seatImpact(seats, session.previewSeats(changes)) : []), [session, seats, changes]);
  return (
    <table className="impact-table" data-testid={testId}>
      <thead>
        <tr>
          <th>Seat</th>
          <th className="num">Now</th>
          <th className="num">After</th>
          <th className="num">Plan</th>
        </tr>
      </thead>
      <tbody>
        {impact.map((s) => {
          const over = s.after > s.seats;
          return (
            <tr key={`${s.kind}:${s.name}`} className={over ? 'over' : ''} data-impact={s.name}>
              <td>{s.name}</td>
              <td className="num">{n(s.before)}</td>
              <td className="num">
                {n(s.after)}
                {s.after !== s.before ? <span className="delta">{s.after > s.before ? ` (+${n(s.after - s.before)})` : ` (${n(s.after - s.before)})`}</span> : null}
              </td>
              <td className="num">
                {n(s.seats)}
                {over ? <span className="over-note"> over by {n(s.after - s.seats)}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function EditSelectionDialog({ rows, onClose }: { rows: readonly number[]; onClose: () => void }) {
  const plan = useApp(planOf);
  const [license, setLicense] = useState(plan.licenses[0]?.name ?? '');
  const [addOns, setAddOns] = useState<AddOnsMode>({ kind: 'keep' });
  const apply = (): void => {
    editRows(rows, license, addOns, rows.length === 1 ? 'edit license of the row' : 'edit license of the selection');
    onClose();
  };
  return (
    <Dialog title={`Edit license of ${count(rows.length, 'selected user')}`} onClose={onClose} testId="edit-selection-dialog">
      <LicenseAndAddOns license={license} setLicense={setLicense} addOns={addOns} setAddOns={setAddOns} />
      <h3>Seat impact</h3>
      <ImpactTable rows={rows} license={license} addOns={addOns} />
      <div className="dialog-actions">
        <button type="button" className="button ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={apply} data-testid="apply-selection">
          Apply to {count(rows.length, 'user')}
        </button>
      </div>
    </Dialog>
  );
}
