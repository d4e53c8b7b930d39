// Find & replace in New License / New Add-ons (docs/rules.md "Fixing many cells at once"): the whole
// cell or one add-on inside a list, with or without case; how many cells change and the seat impact are
// shown before it is applied as one undoable step.
import { useDeferredValue, useState } from 'react';
import type { ReplaceQuery } from '../../shared/index';
import { Dialog } from '../components/Dialog';
import { appStore } from '../store/appStore';
import { replaceAll } from '../store/fixActions';
import { planOf, replacePreviewOf } from '../store/reads';
import { selectedRows } from '../store/selection';
import { useApp } from '../store/useApp';
import { SeatImpactTable } from './BulkDialogs';

export function FindReplaceDialog({ onClose }: { onClose: () => void }) {
  const plan = useApp(planOf);
  const selected = useApp((s) => s.selection.count);
  const [column, setColumn] = useState<ReplaceQuery['column']>('license');
  const [match, setMatch] = useState<ReplaceQuery['match']>('cell');
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [ignoreCase, setIgnoreCase] = useState(true);
  const [onlySelected, setOnlySelected] = useState(false);
  const query: ReplaceQuery = { column, find, replace, match: column === 'license' ? 'cell' : match, ignoreCase };
  const inSelection = onlySelected && selected > 0;
  // Typing stays quick on a large file: the preview follows the query a moment later.
  const deferred = useDeferredValue(query);
  const changes = useApp((s) => replacePreviewOf(s, deferred.column, deferred.find, deferred.replace, deferred.match, deferred.ignoreCase ? 1 : 0, inSelection ? 1 : 0));
  const names = column === 'license' ? plan.licenses.map((l) => l.name) : plan.addOns.map((a) => a.name);
  const wholeEmpty = query.match === 'cell' && find.trim() === '';
  const apply = (): void => {
    replaceAll(query, inSelection ? selectedRows(appStore.getState().selection) : undefined);
    onClose();
  };
  return (
    <Dialog title="Find & replace" onClose={onClose} testId="replace-dialog">
      <p className="muted">Only New License and New Add-ons change. Check how many cells and the seats before replacing; you can undo it.</p>
      <div className="form-grid">
        <label className="field">
          <span>In</span>
          <select value={column} onChange={(e) => setColumn(e.target.value as ReplaceQuery['column'])} data-testid="replace-column">
            <option value="license">New License</option>
            <option value="addOns">New Add-ons</option>
          </select>
        </label>
        {column === 'addOns' && (
          <fieldset className="field">
            <legend>Match</legend>
            <label className="inline">
              <input type="radio" name="replace-match" checked={match === 'addOn'} onChange={() => setMatch('addOn')} data-testid="replace-match-addon" /> one add-on inside a list
            </label>
            <label className="inline">
              <input type="radio" name="replace-match" checked={match === 'cell'} onChange={() => setMatch('cell')} /> the whole cell
            </label>
          </fieldset>
        )}
        <label className="field">
          <span>Find</span>
          <input type="text" value={find} onChange={(e) => setFind(e.target.value)} placeholder={query.match === 'cell' ? 'empty: the empty cells' : 'an add-on name'} data-testid="replace-find" />
        </label>
        <label className="field">
          <span>Replace with</span>
          <input type="text" list="replace-names" value={replace} onChange={(e) => setReplace(e.target.value)} placeholder={query.match === 'addOn' ? 'empty: remove it from the list' : 'empty: empty the cell'} data-testid="replace-with" />
          <datalist id="replace-names">
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="inline">
          <input type="checkbox" checked={ignoreCase} onChange={(e) => setIgnoreCase(e.target.checked)} data-testid="replace-ignore-case" /> Ignore case and extra spaces
        </label>
        {selected > 0 && (
          <label className="inline">
            <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} data-testid="replace-selected" /> Only in the {selected.toLocaleString('en-US')} selected rows
          </label>
        )}
      </div>
      <p className="replace-preview" data-testid="replace-preview" aria-live="polite">
        {query.match === 'addOn' && find.trim() === ''
          ? 'Type the add-on to find.'
          : `${changes.length.toLocaleString('en-US')} ${changes.length === 1 ? 'cell' : 'cells'} will change${wholeEmpty ? ' (empty cells are filled)' : ''}.`}
      </p>
      <h3>Seat impact</h3>
      <SeatImpactTable changes={changes} testId="replace-impact" />
      <div className="dialog-actions">
        <button type="button" className="button ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={apply} disabled={changes.length === 0} data-testid="replace-apply">
          Replace in {changes.length.toLocaleString('en-US')} {changes.length === 1 ? 'cell' : 'cells'}
        </button>
      </div>
    </Dialog>
  );
}
