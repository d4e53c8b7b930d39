// Repair a file edited elsewhere against its original export (docs/rules.md "Repairing a file against the
// original"): each kind of damage with its count and one button, and everything at once; each is one
// undoable step. Once nothing differs but New License / New Add-ons, the original's bytes are written.
import { useRef } from 'react';
import { keepFocusNear } from '../components/focus';
import { repairMany } from '../store/fixActions';
import { differsOf, repairGroupsOf, sessionOf } from '../store/reads';
import { useApp } from '../store/useApp';

const n = (value: number): string => value.toLocaleString('en-US');

export function RepairPanel() {
  const session = useApp(sessionOf);
  const groups = useApp(repairGroupsOf);
  const differs = useApp(differsOf);
  const originalName = useApp((s) => s.open?.originalName ?? null);
  const panel = useRef<HTMLElement>(null);
  if (!session || session.original === null) return null;
  // A group repaired is gone with its button: the keyboard goes on to the next one (or the panel's heading).
  const repair = (key: string, index: number): void => {
    repairMany(key);
    keepFocusNear(panel.current, 'button', index);
  };
  return (
    <section className="panel repair-panel" data-testid="repair-panel" ref={panel} aria-labelledby="repair-panel-title">
      <h2 id="repair-panel-title">Repair from the original export</h2>
      {groups.length === 0 ? (
        <p className="empty-note" data-testid="repair-done">
          {differs ? 'Nothing more can be restored from the original.' : `This file now matches ${originalName ?? 'the original export'} outside New License and New Add-ons: it will be saved as the original export's bytes with your new licenses and add-ons.`}
        </p>
      ) : (
        <>
          <p className="muted small">A spreadsheet changed cells that must stay as exported. Restore them from {originalName ?? 'the original export'}; New License and New Add-ons keep your values.</p>
          <ul className="repair-list">
            {groups.map((g, i) => {
              const what = g.label.charAt(0).toUpperCase() + g.label.slice(1);
              const unit = `${n(g.count)} ${g.count === 1 ? g.unit : `${g.unit}s`}`;
              const verb = g.verb === 'restore' ? 'Restore' : g.verb === 'put back' ? 'Put back' : 'Leave out';
              return (
                <li key={g.key} data-repair={g.key}>
                  <span>
                    <strong>{what}</strong> <span className="muted">· {unit}</span>
                    {g.verb === 'put back' ? <span className="muted small"> (with no new license, as in your file)</span> : null}
                  </span>
                  <button type="button" className="button small" onClick={() => repair(g.key, i)} data-testid="repair-group">
                    {verb} {unit}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button primary" onClick={() => repair('all', 0)} data-testid="repair-all">
            Restore everything from the original
          </button>
        </>
      )}
    </section>
  );
}
