// Evaluations carried by an imported document: checked and normalised exactly as an edit would be, then written with
// their history into the round of their name (created when missing).
import type { DB } from '../../db/connection';
import type { InterchangePlan } from '../../contract/interchange';
import { nowIso } from '../../db/json';
import { recordCell } from '../../db/repos/history';
import { findRoundByName, insertRound } from '../../db/repos/rounds';
import { writeTaskEvalField, readTaskEvalField, TASK_EVAL_COLUMNS, type TaskEvalField } from '../../db/repos/tasks';
import { writeTargetEvalField, readTargetEvalField, TARGET_EVAL_COLUMNS, type TargetEvalField } from '../../db/repos/targets';
import { normalizeField } from '../rules/normalize';
import { FIELD_LABELS } from '../../contract/labels';
import { same } from '../write/edits';
import { AppError } from '../common/errors';

/** The longest text a cell takes, the same limit tasks.edit and targets.edit put on a value. */
const MAX_VALUE = 20_000;

/**
 * An imported evaluation checked and normalised exactly as an edit would be (status from its list, progress 0–100, a
 * real date, a verdict override with its reason, no value over the length limit); a bad value refuses the import.
 */
export function normalizedEvaluation(entity: 'task' | 'target', ev: Record<string, unknown>, where: string): Map<string, string | number | null> {
  const fields = entity === 'task' ? Object.keys(TASK_EVAL_COLUMNS) : Object.keys(TARGET_EVAL_COLUMNS);
  const out = new Map<string, string | number | null>();
  for (const f of fields) {
    if (!(f in ev)) continue;
    const raw = ev[f];
    const refuse = (why: string) => new AppError('invalid', `${where}的「${FIELD_LABELS[f] ?? f}」${why}。未导入任何内容。`);
    if (raw != null && typeof raw !== 'string' && typeof raw !== 'number') throw refuse('不是文字或数字');
    if (typeof raw === 'string' && raw.length > MAX_VALUE) throw refuse(`超过 ${MAX_VALUE} 个字`);
    try {
      out.set(f, normalizeField(f, raw));
    } catch (e) {
      if (e instanceof AppError) throw refuse(`:${e.message}`);
      throw e;
    }
  }
  if (entity === 'target' && out.get('verdictOverride') && !String(out.get('overrideReason') ?? '').trim()) {
    throw new AppError('invalid', `${where}调整评估结论为「${out.get('verdictOverride')}」,但没有填写调整理由。未导入任何内容。`);
  }
  return out;
}

/** The first imported evaluation of a plan that the edit rules refuse, in Chinese; null when every one passes. */
export function evaluationProblem(plan: InterchangePlan): string | null {
  try {
    for (const t of plan.tasks) for (const [r, ev] of Object.entries(t.evaluation ?? {})) normalizedEvaluation('task', ev as unknown as Record<string, unknown>, `任务「${t.title.slice(0, 40)}」在「${r.slice(0, 40)}」中`);
    for (const g of plan.targets) for (const [r, ev] of Object.entries(g.evaluation ?? {})) normalizedEvaluation('target', ev as unknown as Record<string, unknown>, `指标「${g.name.slice(0, 40)}」在「${r.slice(0, 40)}」中`);
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.message;
    throw e;
  }
}

function roundFor(db: DB, name: string, cutoff: string): number {
  return (findRoundByName(db, name) ?? insertRound(db, name, /^\d{4}-\d{2}-\d{2}$/.test(cutoff) ? cutoff : nowIso().slice(0, 10), null)).id;
}

/** Writes one item's imported evaluations, each changed field with its history row under the import's action. */
export function writeEvaluations(db: DB, actionId: number, entity: 'task' | 'target', id: string, evaluation: Record<string, Record<string, unknown>> | undefined, name: string): void {
  if (!evaluation) return;
  for (const [roundName, ev] of Object.entries(evaluation)) {
    const values = normalizedEvaluation(entity, ev, `${entity === 'task' ? '任务' : '指标'}「${name.slice(0, 40)}」在「${roundName.slice(0, 40)}」中`);
    const roundId = roundFor(db, roundName, String(ev.cutoff ?? ''));
    for (const [f, v] of values) {
      const old = entity === 'task' ? readTaskEvalField(db, roundId, id, f as TaskEvalField) : readTargetEvalField(db, roundId, id, f as TargetEvalField);
      if (same(old, v)) continue;
      if (entity === 'task') writeTaskEvalField(db, roundId, id, f as TaskEvalField, v);
      else writeTargetEvalField(db, roundId, id, f as TargetEvalField, String(v ?? ''));
      recordCell(db, actionId, entity, id, roundId, f, old, v);
    }
  }
}
