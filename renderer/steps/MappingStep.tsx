// The Map step: one mapping table for the whole migration (docs/formats.md "The mapping"). Every license
// users hold today, and every add-on, with its users; the new license, add-ons to add and "carry over
// current add-ons" (on by default) for each; the seat impact live; applied as one undoable step that
// fills only cells still empty unless asked. The mapping is kept in the plan.
import { useMemo, useState } from 'react';
import { currentLicenseName, foldName, type AddOnMapping, type LicenseMapping, type Plan } from '../../shared/index';
import { goTo } from '../store/actions';
import { exportPlan } from '../store/fileActions';
import { applyMapping, NO_MAPPING, saveMapping } from '../store/mappingActions';
import { mappingPreviewOf, planOf, sessionOf } from '../store/reads';
import { useApp } from '../store/useApp';
import type { ValueCount } from '../worker/fileIndexes';
import { SeatImpactTable } from './BulkDialogs';

const n = (value: number): string => value.toLocaleString('en-US');
const users = (count: number): string => `${n(count)} ${count === 1 ? 'user' : 'users'}`;
/** The select's value for "no entry: leave these users as they are". */
const UNMAPPED = '\u0000';

/** Today's licenses as the mapping compares them: "No License Assigned" and empty are one (none), any case. */
function groupCurrents(values: readonly ValueCount[]): { name: string; key: string; users: number }[] {
  const groups = new Map<string, { name: string; key: string; users: number }>();
  for (const { value, users: count } of values) {
    const name = currentLicenseName(value);
    const key = foldName(name);
    const group = groups.get(key);
    if (group) group.users += count;
    else groups.set(key, { name, key, users: count });
  }
  return [...groups.values()].sort((a, b) => b.users - a.users || a.name.localeCompare(b.name));
}

function AddOnChecks({ plan, chosen, disabled, onChange, label }: { plan: Plan; chosen: readonly string[]; disabled: boolean; onChange: (next: string[]) => void; label: string }) {
  const has = new Set(chosen.map(foldName));
  return (
    <span className="addon-checks" role="group" aria-label={label}>
      {plan.addOns.length === 0 && <span className="muted small">The plan has no add-ons.</span>}
      {plan.addOns.map((a) => (
        <label key={a.name} className="inline">
          <input
            type="checkbox"
            disabled={disabled}
            checked={!disabled && has.has(foldName(a.name))}
            onChange={(e) => {
              const next = new Set(has);
              if (e.target.checked) next.add(foldName(a.name));
              else next.delete(foldName(a.name));
              onChange(plan.addOns.filter((x) => next.has(foldName(x.name))).map((x) => x.name));
            }}
          />{' '}
          {a.name}
        </label>
      ))}
    </span>
  );
}

