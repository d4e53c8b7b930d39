// A list of findings, each row-level one linking to its cell; capped with "show more" (100k are possible).
import { useDeferredValue, useMemo, useState } from 'react';
import { SEVERITY, describeFinding, type Finding } from '../../shared/index';
import { showCell } from '../store/actions';
import { useAppStore } from '../store/appStore';
import { collectFindings } from '../store/selectors';
import { currentSession } from '../store/sessionHolder';

const PAGE = 100;

export function FindingsList({ severity = 'all', compact = false, testId }: { severity?: 'all' | 'error' | 'warning'; compact?: boolean; testId?: string }) {
  // Deferred: an edit paints its cell and counters first; this (possibly long) list follows when idle.
  const revision = useDeferredValue(useAppStore((s) => s.revision));
  const openSeq = useAppStore((s) => s.openSeq);
  const [limit, setLimit] = useState(PAGE);
  const session = currentSession();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- re-read when the session changes (revision)
  const list = useMemo(() => (session ? collectFindings(session, limit, severity) : { items: [], more: false }), [session, limit, severity, revision, openSeq]);
  if (!session) return null;
  if (list.items.length === 0) {
    return <p className="empty-note" data-testid={testId}>{severity === 'warning' ? 'No warnings.' : severity === 'error' ? 'No errors: the file is ready to upload.' : 'No problems found.'}</p>;
  }
  const open = (f: Finding): void => {
    if (f.record !== null && f.record >= 0) showCell(f.record, f.column ?? -1);
  };
  return (
    <div className={`findings${compact ? ' compact' : ''}`} data-testid={testId}>
      <ul>
        {list.items.map((f, i) => {
          const placed = session.place(f);
          const { message, suggestion } = describeFinding(placed);
          const sev = SEVERITY[f.code];
          const where = placed.row === null ? 'Whole file' : `Row ${placed.row}${placed.column ? ` · ${placed.column}` : ''}`;
          const body = (
            <>
              <span className={`badge ${sev}`}>{sev === 'error' ? 'Error' : 'Warning'}</span>
              <span className="finding-where">{where}</span>
              <span className="finding-code">{f.code}</span>
              <span className="finding-message">
                {message}
                {suggestion && !compact ? <span className="finding-suggestion"> {suggestion}</span> : null}
              </span>
            </>
          );
          return (
            <li key={i} className={`finding ${sev}`} data-code={f.code} data-row={placed.row ?? ''}>
              {f.record !== null && f.record >= 0 ? (
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
