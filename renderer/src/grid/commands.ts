// The spreadsheet commands over the cell range: copy as TSV, paste a TSV block, fill down, clear. Each write is one
// undoable action; read-only columns are skipped and named, a bad value refuses the whole batch naming its row.
import { drafts, draftKey } from '../state/drafts';
import type { GridApi, IRowNode, Column } from 'ag-grid-community';
import { toTsv, parseTsv } from './tsv';
import { covered, dataColumns, type Range } from './range';
import { cellValue, type GridSpec } from './spec';
import { isGroup } from './grouping';
import { saveEdits, type CellEdit, type EditSource } from '../state/changes';
import { toast } from '../toast';
import { ApiError } from '../api';

export interface Ctx<T extends { id: string }> { api: GridApi; spec: GridSpec<T>; roundId: number; range: Range | null }

const header = (c: Column) => c.getColDef().headerName ?? c.getColId();

/** The range (or the focused cell) as TSV of the values as shown. */
export function copyRange<T extends { id: string }>(ctx: Ctx<T>): { text: string; rows: number; cols: number } | null {
  const c = covered(ctx.api, ctx.range);
  if (!c || !c.rows.length) return null;
  const rows = c.rows.map((n) => c.cols.map((col) => {
    const v = ctx.api.getCellValue({ rowNode: n, colKey: col, useFormatter: true });
    return v == null ? '' : String(v);
  }));
  return { text: toTsv(rows), rows: rows.length, cols: c.cols.length };
}

/** Data rows from displayed index `from` on, passing over group headers. */
function rowsFrom(api: GridApi, from: number, count: number): IRowNode[] {
  const out: IRowNode[] = [];
  for (let i = from; out.length < count && i < api.getDisplayedRowCount(); i++) {
    const n = api.getDisplayedRowAtIndex(i);
    if (n?.data && !isGroup(n.data)) out.push(n);
  }
  return out;
}

export async function pasteText<T extends { id: string }>(ctx: Ctx<T>, text: string): Promise<void> {
  const block = parseTsv(text.replace(/\r?\n$/, ''));
  const c = covered(ctx.api, ctx.range);
  if (!c || !c.rows.length || !block.length) return;
  const editable = new Set(ctx.spec.editable);
  const cols = dataColumns(ctx.api);
  const startCol = cols.indexOf(c.cols[0]);
  const single = block.length === 1 && block[0].length === 1;
  // One value into a larger range fills the range, as in Excel.
  const targetRows = single ? c.rows : rowsFrom(ctx.api, c.rows[0].rowIndex!, block.length);
  const width = single ? c.cols.length : Math.max(...block.map((r) => r.length));
  const edits: CellEdit[] = [];
  const skipped = new Set<string>();
  let outside = 0;
  targetRows.forEach((node, ri) => {
    for (let ci = 0; ci < width; ci++) {
      const value = single ? block[0][0] : block[ri][ci];
      if (value === undefined) continue;
      const col = cols[startCol + ci];
      if (!col) { outside++; continue; }
      if (!editable.has(col.getColId())) { skipped.add(header(col)); continue; }
      edits.push({ id: (node.data as T).id, field: col.getColId(), value });
    }
  });
  outside += single ? 0 : Math.max(0, block.length - targetRows.length) * width;
  const notes: string[] = [];
  if (skipped.size) notes.push(`「${[...skipped].join('」「')}」为只读列,已跳过`);
  if (outside) notes.push(`${outside} 个单元格超出表格范围,未粘贴`);
  if (!edits.length) {
    toast(`没有可粘贴的单元格${notes.length ? ':' + notes.join(';') : ''}`, 'error');
    return;
  }
  await commit(ctx, edits, 'paste', `已粘贴 ${edits.length} 个单元格${notes.length ? ';' + notes.join(';') : ''}`);
}

/** Ctrl+D: the range's first row copied into the rows below it; a one-row range takes the row above. */
export async function fillDown<T extends { id: string }>(ctx: Ctx<T>): Promise<void> {
  const c = covered(ctx.api, ctx.range);
  if (!c || !c.rows.length) return;
  let source = c.rows[0];
  let targets = c.rows.slice(1);
  if (c.rows.length === 1) {
    const above = ctx.api.getDisplayedRowAtIndex((c.rows[0].rowIndex ?? 0) - 1);
    if (!above?.data || isGroup(above.data)) return;
    source = above;
    targets = c.rows;
  }
  const fields = c.cols.map((col) => col.getColId()).filter((f) => ctx.spec.editable.includes(f));
  if (!fields.length) {
    toast('选区中没有可编辑的列,未填充', 'error');
    return;
  }
  const edits = targets.flatMap((n) => fields.map((f) => ({ id: (n.data as T).id, field: f, value: cellValue(ctx.spec, source.data, f) })));
  await commit(ctx, edits, 'fill', `已向下填充 ${edits.length} 个单元格`);
}

export async function clearRange<T extends { id: string }>(ctx: Ctx<T>): Promise<void> {
  const c = covered(ctx.api, ctx.range);
  if (!c) return;
  const fields = c.cols.map((col) => col.getColId()).filter((f) => ctx.spec.editable.includes(f));
  const edits = c.rows.flatMap((n) => fields.map((f) => ({ id: (n.data as T).id, field: f, value: null })));
  if (edits.length) await commit(ctx, edits, 'edit', `已清除 ${edits.length} 个单元格`);
}

/** Checks, saves as one action, and explains a refusal with the row it concerns. */
export async function commit<T extends { id: string }>(ctx: Ctx<T>, edits: CellEdit[], source: EditSource, done?: string): Promise<boolean> {
  const rowOf = (id: string) => ctx.api.getRowNode(id)?.data as T | undefined;
  const refusal = ctx.spec.check?.(edits, rowOf);
  if (refusal) {
    toast(`${refusal}。未做任何修改。`, 'error');
    return false;
  }
  // Typed text is kept as a local draft until the database has it (see state/drafts.ts).
  const typed = source === 'edit' ? edits.filter((e) => typeof e.value === 'string' && e.value !== '') : [];
  const keys = typed.map((e) => draftKey(ctx.roundId, ctx.spec.entity, e.id, e.field));
  typed.forEach((e, i) => drafts.set(keys[i], String(e.value)));
  try {
    await (ctx.spec.save ? ctx.spec.save(edits, source) : saveEdits(ctx.spec.entity, ctx.roundId, ctx.spec.compareRoundId, edits, source));
    keys.forEach((k) => drafts.drop(k));
    if (done) toast(done, 'success');
    return true;
  } catch (e) {
    const offline = e instanceof ApiError && e.code === 'offline';
    if (!offline) keys.forEach((k) => drafts.drop(k));
    else { toast('无法连接到本机服务,输入的内容已暂存;恢复连接后打开该行的详情即可保存。', 'error'); return false; }
    const msg = e instanceof Error ? e.message : String(e);
    toast(msg.replace(/第 (\d+) 个单元格/, (_, i: string) => {
      const edit = edits[Number(i) - 1];
      const row = edit && rowOf(edit.id);
      const at = edit ? ctx.api.getRowNode(edit.id)?.rowIndex : null;
      return row ? `「${ctx.spec.label(row).slice(0, 24)}」${at != null ? `(第 ${at + 1} 行)` : ''}` : `第 ${i} 个单元格`;
    }), 'error');
    return false;
  }
}
