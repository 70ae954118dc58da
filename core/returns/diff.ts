// Compares filled returns with the database: each changed cell with the value the unit saw, the one here now, and a
// conflict flag when it was also changed here since the export (or by another unit's return). core/write applies them.
import type { DB } from '../../db/connection';
import type { ReturnRowPreview } from '../../contract/files';
import { readField, type Entity } from '../write/edits';
import { normalizeField } from '../rules/normalize';
import { FIELD_LABELS } from '../../contract/labels';
import { asText } from '../../db/repos/history';
import { AppError } from '../common/errors';
import { rowName } from '../../db/repos/rows';
import { cellStatesSince, type CellStates } from '../../db/repos/returns';
import type { ReadReturn, ReadRow } from './read';

export interface PendingRow {
  key: string; file: number; entity: Entity; id: string; roundId: number; conflict: boolean; problem: string | null;
  cells: { field: string; value: string | number | null; current: string | null }[];
}
export interface PendingFile { name: string; unit: string; roundId: number }
export interface ReturnsPending { files: PendingFile[]; rows: PendingRow[] }

const same = (a: string | null, b: string | null) => (a ?? '') === (b ?? '');

function diffRow(db: DB, file: number, name: string, ret: ReadReturn, entity: Entity, row: ReadRow, cellState: CellStates): { preview: ReturnRowPreview; pending: PendingRow } | null {
  const roundId = ret.round.id;
  const problems: string[] = [];
  const preview: ReturnRowPreview = {
    key: `${file}:${entity}:${row.id}`, file: name, unit: ret.exp.unit, entity, entityId: row.id, title: rowName(db, entity, row.id),
    changes: [], conflict: false, problem: null,
  };
  const pending: PendingRow = { key: preview.key, file, entity, id: row.id, roundId, conflict: false, problem: null, cells: [] };
  for (const [field, rv] of row.values) {
    const label = FIELD_LABELS[field] ?? field;
    if ('problem' in rv) {
      problems.push(`${label}:${rv.problem}`);
      continue;
    }
    let value: string | number | null;
    try {
      value = normalizeField(field, rv.value);
    } catch (e) {
      problems.push(`${label}:${e instanceof AppError ? e.message : String(e)}`);
      continue;
    }
    const current = asText(readField(db, entity, roundId, row.id, field));
    const state = cellState(entity, row.id, roundId, field, current);
    const text = asText(value);
    if (same(text, state.exported) || same(text, current)) continue;
    preview.changes.push({ field, label, oldValue: state.exported, newValue: text, conflict: state.changedHere, currentValue: current });
    pending.cells.push({ field, value, current });
  }
  if (problems.length) preview.problem = pending.problem = `第 ${row.line} 行:${problems.join(';')}`;
  if (!preview.changes.length && !problems.length) return null;
  preview.conflict = pending.conflict = preview.changes.some((c) => c.conflict);
  return { preview, pending };
}

/** Rows of several files that set one cell to different values all conflict. */
function crossConflicts(previews: ReturnRowPreview[], pending: PendingRow[]): void {
  const byCell = new Map<string, { value: string | null; at: [number, number] }[]>();
  previews.forEach((p, i) => p.changes.forEach((c, j) => {
    const k = `${p.entity}\u0000${p.entityId}\u0000${c.field}`;
    byCell.set(k, [...(byCell.get(k) ?? []), { value: c.newValue, at: [i, j] }]);
  }));
  for (const list of byCell.values()) {
    if (new Set(list.map((x) => x.value ?? '')).size < 2) continue;
    for (const { at: [i, j] } of list) {
      previews[i].changes[j].conflict = true;
      previews[i].conflict = pending[i].conflict = true;
    }
  }
}

/** `index` is the file's place in the preview's file list, which row keys refer to. */
export function diffReturns(db: DB, files: { index: number; name: string; ret: ReadReturn }[]): { rows: ReturnRowPreview[]; pending: PendingRow[] } {
  const rows: ReturnRowPreview[] = [];
  const pending: PendingRow[] = [];
  // One read transaction: every row is compared against the same state, and the reads share one snapshot.
  db.transaction(() => files.forEach(({ index, name, ret }) => {
    const states = cellStatesSince(db, ret.exp.maxActionId);
    for (const [entity, list] of [['task', ret.tasks], ['target', ret.targets]] as const) {
      for (const row of list) {
        const d = diffRow(db, index, name, ret, entity, row, states);
        if (d) {
          rows.push(d.preview);
          pending.push(d.pending);
        }
      }
    }
  }))();
  crossConflicts(rows, pending);
  return { rows, pending };
}
