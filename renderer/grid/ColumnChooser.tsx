// The column chooser: show or hide the columns of the grid (New License and New Add-ons always shown);
// each choice is remembered on this computer by header name (columnPrefs.ts).
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApp } from '../store/useApp';
import { sessionOf } from '../store/reads';
import { rememberShown, isShown } from './columnPrefs';
import { gridColumns } from './columns';

export function ColumnChooser() {
  const session = useApp(sessionOf);
  const api = useApp((s) => s.grid);
  const list = useMemo(() => (session ? gridColumns(session) : []), [session]);
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const details = useRef<HTMLDetailsElement>(null);
  if (!session) return null;
  // Escape closes the list, and the keyboard is back on its button (not on <body>).
  const onKeyDown = (event: KeyboardEvent): void => {
    const element = details.current;
    if (event.key !== 'Escape' || element === null || !element.open) return;
    event.preventDefault();
    event.stopPropagation();
    element.open = false;
    element.querySelector<HTMLElement>('summary')?.focus();
  };
  const visible = (colId: string, pref: string, byDefault: boolean): boolean => shown[colId] ?? isShown(pref, byDefault);
  const hiddenCount = list.filter((g) => !g.required && !visible(g.colId, g.pref, g.shownByDefault)).length;
  return (
    <details className="column-chooser" data-testid="column-chooser" ref={details} onKeyDown={onKeyDown}>
      <summary className="button small ghost">Columns{hiddenCount > 0 ? ` (${hiddenCount.toLocaleString('en-US')} hidden)` : ''}</summary>
      <div className="column-chooser-list" role="group" aria-label="Columns shown in the grid">
        {list.map((g) => (
          <label key={g.colId} className="inline">
            <input
              type="checkbox"
              checked={g.required || visible(g.colId, g.pref, g.shownByDefault)}
              disabled={g.required}
              onChange={(e) => {
                const on = e.target.checked;
                setShown({ ...shown, [g.colId]: on });
                rememberShown(g.pref, on);
                if (api && !api.isDestroyed()) api.setColumnsVisible([g.colId], on);
              }}
            />{' '}
            {g.label}
            {g.pinned ? <span className="muted small"> (pinned)</span> : null}
          </label>
        ))}
      </div>
    </details>
  );
}
