// Findings of the cells on screen, per row, computed once per store version (the grid asks per cell,
// per render: class rules twice, the tooltip on hover).
import { SEVERITY, describeFinding, type Finding, type MigrationSession } from '../../shared/index';
import { appStore } from '../store/appStore';
import { findingCellKey, findingInCell } from '../store/findingPlace';

interface RowCache {
  readonly findings: readonly Finding[];
  /** Worst severity per finding cell key (findingCellKey). */
  readonly severity: ReadonlyMap<number | null, 'error' | 'warning'>;
}

let cachedSession: MigrationSession | null = null;
let cachedVersion = -1;
const rows = new Map<number, RowCache>();
const NONE: RowCache = { findings: [], severity: new Map() };

function rowCache(session: MigrationSession, r: number): RowCache {
  const { version } = appStore.getState();
  if (session !== cachedSession || version !== cachedVersion) {
    rows.clear();
    cachedSession = session;
    cachedVersion = version;
  }
  let entry = rows.get(r);
  if (entry === undefined) {
    if (session.rowSeverity(r) === 0) entry = NONE;
    else {
      const findings = session.findingsForRow(r);
      const severity = new Map<number | null, 'error' | 'warning'>();
      for (const f of findings) {
        const key = findingCellKey(f);
        if (SEVERITY[f.code] === 'error') severity.set(key, 'error');
        else if (!severity.has(key)) severity.set(key, 'warning');
      }
      entry = { findings, severity };
    }
    rows.set(r, entry);
  }
  return entry;
}

export function findingsOfCell(session: MigrationSession, r: number, column: number, keyColumn: number): Finding[] {
  return rowCache(session, r).findings.filter((f) => findingInCell(session, f, column, keyColumn));
}

export function severityOfCell(session: MigrationSession, r: number, column: number, keyColumn: number): 'error' | 'warning' | null {
  if (session.rowSeverity(r) === 0) return null;
  const { findings, severity } = rowCache(session, r);
  if (findings.length === 0) return null;
  let worst: 'error' | 'warning' | null = null;
  for (const [key, level] of severity) {
    const f = findings.find((x) => findingCellKey(x) === key)!;
    if (!findingInCell(session, f, column, keyColumn)) continue;
    if (level === 'error') return 'error';
    worst = 'warning';
  }
  return worst;
}

export function tooltipOfCell(session: MigrationSession, r: number, column: number, keyColumn: number): string | undefined {
  const findings = findingsOfCell(session, r, column, keyColumn);
  if (findings.length === 0) return undefined;
  return findings
    .map((f) => {
      const { message, suggestion } = describeFinding(session.place(f));
      return `${SEVERITY[f.code] === 'error' ? 'Error' : 'Warning'}: ${message}${suggestion ? ` ${suggestion}` : ''}`;
    })
    .join('\n');
}

/** The cell's findings in words ("Warning: …"), for its accessible description, its focus tooltip and its editor; undefined when it has none. */
export function cellFindingsText(session: MigrationSession, r: number, column: number): string | undefined {
  if (r < 0 || session.rowSeverity(r) === 0) return undefined;
  const { columns } = session.source;
  const keyColumn = columns.userId >= 0 ? columns.userId : Math.max(columns.email, 0);
  return tooltipOfCell(session, r, column, keyColumn);
}