function LicenseRows({ plan, currents, perCurrent }: { plan: Plan; currents: readonly { name: string; key: string; users: number }[]; perCurrent: ReadonlyMap<string, number> }) {
  const mapping = plan.mapping ?? NO_MAPPING;
  const entryOf = (key: string): LicenseMapping | undefined => mapping.licenses.find((e) => foldName(currentLicenseName(e.current)) === key);
  const put = (key: string, name: string, entry: LicenseMapping | null): void => {
    const others = mapping.licenses.filter((e) => foldName(currentLicenseName(e.current)) !== key);
    saveMapping({ ...mapping, licenses: entry === null ? others : [...others, { ...entry, current: name }] });
  };
  return (
    <tbody>
      {currents.map(({ name, key, users: count }) => {
        const entry = entryOf(key);
        const license = entry === undefined ? null : plan.licenses.find((l) => foldName(l.name) === foldName(entry.license));
        const stale = entry !== undefined && entry.license.trim() !== '' && !license;
        const allowsAddOns = license?.addOnsAllowed ?? false;
        const changing = perCurrent.get(key) ?? 0;
        const shown = name === '' ? '(no license today)' : name;
        return (
          <tr key={key} data-current={name} className={entry === undefined ? 'unmapped' : ''}>
            <th scope="row">{shown}</th>
            <td className="num">{n(count)}</td>
            <td>
              <select
                aria-label={`New License for ${shown}`}
                value={entry === undefined ? UNMAPPED : stale ? entry.license : (license?.name ?? '')}
                onChange={(e) => {
                  const value = e.target.value;
                  if (value === UNMAPPED) return put(key, name, null);
                  const next = plan.licenses.find((l) => l.name === value);
                  put(key, name, { current: name, license: value, addOns: next?.addOnsAllowed ? (entry?.addOns ?? []) : [], carryOver: entry?.carryOver ?? true });
                }}
                data-testid="mapping-license"
              >
                <option value={UNMAPPED}>Leave as it is</option>
                <option value="">No license</option>
                {plan.licenses.map((l) => (
                  <option key={l.name} value={l.name}>
                    {l.name}
                  </option>
                ))}
                {stale && <option value={entry.license}>{entry.license} (not in the plan)</option>}
              </select>
            </td>
            <td>
              <AddOnChecks plan={plan} label={`Add-ons to add for ${shown}`} chosen={entry?.addOns ?? []} disabled={entry === undefined || !allowsAddOns} onChange={(addOns) => entry && put(key, name, { ...entry, addOns })} />
            </td>
            <td>
              <label className="inline">
                <input type="checkbox" disabled={entry === undefined || !allowsAddOns} checked={entry !== undefined && allowsAddOns && entry.carryOver} onChange={(e) => entry && put(key, name, { ...entry, carryOver: e.target.checked })} data-testid="mapping-carry" /> carry over
              </label>
            </td>
            <td className="num" data-testid="mapping-changes">
              {entry === undefined ? <span className="muted">—</span> : changing === 0 ? <span className="muted">none</span> : users(changing)}
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}

function AddOnRows({ plan, currents }: { plan: Plan; currents: readonly ValueCount[] }) {
  const mapping = plan.mapping ?? NO_MAPPING;
  const put = (name: string, entry: AddOnMapping | null): void => {
    const others = mapping.addOns.filter((e) => foldName(e.current) !== foldName(name));
    saveMapping({ ...mapping, addOns: entry === null ? others : [...others, entry] });
  };
  return (
    <tbody>
      {currents.map(({ value, users: count }) => {
        const entry = mapping.addOns.find((e) => foldName(e.current) === foldName(value));
        const same = plan.addOns.find((a) => foldName(a.name) === foldName(value));
        const becomes = entry ? entry.addOns : same ? [same.name] : [];
        return (
          <tr key={value} data-current-addon={value}>
            <th scope="row">{value}</th>
            <td className="num">{n(count)}</td>
            <td>
              <AddOnChecks plan={plan} label={`What ${value} becomes`} chosen={becomes} disabled={false} onChange={(addOns) => put(value, addOns.length === 1 && same && foldName(addOns[0]) === foldName(same.name) ? null : { current: value, addOns })} />
            </td>
            <td className="muted small">{entry ? 'as you chose' : same ? 'same name in the plan' : becomes.length === 0 ? 'not in the plan: dropped' : ''}</td>
          </tr>
        );
      })}
    </tbody>
  );
}

export function MappingStep() {
  const session = useApp(sessionOf);
  const plan = useApp(planOf);
  const indexes = useApp((s) => s.open?.indexes ?? null);
  const [overwrite, setOverwrite] = useState(false);
  const preview = useApp((s) => mappingPreviewOf(s, overwrite ? 1 : 0));
  const currents = useMemo(() => groupCurrents(indexes?.currentLicenses ?? []), [indexes]);
  if (!session || !indexes) return null;
  const hasCurrentAddOns = session.source.columns.currentAddOns >= 0;
  const mapped = (plan.mapping?.licenses.length ?? 0) > 0;
  return (
    <div className="mapping">
      <section className="panel" data-testid="mapping-table">
        <h1>Map today's licenses to the new ones</h1>
        <p className="muted">
          Choose a new license for everyone on each license today. With "carry over", each add-on a user has today stays where the new license allows add-ons. The mapping is kept in the plan: export the plan to share it, or to run{' '}
          <code>license-prep assign</code> on the whole file.
        </p>
        <div className="table-scroll">
          <table className="mapping-table">
            <thead>
              <tr>
                <th scope="col">License today</th>
                <th scope="col" className="num">
                  Users
                </th>
                <th scope="col">New License</th>
                <th scope="col">Add-ons to add</th>
                <th scope="col">Current add-ons</th>
                <th scope="col" className="num">
                  Will change
                </th>
              </tr>
            </thead>
            <LicenseRows plan={plan} currents={currents} perCurrent={preview.perCurrent} />
          </table>
        </div>
        {hasCurrentAddOns && indexes.currentAddOns.length > 0 && (
          <>
            <h2>Add-ons today</h2>
            <p className="muted small">What each add-on users have today becomes when it is carried over.</p>
            <div className="table-scroll">
              <table className="mapping-table" data-testid="mapping-addons">
                <thead>
                  <tr>
                    <th scope="col">Add-on today</th>
                    <th scope="col" className="num">
                      Users
                    </th>
                    <th scope="col">Becomes</th>
                    <th scope="col">
                      <span className="visually-hidden">Why</span>
                    </th>
                  </tr>
                </thead>
                <AddOnRows plan={plan} currents={indexes.currentAddOns} />
              </table>
            </div>
          </>
        )}
      </section>
      <section className="panel mapping-apply">
        <h2>Seat impact</h2>
        <SeatImpactTable changes={preview.changes} testId="mapping-impact" />
        <label className="inline">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} data-testid="mapping-overwrite" /> Also replace New License and New Add-ons already filled in
        </label>
        <p className="small muted">{overwrite ? 'Every user the mapping names gets what it gives.' : 'Only users whose New License is still empty are filled in; what you already set stays.'}</p>
        <div className="actions">
          <button type="button" className="button primary" disabled={preview.changes.length === 0} onClick={() => applyMapping(overwrite)} data-testid="mapping-apply">
            {mapped ? `Apply to ${users(preview.changes.length)}` : 'Choose a new license above'}
          </button>
          <button type="button" className="button" onClick={() => void exportPlan()}>
            Export the plan with this mapping…
          </button>
          <button type="button" className="button ghost" onClick={() => goTo('assign')}>
            Next: assign →
          </button>
        </div>
      </section>
    </div>
  );
}
