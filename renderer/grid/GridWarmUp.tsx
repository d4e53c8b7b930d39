// The first AG Grid of a page pays for its theme (CSS built and injected, sizes measured) and for running
// its code the first time: at 100,000 users that made opening Assign one task of 60–70 ms. A tiny grid,
// made once while the admin is still choosing a file and removed as soon as it is ready, takes that cost
// when nothing else is happening. It is off screen, hidden and inert: nobody sees, reads or reaches it.
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useState } from 'react';
import type { ColDef, IDatasource } from 'ag-grid-community';
import { registerGridModules } from './modules';
import { gridTheme } from './theme';

registerGridModules();

type Row = { readonly i: number; readonly a: string; readonly b: string };
const COLUMNS: ColDef<Row>[] = [{ field: 'a', pinned: 'left' }, { field: 'b', editable: true }];
const SOURCE: IDatasource = { getRows: (p) => p.successCallback(Array.from({ length: Math.max(0, Math.min(p.endRow, 20) - p.startRow) }, (_, k) => ({ i: p.startRow + k, a: 'a', b: 'b' })), 20) };

/** Once a warm-up grid was ready, the page needs no other. */
let warmed = false;

/** Renders nothing until the page is idle, then a hidden grid once per page, then nothing again. */
export function GridWarmUp({ dark }: { readonly dark: boolean }) {
  const [phase, setPhase] = useState<'wait' | 'grid' | 'done'>(warmed ? 'done' : 'wait');
  useEffect(() => {
    if (phase !== 'wait') return;
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => setPhase('grid'), { timeout: 3000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setPhase('grid'), 500);
    return () => clearTimeout(timer);
  }, [phase]);
  if (phase !== 'grid') return null;
  return (
    <div aria-hidden="true" inert className="grid-warm-up" data-testid="grid-warm-up">
      <AgGridReact<Row> theme={gridTheme(dark)} rowModelType="infinite" datasource={SOURCE} columnDefs={COLUMNS} onFirstDataRendered={() => ((warmed = true), setTimeout(() => setPhase('done'), 0))} />
    </div>
  );
}
