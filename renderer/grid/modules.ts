// AG Grid Community modules, registered explicitly (no enterprise, no licence key). Rows come from the
// store block by block (the infinite row model); selection, filters and sorting are the store's.
import {
  CellStyleModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

let registered = false;

export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    InfiniteRowModelModule,
    CustomEditorModule,
    CellStyleModule,
    RowStyleModule,
    TooltipModule,
    ScrollApiModule,
    RowApiModule,
    RenderApiModule,
    ColumnApiModule,
    EventApiModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
