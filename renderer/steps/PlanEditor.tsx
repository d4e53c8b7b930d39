// The plan editor (docs/formats.md "The license plan"): licenses and add-ons with seats, import/export as JSON.
// Edits apply as soon as the plan is valid; problems are listed while it is not.
import { useState } from 'react';
import { parsePlan, type Plan } from '../../shared/index';
import { updatePlan, type Rename } from '../store/actions';
import { appStore } from '../store/appStore';
import { exportPlan, importPlan } from '../store/fileActions';
import { planOf, seatsOf as seatUsageOf } from '../store/reads';
import { useApp } from '../store/useApp';

interface DraftLicense {
  name: string;
  seats: string;
  addOnsAllowed: boolean;
}
interface DraftAddOn {
  name: string;
  seats: string;
}
interface Draft {
  licenses: DraftLicense[];
  addOns: DraftAddOn[];
}

const toDraft = (plan: Plan): Draft => ({
  licenses: plan.licenses.map((l) => ({ name: l.name, seats: String(l.seats), addOnsAllowed: l.addOnsAllowed })),
  addOns: plan.addOns.map((a) => ({ name: a.name, seats: String(a.seats) })),
});

const seatsOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function fromDraft(draft: Draft): { plan: Plan | null; problems: readonly string[] } {
  const parsed = parsePlan({
    licenses: draft.licenses.map((l) => ({ name: l.name.trim(), seats: seatsOf(l.seats), addOnsAllowed: l.addOnsAllowed })),
    addOns: draft.addOns.map((a) => ({ name: a.name.trim(), seats: seatsOf(a.seats) })),
  });
  return parsed.ok ? { plan: parsed.value, problems: [] } : { plan: null, problems: parsed.error };
}

/** Removing a name users hold turns their cells into errors: ask first, saying how many. */
function confirmRemoval(kind: 'license' | 'addOn', name: string): boolean {
  const holders = seatUsageOf(appStore.getState()).find((s) => s.kind === kind && s.name === name)?.assigned ?? 0;
  if (holders === 0) return true;
  const what = kind === 'license' ? 'license' : 'add-on';
  return window.confirm(`${holders.toLocaleString('en-US')} ${holders === 1 ? 'user holds' : 'users hold'} the ${what} "${name}". Remove it from the plan? Their cells will show as errors until you assign something else.`);
}

export function PlanEditor() {
  const plan = useApp(planOf);
  const [draft, setDraft] = useState<Draft>(() => toDraft(plan));
  const [applied, setApplied] = useState(plan);
  const [problems, setProblems] = useState<readonly string[]>([]);

  // The plan changed elsewhere (import, resume): show it.
  if (plan !== applied) {
    setApplied(plan);
    setDraft(toDraft(plan));
    setProblems([]);
  }

  const change = (next: Draft, renames: readonly Rename[] = []): void => {
    setDraft(next);
    const { plan: candidate, problems: found } = fromDraft(next);
    setProblems(found);
    if (candidate) {
      setApplied(candidate);
      updatePlan(candidate, renames);
    }
  };

  const setLicense = (i: number, patch: Partial<DraftLicense>): void => {
    const licenses = draft.licenses.map((l, j) => (j === i ? { ...l, ...patch } : l));
    const renames: Rename[] = patch.name !== undefined && applied.licenses.length === draft.licenses.length && applied.licenses[i] ? [{ kind: 'license', from: applied.licenses[i].name, to: patch.name.trim() }] : [];
    change({ ...draft, licenses }, renames);
  };
  const setAddOn = (i: number, patch: Partial<DraftAddOn>): void => {
    const addOns = draft.addOns.map((a, j) => (j === i ? { ...a, ...patch } : a));
    const renames: Rename[] = patch.name !== undefined && applied.addOns.length === draft.addOns.length && applied.addOns[i] ? [{ kind: 'addOn', from: applied.addOns[i].name, to: patch.name.trim() }] : [];
    change({ ...draft, addOns }, renames);
  };

  const onImport = async (): Promise<void> => {
    const found = await importPlan();
    if (found.length > 0) setProblems(found.map((p) => `Imported plan: ${p}`));
  };

  return (
    <section className="panel plan-editor" data-testid="plan-editor">
      <div className="panel-head">
        <h2>Your new plan</h2>
        <div className="actions">
          <button type="button" className="button small" onClick={() => void onImport()} data-testid="import-plan">
            Import JSON…
          </button>
          <button type="button" className="button small" onClick={() => void exportPlan()} data-testid="export-plan">
            Export JSON
          </button>
        </div>
      </div>
      <p className="muted">Copy the seat counts from your contract. Changes apply immediately.</p>
      <table className="plan-table">
        <thead>
          <tr>
            <th>License</th>
            <th className="num">Seats</th>
            <th>Add-ons allowed</th>
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {draft.licenses.map((l, i) => (
            <tr key={i} data-testid="plan-license">
              <td>
                <input aria-label={`License ${i + 1} name`} value={l.name} onChange={(e) => setLicense(i, { name: e.target.value })} />
              </td>
              <td className="num">
                <input aria-label={`${l.name || `License ${i + 1}`} seats`} inputMode="numeric" className="seats-input" value={l.seats} onChange={(e) => setLicense(i, { seats: e.target.value })} />
              </td>
              <td>
                <input type="checkbox" aria-label={`${l.name || `License ${i + 1}`} allows add-ons`} checked={l.addOnsAllowed} onChange={(e) => setLicense(i, { addOnsAllowed: e.target.checked })} />
              </td>
              <td>
                <button type="button" className="button ghost small" aria-label={`Remove ${l.name}`} onClick={() => confirmRemoval('license', l.name) && change({ ...draft, licenses: draft.licenses.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button small" data-testid="add-license" onClick={() => change({ ...draft, licenses: [...draft.licenses, { name: '', seats: '0', addOnsAllowed: false }] })}>
        + Add license
      </button>
      <table className="plan-table">
        <thead>
          <tr>
            <th>Add-on</th>
            <th className="num">Seats</th>
            <th />
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {draft.addOns.map((a, i) => (
            <tr key={i} data-testid="plan-addon">
              <td>
                <input aria-label={`Add-on ${i + 1} name`} value={a.name} onChange={(e) => setAddOn(i, { name: e.target.value })} />
              </td>
              <td className="num">
                <input aria-label={`${a.name || `Add-on ${i + 1}`} seats`} inputMode="numeric" className="seats-input" value={a.seats} onChange={(e) => setAddOn(i, { seats: e.target.value })} />
              </td>
              <td />
              <td>
                <button type="button" className="button ghost small" aria-label={`Remove ${a.name}`} onClick={() => confirmRemoval('addOn', a.name) && change({ ...draft, addOns: draft.addOns.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button small" data-testid="add-addon" onClick={() => change({ ...draft, addOns: [...draft.addOns, { name: '', seats: '0' }] })}>
        + Add add-on
      </button>
      {problems.length > 0 && (
        <div className="plan-problems" role="alert" data-testid="plan-problems">
          <strong>The plan is not applied until these are fixed:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
