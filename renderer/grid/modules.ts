// AG Grid Community modules, registered explicitly (no enterprise, no licence key).
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  ExternalFilterModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TooltipModule,
  ValidationModule,
  EventApiModule,
} from 'ag-grid-community';

let registered = false;

export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    CustomEditorModule,
    CellStyleModule,
    ExternalFilterModule,
    RowSelectionModule,
    TooltipModule,
    ScrollApiModule,
    RowApiModule,
    RenderApiModule,
    ColumnApiModule,
      EventApiModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
