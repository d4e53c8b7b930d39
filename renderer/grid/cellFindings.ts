// Findings of the cells on screen, cached per session revision (the grid asks per cell, per render).
import { SEVERITY, describeFinding, type Finding, type MigrationSession } from '../../shared/index';

let cachedSession: MigrationSession | null = null;
let cachedRevision = -1;
const cache = new Map<number, Finding[]>();

function rowFindings(session: MigrationSession, r: number): Finding[] {
  if (session !== cachedSession || session.revision !== cachedRevision) {
    cache.clear();
    cachedSession = session;
    cachedRevision = session.revision;
  }
  let list = cache.get(r);
  if (list === undefined) {
    list = session.rowSeverity(r) === 0 ? [] : session.findingsForRow(r);
    cache.set(r, list);
  }
  return list;
}

/** Forget cached findings (the session changed without a revision bump, e.g. a new file). */
export function clearCellFindings(): void {
  cache.clear();
  cachedSession = null;
  severityCache.clear();
  severitySession = null;
}

export function findingsOfCell(session: MigrationSession, r: number, column: number, keyColumn: number): Finding[] {
  return rowFindings(session, r).filter((f) => f.column === column || (f.column === null && column === keyColumn));
}

const severityCache = new Map<number, Map<number | null, 'error' | 'warning'>>();
let severityRevision = -1;
let severitySession: MigrationSession | null = null;

/** The worst severity per column of a row, computed once per row and revision (asked per cell, per render). */
function rowSeverities(session: MigrationSession, r: number): Map<number | null, 'error' | 'warning'> {
  if (session !== severitySession || session.revision !== severityRevision) {
    severityCache.clear();
    severitySession = session;
    severityRevision = session.revision;
  }
  let map = severityCache.get(r);
  if (map === undefined) {
    map = new Map();
    for (const f of rowFindings(session, r)) {
      if (SEVERITY[f.code] === 'error') map.set(f.column, 'error');
      else if (!map.has(f.column)) map.set(f.column, 'warning');
    }
    severityCache.set(r, map);
  }
  return map;
}

export function severityOfCell(session: MigrationSession, r: number, column: number, keyColumn: number): 'error' | 'warning' | null {
  if (session.rowSeverity(r) === 0) return null;
  const map = rowSeverities(session, r);
  const named = map.get(column) ?? null;
  if (column !== keyColumn) return named;
  const fileLevel = map.get(null) ?? null;
  return named === 'error' || fileLevel === 'error' ? 'error' : (named ?? fileLevel);
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

export function rowFindingsOf(session: MigrationSession, r: number): Finding[] {
  return rowFindings(session, r);
}
