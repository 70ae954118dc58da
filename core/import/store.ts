// Writes parsed plans into the database in one transaction; a re-imported document is updated in place,
// matched by id, then by title, so no duplicate appears and no recorded evaluation is lost.
import type { DB } from '../../db/connection';
import type { InterchangePlan, InterchangeTask, InterchangeTarget } from '../contract/interchange';
import type { Changed } from '../contract/model';
import { toJson, nowIso } from '../../db/json';
import { indexer, unindexPlan } from '../../db/repos/search';
import { beginAction, recordCell } from '../../db/repos/history';
import { findRoundByName, insertRound } from '../../db/repos/rounds';
import { writeTaskEvalField, readTaskEvalField, TASK_EVAL_COLUMNS, type TaskEvalField } from '../../db/repos/tasks';
import { writeTargetEvalField, readTargetEvalField, TARGET_EVAL_COLUMNS, type TargetEvalField } from '../../db/repos/targets';

export interface StoreResult { plans: number; tasks: number; targets: number; added: number; updated: number; kept: number; changed: Changed }

interface Existing { id: string; title: string; path?: string; code: string }

/** Pick the id already in the database for an incoming item: same id, else same title and path, else same title. */
function reconcile<T extends { id: string }>(items: T[], existing: Existing[], title: (t: T) => string, path: (t: T) => string): Map<T, string> {
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
    for (let n = 2; used.has(id); n++) id = `${it.id}-${n}`;
    used.add(id);
    out.set(it, id);
  }
  return out;
}

/**
 * Items that disappeared from the document are removed unless the planner recorded something for them;
 * those kept stay searchable (the plan's index was cleared before the document was written again).
 */
function removeVanished(db: DB, table: 'tasks' | 'targets', evalTable: string, key: string, planId: string, keep: Set<string>,
  index: (entity: 'task' | 'target', id: string, text: string) => void): { removed: number; kept: number } {
  const ids = (db.prepare(`SELECT id FROM ${table} WHERE plan_id = ?`).all(planId) as { id: string }[]).map((r) => r.id).filter((id) => !keep.has(id));
  let removed = 0;
  let kept = 0;
  const entity = table === 'tasks' ? 'task' : 'target';
  for (const id of ids) {
    const evaluated = db.prepare(`SELECT 1 FROM ${evalTable} WHERE ${key} = ? LIMIT 1`).get(id)
      || db.prepare(`SELECT 1 FROM history WHERE entity = ? AND entity_id = ? LIMIT 1`).get(entity, id);
    if (evaluated) {
      const text = table === 'tasks'
        ? (db.prepare(`SELECT title || char(10) || body AS t FROM tasks WHERE id = ?`).get(id) as { t: string }).t
        : (db.prepare(`SELECT name || ' ' || category AS t FROM targets WHERE id = ?`).get(id) as { t: string }).t;
      index(entity, id, text);
      kept++;
      continue;
    }
    db.prepare('DELETE FROM entity_units WHERE entity = ? AND entity_id = ?').run(entity, id);
    db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    removed++;
  }
  return { removed, kept };
}

/** Returns a function that replaces the unit rows of one task or target (statements prepared once). */
function unitWriter(db: DB): (entity: 'task' | 'target', id: string, lead: string[], resp: string[]) => void {
  const del = db.prepare('DELETE FROM entity_units WHERE entity = ? AND entity_id = ?');
  const ins = db.prepare('INSERT OR IGNORE INTO entity_units (entity, entity_id, unit, role) VALUES (?, ?, ?, ?)');
  return (entity, id, lead, resp) => {
    del.run(entity, id);
    for (const u of lead) if (u.trim()) ins.run(entity, id, u.trim(), 'lead');
    for (const u of resp) if (u.trim()) ins.run(entity, id, u.trim(), 'responsible');
  };
}

function roundFor(db: DB, name: string, cutoff: string): number {
  return (findRoundByName(db, name) ?? insertRound(db, name, /^\d{4}-\d{2}-\d{2}$/.test(cutoff) ? cutoff : nowIso().slice(0, 10), null)).id;
}

