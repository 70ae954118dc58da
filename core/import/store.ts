// Writes parsed plans into the database in one transaction; a re-imported document is updated in place,
// matched by id, then by title, so no duplicate appears and no recorded evaluation is lost. Imported evaluations pass
// the same rules as edits, ids stay within their plan, and the rows added and removed are in the history.
import type { DB } from '../../db/connection';
import type { InterchangePlan, InterchangeTask, InterchangeTarget } from '../../contract/interchange';
import type { Changed } from '../../contract/model';
import { toJson, nowIso } from '../../db/json';
import { unindexPlan } from '../../db/repos/search';
import { catchUpIndex, markIndexPending } from '../../db/repos/search-pending';
import { planWriter, planItems, planItemIds, findPlan, nextPlanSeq, hasRecords, withChecksInCode, type PlanWriter } from '../../db/repos/plan-rows';
import { beginAction, recordCell } from '../../db/repos/history';
import { missingIds, rowName } from '../../db/repos/rows';
import { writeEvaluations } from './evaluations';
import { Corrections } from './corrections';

export interface StoreOptions {
  /** Corrected fields where the planner chose the document's value in the preview ('task:ID:field', see choiceKey). */
  take?: ReadonlySet<string>;
  /** Unit names merged into others, as an interchange file brings them. */
  unitAliases?: { alias: string; unit: string }[];
  /** Rows left out or reclassified in the preview: later imports of the document leave them out too. */
  tombstones?: { entity: 'task' | 'target'; id: string }[];
  /**
   * The search index of the rows is left to the caller (catchUpStep, a slice at a time); without it, the index is
   * caught up before storePlans returns. Either way a search or an index write first indexes what is pending.
   */
  indexLater?: boolean;
}

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

/** Which ids name an item anywhere in the database (another plan's, or one this import wrote). */
function takenIn(db: DB, entity: 'task' | 'target', ids: string[]): (id: string) => boolean {
  const missing = new Set(missingIds(db, entity, ids));
  const known = new Set(ids);
  return (id) => (known.has(id) ? !missing.has(id) : missingIds(db, entity, [id]).length === 0);
}

