// The check box column's header: "select all shown" (every row the filters show) or clear the selection.
import { useEffect, useRef } from 'react';
import { clearSelection, selectAllShown } from '../store/actions';
import { useApp } from '../store/useApp';

export function SelectAllHeader() {
  const selected = useApp((s) => s.selection.count);
  const shown = useApp((s) => s.view.shown);
  const all = selected > 0 && selected >= shown;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = selected > 0 && !all;
  }, [selected, all]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="row-check"
      aria-label={all ? 'Clear the selection' : 'Select all shown rows'}
      checked={all}
      onChange={() => (all ? clearSelection() : selectAllShown())}
      data-testid="select-all-header"
    />
  );
}
