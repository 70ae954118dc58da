// Compares filled returns with the database: each changed cell with the value the unit saw, the one here now, and a
// conflict flag when it was also changed here since the export (or by another unit's return); then applies the accepted.
import type { DB } from '../../db/connection';
import type { ReturnRowPreview, ReturnsApplyResult } from '../contract/files';
import type { Changed } from '../contract/model';
import { readField, applyEdits, type Entity } from '../services/edits';
import { normalizeField, FIELD_LABELS } from '../services/normalize';
import { asText } from '../../db/repos/history';
import { AppError } from '../errors';
import { stmt } from '../../db/statements';
import { cellStatesSince, type CellStates } from './returns-store';
import type { ReadReturn, ReadRow } from './returns-read';

export interface PendingRow {
  key: string; file: number; entity: Entity; id: string; roundId: number; conflict: boolean; problem: string | null;
  cells: { field: string; value: string | number | null; current: string | null }[];
}
export interface PendingFile { name: string; unit: string; roundId: number }
export interface ReturnsPending { files: PendingFile[]; rows: PendingRow[] }

const same = (a: string | null, b: string | null) => (a ?? '') === (b ?? '');

function titleOf(db: DB, entity: Entity, id: string): string {
  const r = stmt(db, entity === 'task' ? 'SELECT title AS t FROM tasks WHERE id = ?' : 'SELECT name AS t FROM targets WHERE id = ?').get(id) as { t: string } | undefined;
  return r?.t ?? id;
}

function diffRow(db: DB, file: number, name: string, ret: ReadReturn, entity: Entity, row: ReadRow, cellState: CellStates): { preview: ReturnRowPreview; pending: PendingRow } | null {
  const roundId = ret.round.id;
  const problems: string[] = [];
  const preview: ReturnRowPreview = {
    key: `${file}:${entity}:${row.id}`, file: name, unit: ret.exp.unit, entity, entityId: row.id, title: titleOf(db, entity, row.id),
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

/**
 * Applies the accepted rows, one action per file and kind, all in one transaction. Conflicting rows — flagged in the
 * preview or changed here since — are left out unless overridden; rows with unreadable values never go in.
 */
export function applyReturns(db: DB, p: ReturnsPending, accept: 'all' | string[], override: boolean): ReturnsApplyResult {
  const wanted = accept === 'all' ? null : new Set(accept);
  const changed: Changed = { actionId: null, tasks: [], targets: [], roundId: p.files[0]?.roundId ?? null };
  let appliedRows = 0, appliedCells = 0, skippedConflicts = 0;
  db.transaction(() => {
    p.files.forEach((f, fi) => {
      for (const entity of ['task', 'target'] as const) {
        const edits: { id: string; field: string; value: unknown }[] = [];
        for (const r of p.rows) {
          if (r.file !== fi || r.entity !== entity || r.problem || (wanted && !wanted.has(r.key))) continue;
          const moved = r.cells.some((c) => !same(asText(readField(db, entity, r.roundId, r.id, c.field)), c.current));
          if ((r.conflict || moved) && !override) {
            skippedConflicts++;
            continue;
          }
          appliedRows++;
          for (const c of r.cells) edits.push({ id: r.id, field: c.field, value: c.value });
        }
        if (!edits.length) continue;
        const ch = applyEdits(db, entity, f.roundId, edits, { source: 'return', label: `回收填报:${f.unit}`, detail: `${f.unit}「${f.name}」` });
        if (ch.actionId != null) {
          changed.actionId = ch.actionId;
          appliedCells += (db.prepare('SELECT count(*) AS n FROM history WHERE action_id = ?').get(ch.actionId) as { n: number }).n;
        }
        changed.tasks.push(...ch.tasks);
        changed.targets.push(...ch.targets);
      }
    });
  })();
  return { appliedRows, appliedCells, skippedConflicts, changed };
}
