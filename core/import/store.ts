// Writes parsed plans into the database in one transaction; a re-imported document is updated in place,
// matched by id, then by title, so no duplicate appears and no recorded evaluation is lost. Imported evaluations pass
// the same rules as edits, ids stay within their plan, and the rows added and removed are in the history.
import type { DB } from '../../db/connection';
import type { InterchangePlan, InterchangeTask, InterchangeTarget } from '../../contract/interchange';
import type { Changed } from '../../contract/model';
import { toJson, nowIso } from '../../db/json';
import { unindexPlan } from '../../db/repos/search';
import { planWriter, planItems, planItemIds, findPlan, nextPlanSeq, hasRecords, type PlanWriter } from '../../db/repos/plan-rows';
import { beginAction, recordCell } from '../../db/repos/history';
import { findRoundByName, insertRound } from '../../db/repos/rounds';
import { writeTaskEvalField, readTaskEvalField, TASK_EVAL_COLUMNS, type TaskEvalField } from '../../db/repos/tasks';
import { writeTargetEvalField, readTargetEvalField, TARGET_EVAL_COLUMNS, type TargetEvalField } from '../../db/repos/targets';
import { missingIds, rowName } from '../../db/repos/rows';
import { normalizeField, FIELD_LABELS } from '../rules/normalize';
import { same } from '../write/edits';
import { AppError } from '../common/errors';

export interface StoreResult { plans: number; tasks: number; targets: number; added: number; updated: number; kept: number; changed: Changed }

interface Existing { id: string; title: string; path?: string; code: string }

/**
 * Pick the id already in the database for an incoming item: same id, else same title and path, else same title. Ids
 * are scoped to the plan: an id that names another plan's item (`taken`) gives a new one, never a takeover.
 */
function reconcile<T extends { id: string }>(items: T[], existing: Existing[], title: (t: T) => string, path: (t: T) => string, taken: (id: string) => boolean): Map<T, string> {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byTitlePath = new Map<string, Existing>();
  const byTitle = new Map<string, Existing[]>();
  for (const e of existing) {
    const k = e.title + '\u0000' + (e.path ?? '');
    if (!byTitlePath.has(k)) byTitlePath.set(k, e);
    const list = byTitle.get(e.title);
    if (list) list.push(e);
    else byTitle.set(e.title, [e]);
  }
  const used = new Set<string>();
  /** The first unused row with this title; rows used up are dropped from the front so repeated titles stay linear. */
  const nextByTitle = (t: string): Existing | undefined => {
    const list = byTitle.get(t);
    while (list?.length && used.has(list[0].id)) list.shift();
    return list?.[0];
  };
  const out = new Map<T, string>();
  for (const it of items) {
    let hit = byId.get(it.id);
    if (!hit || used.has(hit.id)) hit = byTitlePath.get(title(it) + '\u0000' + path(it));
    if (!hit || used.has(hit.id)) hit = nextByTitle(title(it));
    let id = hit && !used.has(hit.id) ? hit.id : it.id;
    if (id !== hit?.id) for (let n = 2; used.has(id) || taken(id); n++) id = `${it.id}-${n}`;
    used.add(id);
    out.set(it, id);
  }
  return out;
}

/**
 * Items that disappeared from the document are removed unless the planner recorded something for them;
 * those kept stay searchable (the plan's index was cleared before the document was written again).
 */
function removeVanished(db: DB, w: PlanWriter, entity: 'task' | 'target', planId: string, keep: Set<string>, rows: RowLog): { removed: number; kept: number } {
  let removed = 0;
  let kept = 0;
  for (const id of planItemIds(db, entity, planId)) {
    if (keep.has(id)) continue;
    if (hasRecords(db, entity, id)) {
      w.index(entity, id);
      kept++;
    } else {
      rows.removed(entity, id);
      w.remove(entity, id);
      removed++;
    }
  }
  return { removed, kept };
}

function roundFor(db: DB, name: string, cutoff: string): number {
  return (findRoundByName(db, name) ?? insertRound(db, name, /^\d{4}-\d{2}-\d{2}$/.test(cutoff) ? cutoff : nowIso().slice(0, 10), null)).id;
}

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

