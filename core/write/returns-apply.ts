// Applies the accepted rows or cells of a returns preview through the one write path, one undoable action per file and
// kind, and records on each return taken in what was taken, what was declined and what still waits; a finalised round
// accepts none.
import type { DB } from '../../db/connection';
import type { ReturnsApplyResult, ReturnsAccept } from '../../contract/files';
import type { Changed } from '../../contract/model';
import { readField, applyEdits, same } from './edits';
import { asText, actionCells } from '../../db/repos/history';
import { openRoundOrThrow } from '../common/settings';
import { recordReview } from '../../db/repos/returns-received';
import type { ReturnsPending, PendingRow } from '../returns/diff';

type Wanted = 'row' | Set<string>;

function wantedRows(p: ReturnsPending, accept: ReturnsAccept): Map<string, Wanted> {
  const out = new Map<string, Wanted>();
  if (accept === 'all') {
    for (const r of p.rows) if (r.primary) out.set(r.key, 'row');
    return out;
  }
  for (const a of accept) {
    if (typeof a === 'string') out.set(a, 'row');
    else out.set(a.key, new Set([...(out.get(a.key) instanceof Set ? (out.get(a.key) as Set<string>) : []), ...a.fields]));
  }
  return out;
}

interface FileTally { applied: number; cells: number; declined: number; pending: number }

/**
 * Applies what was accepted, all in one transaction. A whole row (or 'all') that conflicts — flagged in the preview or
 * changed here since — is left out unless overridden; a cell accepted on its own is the planner's decision on that
 * cell's conflict, and is left out only when it changed here after the preview. Rows with unreadable values never go
 * in, nor rows of a return whose contacts are incomplete (`blocked`).
 */
export function applyReturns(db: DB, p: ReturnsPending, accept: ReturnsAccept, override: boolean, client: string, blocked: (file: number) => boolean): ReturnsApplyResult {
  const wanted = wantedRows(p, accept);
  const changed: Changed = { actionId: null, tasks: [], targets: [], roundId: p.files[0]?.roundId ?? null };
  let appliedRows = 0, appliedCells = 0, skippedConflicts = 0, skippedBlocked = 0;
  const moved = (r: PendingRow, c: PendingRow['cells'][number]) => !same(asText(readField(db, r.entity, r.roundId, r.id, c.field)), c.current);
  // A finalised round (定稿) accepts no return: nothing of any file goes in.
  for (const r of new Set(p.rows.map((row) => row.roundId))) openRoundOrThrow(db, r, '接受回收填报');
  db.transaction(() => {
    p.files.forEach((f, fi) => {
      const tally: FileTally = { applied: 0, cells: 0, declined: 0, pending: 0 };
      for (const entity of ['task', 'target'] as const) {
        const edits: { id: string; field: string; value: unknown }[] = [];
        for (const r of p.rows) {
          if (r.file !== fi || r.entity !== entity || r.problem) continue;
          const want = wanted.get(r.key);
          if (!want) {
            if (r.primary) tally.declined++;
            continue;
          }
          if (blocked(fi)) {
            skippedBlocked++;
            tally.pending++;
            continue;
          }
          let cells = r.cells;
          if (want === 'row') {
            if ((r.conflict || cells.some((c) => moved(r, c))) && !override) {
              skippedConflicts++;
              tally.pending++;
              continue;
            }
          } else {
            cells = cells.filter((c) => want.has(c.field));
            const held = cells.filter((c) => !override && moved(r, c));
            if (held.length) skippedConflicts++;
            cells = cells.filter((c) => !held.includes(c));
            if (!cells.length) {
              if (held.length) tally.pending++;
              continue;
            }
          }
          appliedRows++;
          tally.applied++;
          for (const c of cells) edits.push({ id: r.id, field: c.field, value: c.value });
        }
        if (!edits.length) continue;
        const ch = applyEdits(db, entity, f.roundId, edits, { source: 'return', label: `回收填报:${f.unit}`, detail: `${f.unit}「${f.name}」`, client });
        if (ch.actionId != null) {
          changed.actionId = ch.actionId;
          const n = actionCells(db, ch.actionId);
          appliedCells += n;
          tally.cells += n;
        }
        changed.tasks.push(...ch.tasks);
        changed.targets.push(...ch.targets);
      }
      if (f.receivedId != null) {
        recordReview(db, f.receivedId, { appliedRows: tally.applied, appliedCells: tally.cells, pendingRows: tally.pending, declinedRows: tally.declined });
      }
    });
  })();
  return { appliedRows, appliedCells, skippedConflicts, skippedBlocked, changed };
}