/** Where a document is stored: the plan it updates (null when new) and the row id each of its tasks and targets takes. */
export function matchExisting(db: DB, plan: InterchangePlan, storedAs?: string): { planId: string | null; tasks: Map<InterchangeTask, string>; targets: Map<InterchangeTarget, string> } {
  const existing = storedAs ? { id: storedAs } : findPlan(db, plan.id, plan.title);
  const planId = existing?.id ?? plan.id;
  return {
    planId: existing?.id ?? null,
    tasks: reconcile<InterchangeTask>(plan.tasks, planItems(db, 'task', planId), (t) => t.title, (t) => toJson(t.path), takenIn(db, 'task', plan.tasks.map((t) => t.id))),
    targets: reconcile<InterchangeTarget>(plan.targets, planItems(db, 'target', planId), (g) => g.name, () => '', takenIn(db, 'target', plan.targets.map((g) => g.id))),
  };
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

/**
 * Rows an import adds and removes, in its history: a line on the plan per row ("导入新增任务: 标题 [编号]"), so the
 * rows' own history keeps only what was recorded for them (and a row with nothing recorded may still go on re-import).
 */
interface RowLog {
  /** Notes a row the import wrote; the lines of the new ones are written by flush(). */
  added(entity: 'task' | 'target', id: string): void;
  removed(entity: 'task' | 'target', id: string): void;
  /** Whether the row was not stored before this import (its id was not the plan's and is no other plan's). */
  isNew(entity: 'task' | 'target', id: string): boolean;
  /** Writes the lines of the new rows noted since the last call, from their stored titles, in the order noted. */
  flush(): void;
}

function rowLog(db: DB, actionId: number, planId: string): RowLog {
  const before = { task: new Set(planItemIds(db, 'task', planId)), target: new Set(planItemIds(db, 'target', planId)) };
  const what = { task: '任务', target: '指标' };
  const line = (title: string, id: string) => `${title.slice(0, 200)} [${id}]`;
  const fresh = { task: [] as string[], target: [] as string[] };
  const lines = (entity: 'task' | 'target') => db.prepare(`INSERT INTO history (action_id, entity, entity_id, round_id, field, old_value, new_value)
    SELECT ?, 'plan', ?, NULL, '导入新增${what[entity]}', NULL, substr(r.${entity === 'task' ? 'title' : 'name'}, 1, 200) || ' [' || r.id || ']'
    FROM json_each(?) i JOIN ${entity === 'task' ? 'tasks' : 'targets'} r ON r.id = i.value ORDER BY i.key`);
  return {
    added: (entity, id) => { if (!before[entity].has(id)) fresh[entity].push(id); },
    removed: (entity, id) => recordCell(db, actionId, 'plan', planId, null, `导入删除${what[entity]}`, line(rowName(db, entity, id), id), null),
    isNew: (entity, id) => !before[entity].has(id),
    flush: () => {
      for (const entity of ['task', 'target'] as const) {
        if (fresh[entity].length) lines(entity).run(actionId, planId, JSON.stringify(fresh[entity]));
        fresh[entity] = [];
      }
    },
  };
}

export function storePlans(db: DB, plans: InterchangePlan[], source: string, opts: StoreOptions = {}): StoreResult {
  const res: StoreResult = { plans: 0, tasks: 0, targets: 0, added: 0, updated: 0, kept: 0, changed: { actionId: null, tasks: [], targets: [], roundId: null } };
  withChecksInCode(db, () => db.transaction(() => {
    const actionId = beginAction(db, { source: 'import', label: `导入 ${plans.length} 个规划`, detail: source, state: 'final' });
    // The index is caught up after the commit (a crash in between leaves the mark: the next open redoes it).
    const w = planWriter(db, { deferIndex: true, bulk: true });
    markIndexPending(db, plans.map((p) => findPlan(db, p.id, p.title)?.id ?? p.id));
    const fix = new Corrections(db, actionId, opts.take ?? new Set(), opts.unitAliases);
    res.changed.actionId = actionId;
    let nextSeq = nextPlanSeq(db);
    for (const plan of plans) {
      const existingPlan = findPlan(db, plan.id, plan.title);
      const planId = existingPlan?.id ?? plan.id;
      const seq = existingPlan?.seq ?? nextSeq++;
      fix.before('plan', planId);
      w.plan({ id: planId, title: plan.title, docNumber: plan.docNumber, issuer: plan.issuer, issued: plan.issued,
        periodStart: plan.periodStart, periodEnd: plan.periodEnd, kind: plan.kind, sourceFile: plan.source?.file ?? null,
        sourceLine: plan.source?.line ?? null, seq, importedAt: nowIso() });
      fix.after('plan', planId, plan.edited);
      recordCell(db, actionId, 'plan', planId, null, existingPlan ? '更新导入' : '导入', null, plan.title);
      if (existingPlan) res.updated++; else res.added++;
      res.plans++;
      unindexPlan(db, planId);

      const rows = rowLog(db, actionId, planId);
      const { tasks: taskIds, targets: targetIds } = matchExisting(db, plan, planId);
      const idMap = new Map<string, string>();
      plan.tasks.forEach((t, i) => {
        const id = taskIds.get(t)!;
        if (fix.skip('task', id)) return;
        idMap.set(t.id, id);
        fix.before('task', id);
        w.task({ id, planId, code: t.code ?? '', path: t.path ?? [], title: t.title, body: t.body ?? '', kind: t.kind,
          leadUnits: fix.units(t.leadUnits), responsibleUnits: fix.units(t.responsibleUnits), subpoints: t.subpoints ?? [], seq: i + 1,
          sourceLine: t.source?.line ?? null, deadline: t.deadline, milestones: t.milestones, fresh: rows.isNew('task', id) });
        fix.after('task', id, t.edited);
        rows.added('task', id);
        writeEvaluations(db, actionId, 'task', id, t.evaluation as Record<string, Record<string, unknown>> | undefined, t.title);
        res.tasks++;
      });
      w.flush();
      rows.flush();
      res.kept += removeVanished(db, w, 'task', planId, new Set(idMap.values()), rows).kept;
      fix.placeMoved();

      const keepTargets = new Set<string>();
      plan.targets.forEach((g, i) => {
        const id = targetIds.get(g)!;
        if (fix.skip('target', id)) return;
        keepTargets.add(id);
        fix.before('target', id);
        w.target({ id, planId, taskId: g.taskId ? idMap.get(g.taskId) ?? null : null, code: g.code ?? '', name: g.name, unit: g.unit ?? '',
          category: g.category ?? '', attribute: g.attribute ?? '', baselineYear: g.baseline?.year ?? null, baselineValue: g.baseline?.value ?? null,
          scope: g.scope, responsibleUnits: fix.units(g.responsibleUnits), seq: i + 1, sourceLine: g.source?.line ?? null,
          judgeDirection: g.judgeDirection, judgeKind: g.judgeKind, fresh: rows.isNew('target', id) },
        (g.milestones ?? []).map((m) => ({ year: m.year, value: m.value, qualifier: m.qualifier ?? '', cumulative: !!m.cumulative })));
        fix.after('target', id, g.edited);
        rows.added('target', id);
        writeEvaluations(db, actionId, 'target', id, g.evaluation as Record<string, Record<string, unknown>> | undefined, g.name);
        res.targets++;
      });
      w.flush();
      rows.flush();
      res.kept += removeVanished(db, w, 'target', planId, keepTargets, rows).kept;
    }
    for (const t of opts.tombstones ?? []) fix.tombstone(t.entity, t.id);
  })());
  if (!opts.indexLater) catchUpIndex(db);
  return res;
}