function writeEvaluations(db: DB, actionId: number, entity: 'task' | 'target', id: string, evaluation: Record<string, Record<string, unknown>> | undefined): void {
  if (!evaluation) return;
  for (const [roundName, ev] of Object.entries(evaluation)) {
    const roundId = roundFor(db, roundName, String(ev.cutoff ?? ''));
    const fields = entity === 'task' ? Object.keys(TASK_EVAL_COLUMNS) : Object.keys(TARGET_EVAL_COLUMNS);
    for (const f of fields) {
      if (!(f in ev)) continue;
      const v = ev[f] as string | number | null;
      const old = entity === 'task' ? readTaskEvalField(db, roundId, id, f as TaskEvalField) : readTargetEvalField(db, roundId, id, f as TargetEvalField);
      if ((old ?? '') === (v ?? '')) continue;
      if (entity === 'task') writeTaskEvalField(db, roundId, id, f as TaskEvalField, f === 'progress' ? (v == null || v === '' ? null : Number(v)) : String(v ?? ''));
      else writeTargetEvalField(db, roundId, id, f as TargetEvalField, String(v ?? ''));
      recordCell(db, actionId, entity, id, roundId, f, old, v);
    }
  }
}

export function storePlans(db: DB, plans: InterchangePlan[], source: string): StoreResult {
  const res: StoreResult = { plans: 0, tasks: 0, targets: 0, added: 0, updated: 0, kept: 0, changed: { actionId: null, tasks: [], targets: [], roundId: null } };
  db.transaction(() => {
    const actionId = beginAction(db, 'import', `导入 ${plans.length} 个规划`, source, null, 'final');
    const writeUnits = unitWriter(db);
    const index = indexer(db);
    res.changed.actionId = actionId;
    let nextSeq = ((db.prepare('SELECT max(seq) AS m FROM plans').get() as { m: number | null }).m ?? 0) + 1;
    for (const plan of plans) {
      const existingPlan = (db.prepare('SELECT id, seq FROM plans WHERE id = ?').get(plan.id)
        ?? db.prepare('SELECT id, seq FROM plans WHERE title = ? ORDER BY seq LIMIT 1').get(plan.title)) as { id: string; seq: number } | undefined;
      const planId = existingPlan?.id ?? plan.id;
      const seq = existingPlan?.seq ?? nextSeq++;
      db.prepare(`INSERT INTO plans (id, title, doc_number, issuer, issued, period_start, period_end, kind, source_file, source_line, seq, imported_at)
        VALUES (@id, @title, @doc, @issuer, @issued, @ps, @pe, @kind, @file, @line, @seq, @at)
        ON CONFLICT(id) DO UPDATE SET title = excluded.title, doc_number = excluded.doc_number, issuer = excluded.issuer,
          issued = excluded.issued, period_start = excluded.period_start, period_end = excluded.period_end, kind = excluded.kind,
          source_file = excluded.source_file, source_line = excluded.source_line, imported_at = excluded.imported_at`)
        .run({ id: planId, title: plan.title, doc: plan.docNumber, issuer: plan.issuer, issued: plan.issued, ps: plan.periodStart,
          pe: plan.periodEnd, kind: plan.kind, file: plan.source?.file ?? null, line: plan.source?.line ?? null, seq, at: nowIso() });
      recordCell(db, actionId, 'plan', planId, null, existingPlan ? '更新导入' : '导入', null, plan.title);
      if (existingPlan) res.updated++; else res.added++;
      res.plans++;
      unindexPlan(db, planId);

      const oldTasks = db.prepare('SELECT id, title, path, code FROM tasks WHERE plan_id = ?').all(planId) as Existing[];
      const taskIds = reconcile<InterchangeTask>(plan.tasks, oldTasks, (t) => t.title, (t) => toJson(t.path));
      const idMap = new Map<string, string>();
      const upTask = db.prepare(`INSERT INTO tasks (id, plan_id, code, path, chapter, title, body, kind, lead_units, responsible_units, subpoints, seq, source_line)
        VALUES (@id, @plan, @code, @path, @chapter, @title, @body, @kind, @lead, @resp, @sub, @seq, @line)
        ON CONFLICT(id) DO UPDATE SET plan_id = excluded.plan_id, code = excluded.code, path = excluded.path, chapter = excluded.chapter,
          title = excluded.title, body = excluded.body, kind = excluded.kind, lead_units = excluded.lead_units,
          responsible_units = excluded.responsible_units, subpoints = excluded.subpoints, seq = excluded.seq, source_line = excluded.source_line`);
      plan.tasks.forEach((t, i) => {
        const id = taskIds.get(t)!;
        idMap.set(t.id, id);
        upTask.run({ id, plan: planId, code: t.code ?? '', path: toJson(t.path), chapter: (t.path ?? []).join(' / '), title: t.title,
          body: t.body ?? '', kind: t.kind, lead: toJson(t.leadUnits), resp: toJson(t.responsibleUnits), sub: toJson(t.subpoints),
          seq: i + 1, line: t.source?.line ?? null });
        writeUnits('task', id, t.leadUnits ?? [], t.responsibleUnits ?? []);
        index('task', id, `${t.title}\n${t.body ?? ''}\n${(t.subpoints ?? []).join('\n')}`);
        writeEvaluations(db, actionId, 'task', id, t.evaluation as Record<string, Record<string, unknown>> | undefined);
        res.tasks++;
      });
      res.kept += removeVanished(db, 'tasks', 'task_evals', 'task_id', planId, new Set(idMap.values()), index).kept;

      const oldTargets = db.prepare('SELECT id, name AS title, code FROM targets WHERE plan_id = ?').all(planId) as Existing[];
      const targetIds = reconcile<InterchangeTarget>(plan.targets, oldTargets, (g) => g.name, () => '');
      const upTarget = db.prepare(`INSERT INTO targets (id, plan_id, task_id, code, name, unit, category, attribute, baseline_year, baseline_value, scope, responsible_units, seq, source_line)
        VALUES (@id, @plan, @task, @code, @name, @unit, @cat, @attr, @by, @bv, @scope, @resp, @seq, @line)
        ON CONFLICT(id) DO UPDATE SET plan_id = excluded.plan_id, task_id = excluded.task_id, code = excluded.code, name = excluded.name,
          unit = excluded.unit, category = excluded.category, attribute = excluded.attribute, baseline_year = excluded.baseline_year,
          baseline_value = excluded.baseline_value, scope = excluded.scope, responsible_units = excluded.responsible_units,
          seq = excluded.seq, source_line = excluded.source_line`);
      const insMs = db.prepare('INSERT INTO target_milestones (target_id, year, value, qualifier, cumulative) VALUES (?, ?, ?, ?, ?)');
      const delMs = db.prepare('DELETE FROM target_milestones WHERE target_id = ?');
      const keepTargets = new Set<string>();
      plan.targets.forEach((g, i) => {
        const id = targetIds.get(g)!;
        keepTargets.add(id);
        const taskId = g.taskId ? idMap.get(g.taskId) ?? null : null;
        upTarget.run({ id, plan: planId, task: taskId, code: g.code ?? '', name: g.name, unit: g.unit ?? '', cat: g.category ?? '',
          attr: g.attribute ?? '', by: g.baseline?.year ?? null, bv: g.baseline?.value ?? null, scope: g.scope,
          resp: toJson(g.responsibleUnits), seq: i + 1, line: g.source?.line ?? null });
        delMs.run(id);
        const seen = new Set<number>();
        for (const m of g.milestones ?? []) {
          if (seen.has(m.year)) continue;
          seen.add(m.year);
          insMs.run(id, m.year, m.value, m.qualifier ?? '', m.cumulative ? 1 : 0);
        }
        writeUnits('target', id, [], g.responsibleUnits ?? []);
        index('target', id, `${g.name} ${g.category ?? ''}`);
        writeEvaluations(db, actionId, 'target', id, g.evaluation as Record<string, Record<string, unknown>> | undefined);
        res.targets++;
      });
      res.kept += removeVanished(db, 'targets', 'target_evals', 'target_id', planId, keepTargets, index).kept;
    }
  })();
  return res;
}
