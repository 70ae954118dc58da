// Applies the accepted rows of a returns preview through the one write path, one undoable action per file and kind;
// a finalised round accepts none.
import type { DB } from '../../db/connection';
import type { ReturnsApplyResult } from '../../contract/files';
import type { Changed } from '../../contract/model';
import { readField, applyEdits, same } from './edits';
import { asText, actionCells } from '../../db/repos/history';
import type { ReturnsPending } from '../returns/diff';
import { openRoundOrThrow } from '../common/settings';

/**
 * Applies the accepted rows, one action per file and kind, all in one transaction. Conflicting rows — flagged in the
 * preview or changed here since — are left out unless overridden; rows with unreadable values never go in.
 */
export function applyReturns(db: DB, p: ReturnsPending, accept: 'all' | string[], override: boolean, client: string): ReturnsApplyResult {
  const wanted = accept === 'all' ? null : new Set(accept);
  const changed: Changed = { actionId: null, tasks: [], targets: [], roundId: p.files[0]?.roundId ?? null };
  let appliedRows = 0, appliedCells = 0, skippedConflicts = 0;
  // A finalised round (定稿) accepts no return: nothing of any file goes in.
  for (const r of new Set(p.rows.map((row) => row.roundId))) openRoundOrThrow(db, r, '接受回收填报');
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
        const ch = applyEdits(db, entity, f.roundId, edits, { source: 'return', label: `回收填报:${f.unit}`, detail: `${f.unit}「${f.name}」`, client });
        if (ch.actionId != null) {
          changed.actionId = ch.actionId;
          appliedCells += actionCells(db, ch.actionId);
        }
        changed.tasks.push(...ch.tasks);
        changed.targets.push(...ch.targets);
      }
    });
  })();
  return { appliedRows, appliedCells, skippedConflicts, changed };
}
