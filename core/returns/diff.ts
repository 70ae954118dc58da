// Compares filled returns with the database: each cell the unit changed is its input (kept per unit), and each one that
// differs from the value here is a change, with the value the unit saw, the one here now, and a conflict flag when it
// was also changed here since the export (or by another lead unit's return). A unit that only shares a task (责任单位)
// gives its input, while the lead unit's is taken by default. Text is compared as a cell carries it on both sides.
import type { DB } from '../../db/connection';
import type { Round } from '../../contract/model';
import type { ReturnRowPreview } from '../../contract/files';
import { readField, type Entity } from '../write/edits';
import { normalizeField } from '../rules/normalize';
import { FIELD_LABELS } from '../../contract/labels';
import { asText } from '../../db/repos/history';
import { AppError } from '../common/errors';
import { rowName, missingIds } from '../../db/repos/rows';
import { cellStatesSince, taskLeads, type CellStates, type ReturnsExport } from '../../db/repos/returns';
import type { UnitInput } from '../../db/repos/returns-received';
import { cellText } from '../xlsx/text';
import type { ReadRow } from './read';

export interface PendingCell { field: string; value: string | number | null; current: string | null; conflict: boolean }
export interface PendingRow {
  key: string; file: number; entity: Entity; id: string; roundId: number; conflict: boolean; problem: string | null;
  /** The unit's values are taken by default: it leads the task (or the task names no lead), or the row is a target. */
  primary: boolean;
  cells: PendingCell[];
}
export interface PendingFile { name: string; unit: string; roundId: number; receivedId: number | null }
export interface ReturnsPending { files: PendingFile[]; rows: PendingRow[] }

/** A return to compare: read from its file, or rebuilt from the inputs it left. */
export interface Returned { index: number; name: string; exp: ReturnsExport; round: Round; tasks: ReadRow[]; targets: ReadRow[]; blocked: string | null }

/** A value as a cell carries it and the field's rule keeps it: what two sides are compared by. */
export function comparable(field: string, v: unknown): string {
  const t = cellText(v).trim();
  try {
    return cellText(normalizeField(field, t)).trim();
  } catch {
    return t;
  }
}

interface Diffed { preview: ReturnRowPreview; pending: PendingRow; inputs: UnitInput[] }

function diffRow(db: DB, f: Returned, entity: Entity, row: ReadRow, primary: boolean, cellState: CellStates): Diffed | null {
  const roundId = f.round.id;
  const problems: string[] = [];
  const key = `${f.index}:${entity}:${row.id}`;
  const preview: ReturnRowPreview = {
    key, file: f.name, unit: f.exp.unit, entity, entityId: row.id, title: rowName(db, entity, row.id),
    changes: [], conflict: false, problem: null, role: primary ? 'lead' : 'responsible', takenByDefault: false,
  };
  const pending: PendingRow = { key, file: f.index, entity, id: row.id, roundId, conflict: false, problem: null, primary, cells: [] };
  const inputs: UnitInput[] = [];
  for (const [field, rv] of row.values) {
    const label = FIELD_LABELS[field] ?? field;
    if ('problem' in rv) {
      problems.push(`${label}:${rv.problem}`);
      inputs.push({ entity, id: row.id, field, value: null, problem: rv.problem, line: row.line });
      continue;
    }
    let value: string | number | null;
    try {
      value = normalizeField(field, rv.value);
    } catch (e) {
      const message = e instanceof AppError ? e.message : String(e);
      problems.push(`${label}:${message}`);
      inputs.push({ entity, id: row.id, field, value: asText(rv.value), problem: message, line: row.line });
      continue;
    }
    const current = asText(readField(db, entity, roundId, row.id, field));
    const state = cellState(entity, row.id, roundId, field, current);
    const text = asText(value);
    const mine = comparable(field, text);
    if (mine !== comparable(field, state.exported)) inputs.push({ entity, id: row.id, field, value: text, problem: null, line: row.line });
    if (mine === comparable(field, state.exported) || mine === comparable(field, current)) continue;
    preview.changes.push({ field, label, oldValue: state.exported, newValue: text, conflict: state.changedHere, currentValue: current });
    pending.cells.push({ field, value, current, conflict: state.changedHere });
  }
  if (problems.length) preview.problem = pending.problem = `第 ${row.line} 行:${problems.join(';')}`;
  if (!preview.changes.length && !problems.length) return inputs.length ? { preview, pending, inputs } : null;
  preview.conflict = pending.conflict = preview.changes.some((c) => c.conflict);
  return { preview, pending, inputs };
}

