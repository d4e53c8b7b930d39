// A list of findings, errors first, each row-level one linking to its cell and each with the fix it
// offers (restore from the original, "Did you mean …", show the holders of a full license); capped with
// "show more" (100k are possible).
import { useDeferredValue, useState } from 'react';
import { SEVERITY, describeFinding, findingRepair, suggestionQuery, type Finding, type FindingCode, type MigrationSession } from '../../shared/index';
import { showCell } from '../store/actions';
import { keepFocusNear } from './focus';
import { appStore } from '../store/appStore';
import { chooseEncoding } from '../store/fileActions';
import { findingColumn, findingHasRow, findingRow, findingSheetRow, findingWhere } from '../store/findingPlace';
import { applySuggestion, repairFinding, showHolders } from '../store/fixActions';
import { findingsOf, isOpen, sessionOf, suggestionCountOf } from '../store/reads';
import type { SeverityChoice } from '../store/selectors';
import { useApp } from '../store/useApp';

const PAGE = 100;

function open(f: Finding): void {
  const session = appStore.getState().open?.session;
  if (!session) return;
  const r = findingRow(session, f);
  if (r >= 0) showCell(r, findingColumn(session, f));
}

/** The button text of a repair from the original export. */
function repairLabel(f: Finding): string {
  if (f.code === 'LOCKED_COLUMN_CHANGED') return f.record !== null && f.record >= 0 ? 'Restore from the original' : "Use the original's columns";
  if (f.code === 'USER_REMOVED') return 'Put back';
  return 'Leave this row out';
}

/** A fix removes its finding (and the button clicked): the keyboard goes on to the finding now in its place. */
function fixed(button: HTMLElement, fix: () => unknown): void {
  const item = button.closest('li');
  const list = item?.parentElement ?? null;
  const index = list === null || item === null ? 0 : [...list.children].indexOf(item);
  fix();
  keepFocusNear(list?.closest<HTMLElement>('.findings') ?? null, '.finding-link', index);
}

function SuggestionButtons({ finding }: { finding: Finding }) {
  const query = suggestionQuery(finding);
  const all = useApp((s) => (query === null ? 0 : suggestionCountOf(s, finding.code, query.find)));
  if (query === null) return null;
  return (
    <>
      <button type="button" className="button small" onClick={(e) => fixed(e.currentTarget, () => applySuggestion(finding, 'cell'))} data-testid="apply-suggestion">
        Use “{query.replace}”
      </button>
      {all > 1 && (
        <button type="button" className="button small ghost" onClick={(e) => fixed(e.currentTarget, () => applySuggestion(finding, 'all'))} data-testid="apply-suggestion-all">
          Fix all {all.toLocaleString('en-US')} like this
        </button>
      )}
    </>
  );
}

export function FindingActions({ session, finding }: { session: MigrationSession; finding: Finding }) {
  const repair = findingRepair(session, finding) !== null;
  if (finding.code === 'SEATS_EXCEEDED') {
    const list = finding.kind === 'license' ? session.plan.licenses : session.plan.addOns;
    const index = list.findIndex((item) => item.name === finding.name);
    if (index < 0) return null;
    return (
      <span className="finding-actions">
        <button type="button" className="button small" onClick={() => showHolders({ kind: finding.kind, index, name: finding.name })} data-testid="show-holders">
          Show the {finding.assigned.toLocaleString('en-US')} holders
        </button>
      </span>
    );
  }
  if (finding.code === 'ENCODING_GUESSED') {
    return (
      <span className="finding-actions">
        <button type="button" className="button small" onClick={() => chooseEncoding()} data-testid="choose-encoding">
          Choose the encoding…
        </button>
      </span>
    );
  }
  const suggests = suggestionQuery(finding) !== null;
  if (!repair && !suggests) return null;
  return (
    <span className="finding-actions">
      {repair && (
        <button type="button" className="button small" onClick={(e) => fixed(e.currentTarget, () => repairFinding(finding))} data-testid="repair-finding">
          {repairLabel(finding)}
        </button>
      )}
      {suggests && <SuggestionButtons finding={finding} />}
    </span>
  );
}

export function FindingsList({ severity = 'all', code = null, compact = false, testId }: { severity?: SeverityChoice; code?: FindingCode | null; compact?: boolean; testId?: string }) {
  const [limit, setLimit] = useState(PAGE);
  const opened = useApp(isOpen);
  const session = useApp(sessionOf);
  // Deferred: an edit paints its cell and counters first; this (possibly long) list follows.
  const list = useDeferredValue(useApp((s) => findingsOf(s, limit, severity, code ?? '')));
  if (!opened || !session) return null;
  if (list.items.length === 0) {
    const none = code !== null ? `No ${code} findings.` : severity === 'warning' ? 'No warnings.' : severity === 'error' ? 'No errors: the file is ready to upload.' : 'No problems found.';
    return (
      <p className="empty-note" data-testid={testId}>
        {none}
      </p>
    );
  }
  return (
    <div className={`findings${compact ? ' compact' : ''}`} data-testid={testId}>
      <ul>
        {list.items.map((f, i) => {
          const placed = session.place(f);
          const { message, suggestion } = describeFinding(placed);
          const sev = SEVERITY[f.code];
          const body = (
            <>
              <span className={`badge ${sev}`}>{sev === 'error' ? 'Error' : 'Warning'}</span>
              <span className="finding-where">{findingWhere(session, f)}</span>
              <span className="finding-code">{f.code}</span>
              <span className="finding-message">
                {message}
                {suggestion && !compact ? <span className="finding-suggestion"> {suggestion}</span> : null}
              </span>
            </>
          );
          return (
            <li key={i} className={`finding ${sev}`} data-code={f.code} data-row={findingSheetRow(session, f) ?? ''}>
              {findingHasRow(f) ? (
                <button type="button" className="finding-link" onClick={() => open(f)} title={suggestion ?? message}>
                  {body}
                </button>
              ) : (
                <div className="finding-static">{body}</div>
              )}
              <FindingActions session={session} finding={f} />
            </li>
          );
        })}
      </ul>
      {list.more && (
        <button type="button" className="button ghost small" onClick={() => setLimit(limit + PAGE * 2)}>
          Show more
        </button>
      )}
    </div>
  );
}
