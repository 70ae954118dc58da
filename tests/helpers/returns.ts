// Returns workbooks for tests: export one through the service, find a row by its hidden id and a column by its header,
// fill cells and the contacts block as a unit would, save the filled copy; read the data validations a workbook declares.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { call } from '../../core/dispatch';
import type { Context } from '../../core/common/context';
import { folderTo, writtenPath } from './files';

export const CONTACTS_OK = { filler: '张明', phone: '023-63891234', reviewer: '王建国', filledOn: '2023-07-03' };
export type ContactsIn = Partial<Record<keyof typeof CONTACTS_OK, string | Date | null>>;
const LABELS: Record<keyof typeof CONTACTS_OK, string> = { filler: '填报人', phone: '联系电话', reviewer: '审核人(负责人)', filledOn: '填报日期' };

export async function exportReturn(ctx: Context, roundId: number, unit: string, dir: string): Promise<string> {
  const r = await call(ctx, 'export.returns', { roundId, units: [unit], folder: folderTo(ctx, dir) });
  assert.equal(r.files.length, 1);
  return writtenPath(ctx, r.files[0].handle);
}

export async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The column of a header on row 3. */
export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(3, c).value === header) return c;
  throw new Error(`no column ${header} in ${ws.name}`);
}

export function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}

/** The ids of a sheet's rows, in sheet order. */
export function idsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (let r = 4; r <= ws.rowCount; r++) { const v = ws.getRow(r).getCell(1).value; if (v) out.push(String(v)); }
  return out;
}

/** Sets one cell of a row, by sheet, row id and column header. */
export function put(wb: ExcelJS.Workbook, sheet: '重点任务' | '主要指标', id: string, header: string, value: ExcelJS.CellValue): void {
  const ws = wb.getWorksheet(sheet)!;
  rowOf(ws, id).getCell(columnOf(ws, header)).value = value;
}

/** Fills the contacts block of the first sheet (the ones given; null clears one). */
export function putContacts(wb: ExcelJS.Workbook, contacts: ContactsIn = CONTACTS_OK): void {
  const ws = wb.getWorksheet('填报说明')!;
  for (const [k, v] of Object.entries(contacts) as [keyof typeof CONTACTS_OK, string | Date | null][]) {
    let row = 0;
    for (let r = 1; r <= ws.rowCount && !row; r++) if (ws.getCell(r, 1).value === LABELS[k]) row = r;
    assert.ok(row, `no ${LABELS[k]} in the contacts block`);
    ws.getCell(row, 2).value = v;
  }
}

/** Saves a filled copy beside the original, named for the test. */
export async function saveAs(wb: ExcelJS.Workbook, file: string, suffix: string): Promise<string> {
  const out = path.join(path.dirname(file), `${path.basename(file, '.xlsx')}-${suffix}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

/** Every <dataValidation> of every sheet part: its sqref ranges as [col1, row1, col2, row2]. */
export async function validationRanges(file: string): Promise<Map<string, { sqref: string; type: string }[]>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, { sqref: string; type: string }[]>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    out.set(name, [...xml.matchAll(/<dataValidation\b([^>]*)>/g)].map((m) => ({
      sqref: /sqref="([^"]+)"/.exec(m[1])![1], type: /type="([^"]+)"/.exec(m[1])?.[1] ?? 'any',
    })));
  }
  return out;
}

const colNumber = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function box(ref: string): [number, number, number, number] {
  const [a, b = a] = ref.split(':');
  const p = (x: string) => { const m = /^([A-Z]+)(\d+)$/.exec(x)!; return [colNumber(m[1]), Number(m[2])]; };
  const [c1, r1] = p(a), [c2, r2] = p(b);
  return [c1, r1, c2, r2];
}
/** Fails when a sheet declares a validation over a range another declaration of it also covers. */
export function assertNoOverlap(sheets: Map<string, { sqref: string }[]>, what: string): void {
  for (const [sheet, list] of sheets) {
    const boxes = list.flatMap((v) => v.sqref.split(' ').map(box));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart = a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
      assert.ok(apart, `${what} ${sheet}: ${a} and ${b} overlap`);
    }
  }
}
