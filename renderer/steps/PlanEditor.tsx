// The plan editor (docs/formats.md "The license plan"): licenses and add-ons with seats, import/export as JSON.
// Edits apply as soon as the plan is valid; problems are listed while it is not.
import { useRef, useState } from 'react';
import { parsePlan, type Plan } from '../../shared/index';
import { updatePlan, type PlanEditOptions, type Rename } from '../store/actions';
import { appStore } from '../store/appStore';
import { exportPlan, importPlan } from '../store/fileActions';
import { confirmAction } from '../store/questions';
import { isOpen, planOf, seatsOf as seatUsageOf } from '../store/reads';
import { useApp } from '../store/useApp';
import { count } from '../text/counts';

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

/** How many users hold a license or add-on of the plan now. */
const holdersOf = (kind: 'license' | 'addOn', name: string): number => seatUsageOf(appStore.getState()).find((s) => s.kind === kind && s.name === name)?.assigned ?? 0;

/** Removing a name users hold turns their cells into errors: ask first (in the app's dialog), saying how many. */
async function confirmRemoval(kind: 'license' | 'addOn', name: string): Promise<boolean> {
  const holders = holdersOf(kind, name);
  if (holders === 0) return true;
  const what = kind === 'license' ? 'license' : 'add-on';
  return confirmAction({
    title: `Remove the ${what} “${name}”?`,
    body: [`${count(holders, 'user holds', 'users hold')} the ${what} “${name}”. Their cells will show as errors until you assign something else.`, 'You can undo this (Ctrl+Z).'],
    confirmLabel: `Remove ${name}`,
    danger: true,
    testId: 'remove-dialog',
  });
}

