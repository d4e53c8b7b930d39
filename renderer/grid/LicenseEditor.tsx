// The New License editor: plan licenses with seats left, full ones disabled (docs/rules.md "Seats").
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { UNKNOWN_LICENSE } from '../../shared/index';
import { editLicense } from '../store/actions';
import { seatsOf, sessionOf } from '../store/reads';
import { licenseOptions } from '../store/selectors';
import { useApp } from '../store/useApp';
import { cellFindingsText } from './cellFindings';
import { useEditorPopupName } from './editorPopup';
import { refocusCell } from './gridEdits';
import type { GridRow } from './gridRow';

export function LicenseEditor(props: CustomCellEditorProps<GridRow, string>) {
  const r = props.data?.i ?? -1;
  const { onValueChange, stopEditing } = props;
  const session = useApp(sessionOf);
  const seats = useApp(seatsOf);
  const options = useMemo(() => (session && r >= 0 ? [{ name: '', left: 0, disabled: false, note: 'no access' }, ...licenseOptions(session, r, seats)] : []), [session, r, seats]);
  const initial = useMemo(() => {
    // Typed a letter on the cell: start on the first license with that letter.
    const key = props.eventKey;
    if (key !== null && key !== undefined && key.length === 1) {
      const typed = options.findIndex((o) => !o.disabled && o.name.toLowerCase().startsWith(key.toLowerCase()));
      if (typed >= 0) return typed;
    }
    // A misspelled license starts on the plan name it most likely means, never on "No license".
    const value = session ? session.planIndex.license(props.initialValue ?? '') : null;
    const target = value === null ? '' : value.index === UNKNOWN_LICENSE ? (value.closest ?? '') : value.canonical;
    return Math.max(0, options.findIndex((o) => o.name === target));
  }, [options, session, props.initialValue, props.eventKey]);
  const [active, setActive] = useState(initial);
  const listRef = useRef<HTMLUListElement>(null);
  // What Enter applies is what is highlighted, wherever the key lands (the list or the grid): told once, when the editor opens.
  const [opening] = useState(() => (options[initial] && options[initial].name !== (props.initialValue ?? '') ? options[initial].name : null));

  const told = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  useEditorPopupName(root, session && r >= 0 ? `New License of row ${session.rowNumber(r).toLocaleString('en-US')}` : 'New License');
  // The cell's findings as they were when the editor opened (the tooltip they replace).
  const [findings] = useState(() => (session ? (cellFindingsText(session, r, Number(props.column.getColId())) ?? null) : null));

  useEffect(() => {
    if (told.current) return;
    told.current = true;
    listRef.current?.focus();
    if (opening !== null) onValueChange(opening);
  }, [opening, onValueChange]);

  const commit = (index: number): void => {
    const option = options[index];
    if (!option || option.disabled) return;
    stopEditing(true);
    editLicense(r, option.name);
    refocusCell(props.api, props.node.id, props.column.getColId());
  };

  const move = (delta: number): void => {
    for (let i = active + delta; i >= 0 && i < options.length; i += delta) {
      if (!options[i].disabled) {
        setActive(i);
        onValueChange(options[i].name);
        return;
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      commit(active);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase();
      const found = options.findIndex((o, i) => i > 0 && !o.disabled && o.name.toLowerCase().startsWith(letter));
      if (found >= 0) {
        setActive(found);
        onValueChange(options[found].name);
      }
    }
  };

  return (
    <div className="editor-popup" data-testid="license-editor" ref={root}>
      <div className="editor-title">New License</div>
      {findings && (
        <p className="editor-findings" data-testid="editor-findings">
          {findings}
        </p>
      )}
      <ul className="option-list" role="listbox" aria-label="New License" tabIndex={0} ref={listRef} onKeyDown={onKeyDown} aria-activedescendant={`license-option-${active}`}>
        {options.map((option, index) => (
          <li
            key={option.name || '(none)'}
            id={`license-option-${index}`}
            role="option"
            aria-selected={index === active}
            aria-disabled={option.disabled}
            className={`option${index === active ? ' active' : ''}${option.disabled ? ' disabled' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => commit(index)}
          >
            <span className="option-name">{option.name === '' ? 'No license' : option.name}</span>
            <span className={`option-note${option.left < 0 ? ' over' : ''}`}>{option.note}</span>
          </li>
        ))}
      </ul>
      <div className="editor-hint">↑↓ choose · Enter apply · Esc cancel</div>
    </div>
  );
}