/** Lead units' rows of several files that set one cell to different values all conflict. */
function crossConflicts(previews: ReturnRowPreview[], pending: PendingRow[]): void {
  const byCell = new Map<string, { value: string | null; at: [number, number] }[]>();
  previews.forEach((p, i) => pending[i].primary && p.changes.forEach((c, j) => {
    const k = `${p.entity}\u0000${p.entityId}\u0000${c.field}`;
    byCell.set(k, [...(byCell.get(k) ?? []), { value: c.newValue, at: [i, j] }]);
  }));
  for (const list of byCell.values()) {
    if (new Set(list.map((x) => comparable('', x.value))).size < 2) continue;
    for (const { at: [i, j] } of list) {
      previews[i].changes[j].conflict = pending[i].cells[j].conflict = true;
      previews[i].conflict = pending[i].conflict = true;
    }
  }
}

export interface Diff { rows: ReturnRowPreview[]; pending: PendingRow[]; inputs: Map<number, UnitInput[]> }

/** `index` is the file's place in the preview's file list, which row keys refer to. */
export function diffReturns(db: DB, files: Returned[]): Diff {
  const rows: ReturnRowPreview[] = [];
  const pending: PendingRow[] = [];
  const inputs = new Map<number, UnitInput[]>();
  // One read transaction: every row is compared against the same state, and the reads share one snapshot.
  db.transaction(() => files.forEach((f) => {
    const states = cellStatesSince(db, f.exp.maxActionId);
    const leads = taskLeads(db, f.tasks.map((t) => t.id));
    const mine: UnitInput[] = [];
    for (const [entity, list] of [['task', f.tasks], ['target', f.targets]] as const) {
      const gone = new Set(missingIds(db, entity, list.map((r) => r.id)));
      for (const row of list) {
        if (gone.has(row.id)) {
          if (![...row.values.values()].some((v) => 'problem' in v || (v.value != null && v.value !== ''))) continue;
          rows.push({
            key: `${f.index}:${entity}:${row.id}`, file: f.name, unit: f.exp.unit, entity, entityId: row.id, title: row.id, changes: [], conflict: false,
            problem: `第 ${row.line} 行:该${entity === 'task' ? '任务' : '指标'}在下发后已被删除,无法导入`, role: 'lead', takenByDefault: false,
          });
          pending.push({ key: `${f.index}:${entity}:${row.id}`, file: f.index, entity, id: row.id, roundId: f.round.id, conflict: false, problem: 'gone', primary: false, cells: [] });
          continue;
        }
        const lead = leads.get(row.id) ?? [];
        const d = diffRow(db, f, entity, row, entity === 'target' || !lead.length || lead.includes(f.exp.unit), states);
        if (!d) continue;
        mine.push(...d.inputs);
        if (!d.preview.changes.length && !d.preview.problem) continue;
        rows.push(d.preview);
        pending.push(d.pending);
      }
    }
    inputs.set(f.index, mine);
  }))();
  crossConflicts(rows, pending);
  const blocked = new Map(files.map((f) => [f.index, f.blocked]));
  rows.forEach((r, i) => { r.takenByDefault = pending[i].primary && !r.problem && !r.conflict && !blocked.get(pending[i].file); });
  return { rows, pending, inputs };
}
