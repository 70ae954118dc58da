// The AG Grid community modules the grids use, registered once at start. Only these are bundled, which keeps the
// script the window evaluates before its first paint small; a feature left out logs AG Grid error #200 (tests watch for it).
import {
  ModuleRegistry, ClientSideRowModelModule, ClientSideRowModelApiModule, RowApiModule, RenderApiModule, ScrollApiModule,
  ColumnApiModule, CellApiModule, EventApiModule, RowSelectionModule, TextEditorModule, CustomEditorModule, TooltipModule,
  TextFilterModule, NumberFilterModule, ExternalFilterModule, CellStyleModule, RowStyleModule, LocaleModule, RowAutoHeightModule,
} from 'ag-grid-community';

export function registerGridModules(): void {
  ModuleRegistry.registerModules([
    ClientSideRowModelModule, ClientSideRowModelApiModule, RowApiModule, RenderApiModule, ScrollApiModule, ColumnApiModule,
    CellApiModule, EventApiModule, RowSelectionModule, TextEditorModule, CustomEditorModule, TooltipModule, TextFilterModule,
    NumberFilterModule, ExternalFilterModule, CellStyleModule, RowStyleModule, LocaleModule, RowAutoHeightModule,
  ]);
}
