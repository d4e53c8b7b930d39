// The New Add-ons editor: a small multi-select (AG Grid's is Enterprise), each add-on with seats left,
// offered only when the row's New License allows add-ons (docs/rules.md "Seats").
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { closestName } from '../../shared/index';
import { editAddOns } from '../store/actions';
import { seatsOf, sessionOf } from '../store/reads';
import { addOnOptions } from '../store/selectors';
import { useApp } from '../store/useApp';
import { refocusCell } from './gridEdits';
import type { GridRow } from './gridRow';

export function AddOnsEditor(props: CustomCellEditorProps<GridRow, string>) {
  const r = props.data?.i ?? -1;
  const { onValueChange, stopEditing } = props;
  const session = useApp(sessionOf);
  const seats = useApp(seatsOf);
  const view = useMemo(() => (session && r >= 0 ? addOnOptions(session, r, session.licenseOf(r), seats) : { allowed: false, reason: '', options: [] }), [session, r, seats]);
  const [mask, setMask] = useState(() => (session ? session.planIndex.addOns(props.initialValue ?? '').mask : 0));
  // Names the plan does not know are kept (and shown) until the admin unticks them: never dropped silently.
  const unknown = useMemo(() => (session ? session.planIndex.unknownAddOns(props.initialValue ?? '') : []), [session, props.initialValue]);
  const [kept, setKept] = useState<readonly string[]>(() => unknown);
  const closestOf = (name: string): string | null => (session ? closestName(name, session.planIndex.addOnNames) : null);
  const boxes = useRef<(HTMLInputElement | null)[]>([]);
  const doneRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const first = boxes.current.find((b) => b && !b.disabled);
    (first ?? doneRef.current)?.focus();
  }, []);

  const text = (m: number, others: readonly string[] = kept): string => [session ? session.planIndex.addOnsText(m) : '', ...others].filter((t) => t !== '').join(', ');

  const toggle = (i: number): void => {
    const next = mask ^ (1 << i);
    setMask(next);
    onValueChange(text(next));
  };

  const toggleUnknown = (name: string): void => {
    const next = kept.includes(name) ? kept.filter((k) => k !== name) : [...kept, name];
    setKept(next);
    onValueChange(text(mask, next));
  };

  const commit = (): void => {
    stopEditing(true);
    editAddOns(r, text(mask));
    refocusCell(props.api, props.node.id, props.column.getColId());
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      commit();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      const focusables = [...boxes.current.filter((b): b is HTMLInputElement => b !== null && !b.disabled), doneRef.current].filter((e) => e !== null);
      const at = focusables.indexOf(document.activeElement as HTMLInputElement);
      const next = focusables[(at + (event.key === 'ArrowDown' ? 1 : focusables.length - 1)) % focusables.length];
      next?.focus();
    }
  };

  return (
    <div className="editor-popup" data-testid="addons-editor" onKeyDown={onKeyDown}>
      <div className="editor-title">New Add-ons</div>
      {!view.allowed && <p className="editor-reason">{view.reason}</p>}
      <div className="option-list" role="group" aria-label="New Add-ons">
        {view.options.map((option, i) => {
          const checked = (mask & (1 << i)) !== 0;
          return (
            <label key={option.name} className={`option${option.disabled && !checked ? ' disabled' : ''}`}>
              <input type="checkbox" ref={(el) => void (boxes.current[i] = el)} checked={checked} disabled={option.disabled && !checked} onChange={() => toggle(i)} />
              <span className="option-name">{option.name}</span>
              <span className={`option-note${option.left < 0 ? ' over' : ''}`}>{option.note}</span>
            </label>
          );
        })}
        {unknown.map((name) => (
          <label key={`unknown:${name}`} className="option unknown">
            <input type="checkbox" checked={kept.includes(name)} onChange={() => toggleUnknown(name)} />
            <span className="option-name">{name}</span>
            <span className="option-note over">not in the plan{closestOf(name) ? ` — did you mean ${closestOf(name)}?` : ''}</span>
          </label>
        ))}
      </div>
      <div className="editor-actions">
        <span className="editor-hint">Space toggle · Enter apply · Esc cancel</span>
        <button type="button" className="button primary small" ref={doneRef} onClick={commit}>
          Apply
        </button>
      </div>
    </div>
  );
}
