// A list of findings, each row-level one linking to its cell; capped with "show more" (100k are possible).
import { useDeferredValue, useState } from 'react';
import { SEVERITY, describeFinding, type Finding } from '../../shared/index';
import { showCell } from '../store/actions';
import { appStore } from '../store/appStore';
import { findingColumn, findingHasRow, findingRow, findingSheetRow, findingWhere } from '../store/findingPlace';
import { findingsOf, isOpen, sessionOf } from '../store/reads';
import type { SeverityChoice } from '../store/selectors';
import { useApp } from '../store/useApp';

const PAGE = 100;

function open(f: Finding): void {
  const session = appStore.getState().open?.session;
  if (!session) return;
  const r = findingRow(session, f);
  if (r >= 0) showCell(r, findingColumn(session, f));
}

export function FindingsList({ severity = 'all', compact = false, testId }: { severity?: SeverityChoice; compact?: boolean; testId?: string }) {
  const [limit, setLimit] = useState(PAGE);
  const opened = useApp(isOpen);
  const session = useApp(sessionOf);
  // Deferred: an edit paints its cell and counters first; this (possibly long) list follows.
  const list = useDeferredValue(useApp((s) => findingsOf(s, limit, severity)));
  if (!opened || !session) return null;
  if (list.items.length === 0) {
    return <p className="empty-note" data-testid={testId}>{severity === 'warning' ? 'No warnings.' : severity === 'error' ? 'No errors: the file is ready to upload.' : 'No problems found.'}</p>;
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
