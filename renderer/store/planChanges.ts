// What a plan edit did, in the admin's words, for the undo history ("seats of Engage: 40 → 30",
// "rename license Engage → Engage Pro"): the plan before and after are compared.
import { foldName, type Plan, type PlanRename } from '../../shared/index';

const n = (value: number): string => value.toLocaleString('en-US');

interface Named {
  readonly name: string;
  readonly seats: number;
  readonly addOnsAllowed?: boolean;
}

/** What changed in one list (licenses or add-ons), or null when nothing did. */
function listChange(kind: 'license' | 'add-on', before: readonly Named[], after: readonly Named[], renames: readonly PlanRename[]): string | null {
  const had = new Set(before.map((x) => foldName(x.name)));
  const has = new Set(after.map((x) => foldName(x.name)));
  const added = after.filter((x) => !had.has(foldName(x.name)));
  const removed = before.filter((x) => !has.has(foldName(x.name)));
  const rename = renames.find((r) => (r.kind === 'license') === (kind === 'license'));
  if (rename && added.length === 1 && removed.length === 1) return `rename ${kind} ${rename.from} → ${rename.to}`;
  if (added.length === 1 && removed.length === 0) return `add ${kind} ${added[0].name} (${n(added[0].seats)} ${added[0].seats === 1 ? 'seat' : 'seats'})`;
  if (removed.length === 1 && added.length === 0) return `remove ${kind} ${removed[0].name}`;
  if (added.length > 0 || removed.length > 0) return `change the ${kind}s`;
  const changes: string[] = [];
  after.forEach((x) => {
    const old = before.find((b) => foldName(b.name) === foldName(x.name));
    if (!old) return;
    const label = kind === 'license' ? x.name : `add-on ${x.name}`;
    if (old.name !== x.name) changes.push(`rename ${kind} ${old.name} → ${x.name}`);
    if (old.seats !== x.seats) changes.push(`seats of ${label}: ${n(old.seats)} → ${n(x.seats)}`);
    if (old.addOnsAllowed !== x.addOnsAllowed) changes.push(`${label}: ${x.addOnsAllowed ? 'add-ons allowed' : 'no add-ons allowed'}`);
  });
  if (changes.length === 0 && before.some((b, i) => foldName(b.name) !== foldName(after[i]?.name ?? ''))) return `reorder the ${kind}s`;
  return changes.length === 0 ? null : changes.join('; ');
}

/** The undo label of a plan edit. */
export function describePlanChange(before: Plan, after: Plan, renames: readonly PlanRename[] = []): string {
  const parts = [listChange('license', before.licenses, after.licenses, renames), listChange('add-on', before.addOns, after.addOns, renames)].filter((p): p is string => p !== null);
  if (parts.length === 0) return 'edit the plan';
  return parts.length === 1 ? parts[0] : 'edit the plan';
}
