// Sheet protection on a streamed worksheet. exceljs's streaming writer puts <sheetProtection> after the data
// validations, where the schema (and Excel) expect it right after </sheetData>; this writes it there instead.
import type { Worksheet, WorksheetProtection } from 'exceljs';

// exceljs internals used here: the writer's steps for closing the sheet data and for the protection element.
interface SheetInternals {
  _writeCloseSheetData(): void;
  _writeSheetProtection(): void;
}

export async function protectStreamed(ws: Worksheet, password: string, options: Partial<WorksheetProtection>): Promise<void> {
  await ws.protect(password, { ...options });
  const sheet = ws as unknown as SheetInternals;
  const closeData = sheet._writeCloseSheetData.bind(sheet);
  const writeProtection = sheet._writeSheetProtection.bind(sheet);
  sheet._writeCloseSheetData = () => {
    closeData();
    writeProtection();
  };
  sheet._writeSheetProtection = () => {};
}