export function PlanEditor() {
  const plan = useApp(planOf);
  const [draft, setDraft] = useState<Draft>(() => toDraft(plan));
  const [applied, setApplied] = useState(plan);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const opened = useApp(isOpen);
  const section = useRef<HTMLElement>(null);
  // Each time a field gets focus a new undo step starts: typing in it is then one step.
  const focusSeq = useRef(0);

  // The plan changed elsewhere (import, resume): show it.
  if (plan !== applied) {
    setApplied(plan);
    setDraft(toDraft(plan));
    setProblems([]);
  }

  const change = (next: Draft, renames: readonly Rename[] = [], options: PlanEditOptions = {}): void => {
    setDraft(next);
    const { plan: candidate, problems: found } = fromDraft(next);
    setProblems(found);
    if (candidate) {
      setApplied(candidate);
      updatePlan(candidate, renames, options);
    }
  };
  const typing = (field: string): PlanEditOptions => ({ coalesce: `${field}#${focusSeq.current}` });

  const setLicense = (i: number, patch: Partial<DraftLicense>, field?: string): void => {
    const licenses = draft.licenses.map((l, j) => (j === i ? { ...l, ...patch } : l));
    const renames: Rename[] = patch.name !== undefined && applied.licenses.length === draft.licenses.length && applied.licenses[i] ? [{ kind: 'license', from: applied.licenses[i].name, to: patch.name.trim() }] : [];
    change({ ...draft, licenses }, renames, field ? typing(`license ${i} ${field}`) : {});
  };
  const setAddOn = (i: number, patch: Partial<DraftAddOn>, field: string): void => {
    const addOns = draft.addOns.map((a, j) => (j === i ? { ...a, ...patch } : a));
    const renames: Rename[] = patch.name !== undefined && applied.addOns.length === draft.addOns.length && applied.addOns[i] ? [{ kind: 'addOn', from: applied.addOns[i].name, to: patch.name.trim() }] : [];
    change({ ...draft, addOns }, renames, typing(`add-on ${i} ${field}`));
  };

  /** After a row is removed its button is gone: focus the row that took its place, else "add". */
  const focusAfterRemoval = (kind: 'license' | 'addOn', i: number): void => {
    requestAnimationFrame(() => {
      const buttons = section.current?.querySelectorAll<HTMLButtonElement>(`[data-remove="${kind}"]`) ?? [];
      const next = buttons[Math.min(i, buttons.length - 1)] ?? section.current?.querySelector<HTMLButtonElement>(`[data-testid="${kind === 'license' ? 'add-license' : 'add-addon'}"]`);
      next?.focus();
    });
  };

  const removeLicense = async (i: number): Promise<void> => {
    const { name } = draft.licenses[i];
    if (!(await confirmRemoval('license', name))) return;
    const holders = holdersOf('license', name);
    change({ ...draft, licenses: draft.licenses.filter((_, j) => j !== i) }, [], holders > 0 ? { label: `remove license ${name}, held by ${count(holders, 'user')}` } : {});
    focusAfterRemoval('license', i);
  };
  const removeAddOn = async (i: number): Promise<void> => {
    const { name } = draft.addOns[i];
    if (!(await confirmRemoval('addOn', name))) return;
    const holders = holdersOf('addOn', name);
    change({ ...draft, addOns: draft.addOns.filter((_, j) => j !== i) }, [], holders > 0 ? { label: `remove add-on ${name}, held by ${count(holders, 'user')}` } : {});
    focusAfterRemoval('addOn', i);
  };
  const empty = draft.licenses.length === 0 && draft.addOns.length === 0;

  const onImport = async (): Promise<void> => {
    const found = await importPlan();
    if (found.length > 0) setProblems(found.map((p) => `Imported plan: ${p}`));
  };

  return (
    <section className="panel plan-editor" data-testid="plan-editor" ref={section} onFocus={(event) => event.target instanceof HTMLInputElement && event.target.type !== 'checkbox' && focusSeq.current++}>
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
      <p className="muted">Copy the seat counts from your contract. Changes apply immediately{opened ? ' and can be undone (Ctrl+Z)' : ''}.</p>
      {empty && (
        <p className="plan-empty" data-testid="plan-empty">
          Your plan is empty. Enter each license and add-on of your contract with its seats (“+ Add license”), or import the plan JSON. Until then every New License in the file counts as unknown.
        </p>
      )}
      <table className="plan-table licenses">
        <thead>
          <tr>
            <th>License</th>
            <th className="num">Seats</th>
            <th>Add-ons allowed</th>
            <th>
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.licenses.map((l, i) => (
            <tr key={i} data-testid="plan-license">
              <td>
                <input aria-label={`License ${i + 1} name`} value={l.name} onChange={(e) => setLicense(i, { name: e.target.value }, 'name')} />
              </td>
              <td className="num">
                <input aria-label={`${l.name || `License ${i + 1}`} seats`} inputMode="numeric" className="seats-input" value={l.seats} onChange={(e) => setLicense(i, { seats: e.target.value }, 'seats')} />
              </td>
              <td>
                <input type="checkbox" aria-label={`${l.name || `License ${i + 1}`} allows add-ons`} checked={l.addOnsAllowed} onChange={(e) => setLicense(i, { addOnsAllowed: e.target.checked })} />
              </td>
              <td>
                <button type="button" className="button ghost small" aria-label={`Remove ${l.name || `license ${i + 1}`}`} data-remove="license" onClick={() => void removeLicense(i)}>
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
      <table className="plan-table addons">
        <thead>
          <tr>
            <th>Add-on</th>
            <th className="num">Seats</th>
            <th>
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.addOns.map((a, i) => (
            <tr key={i} data-testid="plan-addon">
              <td>
                <input aria-label={`Add-on ${i + 1} name`} value={a.name} onChange={(e) => setAddOn(i, { name: e.target.value }, 'name')} />
              </td>
              <td className="num">
                <input aria-label={`${a.name || `Add-on ${i + 1}`} seats`} inputMode="numeric" className="seats-input" value={a.seats} onChange={(e) => setAddOn(i, { seats: e.target.value }, 'seats')} />
              </td>
              <td>
                <button type="button" className="button ghost small" aria-label={`Remove ${a.name || `add-on ${i + 1}`}`} data-remove="addOn" onClick={() => void removeAddOn(i)}>
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
