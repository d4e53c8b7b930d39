// The New Add-ons editor: a small multi-select (AG Grid's is Enterprise), each add-on with seats left,
// offered only when the row's New License allows add-ons (docs/rules.md "Seats").
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { closestName } from '../../shared/index';
import { editAddOns } from '../store/actions';
import { seatsOf, sessionOf } from '../store/reads';
import { addOnOptions } from '../store/selectors';
import { useApp } from '../store/useApp';
import { cellFindingsText } from './cellFindings';
import { useEditorPopupName } from './editorPopup';
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
  const root = useRef<HTMLDivElement>(null);
  useEditorPopupName(root, session && r >= 0 ? `New Add-ons of row ${session.rowNumber(r).toLocaleString('en-US')}` : 'New Add-ons');
  // The cell's findings as they were when the editor opened (the tooltip they replace).
  const [findings] = useState(() => (session ? (cellFindingsText(session, r, Number(props.column.getColId())) ?? null) : null));

  /** The choices and Apply, in order: what Tab and the arrows move between. */
  const focusables = (): HTMLElement[] => {
    const list: (HTMLElement | null)[] = [...boxes.current.filter((b) => b !== null && !b.disabled), ...(root.current ? [...root.current.querySelectorAll<HTMLInputElement>('.option.unknown input')] : []), doneRef.current];
    return list.filter((e): e is HTMLElement => e !== null);
  };
  const move = (delta: number): void => {
    const list = focusables();
    const at = list.indexOf(document.activeElement as HTMLElement);
    list[(at + delta + list.length) % list.length]?.focus();
  };

  // Tab moves between the choices (and Apply) inside the popup: caught before the grid sees it, which
  // would close the editor and move to the next cell.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onTab = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Tab' || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      move(event.shiftKey ? -1 : 1);
    };
    el.addEventListener('keydown', onTab);
    return () => el.removeEventListener('keydown', onTab);
  });

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
      move(event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <div className="editor-popup" data-testid="addons-editor" onKeyDown={onKeyDown} ref={root}>
      <div className="editor-title">New Add-ons</div>
      {findings && (
        <p className="editor-findings" data-testid="editor-findings">
          {findings}
        </p>
      )}
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
        <span className="editor-hint">Space toggle · Tab next · Enter apply · Esc cancel</span>
        <button type="button" className="button primary small" ref={doneRef} onClick={commit}>
          Apply
        </button>
      </div>
    </div>
  );
}