function writeEvaluations(db: DB, actionId: number, entity: 'task' | 'target', id: string, evaluation: Record<string, Record<string, unknown>> | undefined, name: string): void {
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

/**
 * Rows an import adds and removes, in its history: a line on the plan per row ("导入新增任务: 标题 [编号]"), so the
 * rows' own history keeps only what was recorded for them (and a row with nothing recorded may still go on re-import).
 */
interface RowLog { added(entity: 'task' | 'target', id: string, title: string): void; removed(entity: 'task' | 'target', id: string): void }

function rowLog(db: DB, actionId: number, planId: string): RowLog {
  const before = { task: new Set(planItemIds(db, 'task', planId)), target: new Set(planItemIds(db, 'target', planId)) };
  const what = { task: '任务', target: '指标' };
  const line = (title: string, id: string) => `${title.slice(0, 200)} [${id}]`;
  return {
    added: (entity, id, title) => { if (!before[entity].has(id)) recordCell(db, actionId, 'plan', planId, null, `导入新增${what[entity]}`, null, line(title, id)); },
    removed: (entity, id) => recordCell(db, actionId, 'plan', planId, null, `导入删除${what[entity]}`, line(rowName(db, entity, id), id), null),
  };
}

/** Which ids name an item anywhere in the database (another plan's, or one this import wrote). */
function takenIn(db: DB, entity: 'task' | 'target', ids: string[]): (id: string) => boolean {
  const missing = new Set(missingIds(db, entity, ids));
  const known = new Set(ids);
  return (id) => (known.has(id) ? !missing.has(id) : missingIds(db, entity, [id]).length === 0);
}

export function storePlans(db: DB, plans: InterchangePlan[], source: string): StoreResult {
  const res: StoreResult = { plans: 0, tasks: 0, targets: 0, added: 0, updated: 0, kept: 0, changed: { actionId: null, tasks: [], targets: [], roundId: null } };
  db.transaction(() => {
    const actionId = beginAction(db, { source: 'import', label: `导入 ${plans.length} 个规划`, detail: source, state: 'final' });
    const w = planWriter(db);
    res.changed.actionId = actionId;
    let nextSeq = nextPlanSeq(db);
    for (const plan of plans) {
      const existingPlan = findPlan(db, plan.id, plan.title);
      const planId = existingPlan?.id ?? plan.id;
      const seq = existingPlan?.seq ?? nextSeq++;
      w.plan({ id: planId, title: plan.title, docNumber: plan.docNumber, issuer: plan.issuer, issued: plan.issued,
        periodStart: plan.periodStart, periodEnd: plan.periodEnd, kind: plan.kind, sourceFile: plan.source?.file ?? null,
        sourceLine: plan.source?.line ?? null, seq, importedAt: nowIso() });
      recordCell(db, actionId, 'plan', planId, null, existingPlan ? '更新导入' : '导入', null, plan.title);
      if (existingPlan) res.updated++; else res.added++;
      res.plans++;
      unindexPlan(db, planId);

      const rows = rowLog(db, actionId, planId);
      const taskIds = reconcile<InterchangeTask>(plan.tasks, planItems(db, 'task', planId), (t) => t.title, (t) => toJson(t.path), takenIn(db, 'task', plan.tasks.map((t) => t.id)));
      const idMap = new Map<string, string>();
      plan.tasks.forEach((t, i) => {
        const id = taskIds.get(t)!;
        idMap.set(t.id, id);
        w.task({ id, planId, code: t.code ?? '', path: t.path ?? [], title: t.title, body: t.body ?? '', kind: t.kind,
          leadUnits: t.leadUnits ?? [], responsibleUnits: t.responsibleUnits ?? [], subpoints: t.subpoints ?? [], seq: i + 1,
          sourceLine: t.source?.line ?? null });
        rows.added('task', id, t.title);
        writeEvaluations(db, actionId, 'task', id, t.evaluation as Record<string, Record<string, unknown>> | undefined, t.title);
        res.tasks++;
      });
      res.kept += removeVanished(db, w, 'task', planId, new Set(idMap.values()), rows).kept;

      const targetIds = reconcile<InterchangeTarget>(plan.targets, planItems(db, 'target', planId), (g) => g.name, () => '', takenIn(db, 'target', plan.targets.map((g) => g.id)));
      const keepTargets = new Set<string>();
      plan.targets.forEach((g, i) => {
        const id = targetIds.get(g)!;
        keepTargets.add(id);
        w.target({ id, planId, taskId: g.taskId ? idMap.get(g.taskId) ?? null : null, code: g.code ?? '', name: g.name, unit: g.unit ?? '',
          category: g.category ?? '', attribute: g.attribute ?? '', baselineYear: g.baseline?.year ?? null, baselineValue: g.baseline?.value ?? null,
          scope: g.scope, responsibleUnits: g.responsibleUnits ?? [], seq: i + 1, sourceLine: g.source?.line ?? null },
        (g.milestones ?? []).map((m) => ({ year: m.year, value: m.value, qualifier: m.qualifier ?? '', cumulative: !!m.cumulative })));
        rows.added('target', id, g.name);
        writeEvaluations(db, actionId, 'target', id, g.evaluation as Record<string, Record<string, unknown>> | undefined, g.name);
        res.targets++;
      });
      res.kept += removeVanished(db, w, 'target', planId, keepTargets, rows).kept;
    }
  })();
  return res;
}
