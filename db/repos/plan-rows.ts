// Writing plan definitions: one set of upserts for plans, tasks, targets, their milestones and unit rows, with the
// search index kept in step. The importer and the data generator both write through here (statements prepared once).
import type { Statement } from 'better-sqlite3';
import type { DB } from '../connection';
import { toJson } from '../json';
import { indexer } from './search';
import { JUDGE_DIRECTIONS, JUDGE_KINDS, PLAN_KINDS, TARGET_SCOPES, TASK_KINDS } from '../../contract/model';

/**
 * Runs a bulk write of plan rows with the tables' CHECK constraints (kind IN (…), scope IN (…)) checked by planWriter
 * rather than by SQLite, whose IN lists cost about as much as the rest of each row (ignore_check_constraints, restored after).
 * Every other statement `fn` runs must write only values fixed in code to checked columns (the action's state, the
 * entity of an edited-field row, a unit row's entity and role).
 */
export function withChecksInCode<T>(db: DB, fn: () => T): T {
  db.pragma('ignore_check_constraints = ON');
  try {
    return fn();
  } finally {
    db.pragma('ignore_check_constraints = OFF');
  }
}

/** The value the schema's CHECK allows, or an error that rolls the write back. */
function allowed<T extends string>(value: string, values: readonly T[], what: string): T {
  if (!(values as readonly string[]).includes(value)) throw new Error(`${what}「${String(value).slice(0, 40)}」不是允许的取值`);
  return value as T;
}

export interface PlanRow {
  id: string; title: string; docNumber: string | null; issuer: string | null; issued: string | null;
  periodStart: number | null; periodEnd: number | null; kind: string; sourceFile: string | null; sourceLine: number | null;
  seq: number; importedAt: string;
}
export interface TaskRowIn {
  id: string; planId: string; code: string; path: string[]; title: string; body: string; kind: string;
  leadUnits: string[]; responsibleUnits: string[]; subpoints: string[]; seq: number; sourceLine: number | null;
  /** Absent: the stored deadline and milestones (节点) stay as they are. */
  deadline?: string; milestones?: { due: string; what: string }[];
  /** Not stored yet: no milestones or unit rows of it to clear first. */
  fresh?: boolean;
}
export interface TargetRowIn {
  id: string; planId: string; taskId: string | null; code: string; name: string; unit: string; category: string;
  attribute: string; baselineYear: number | null; baselineValue: string | null; scope: string; responsibleUnits: string[];
  seq: number; sourceLine: number | null;
  /** Absent: the stored override of how it is judged stays as it is. */
  judgeDirection?: string; judgeKind?: string;
  /** Not stored yet: no milestones or unit rows of it to clear, no stored judging to keep. */
  fresh?: boolean;
}
export interface MilestoneIn { year: number; value: string; qualifier: string; cumulative: boolean }

export interface PlanWriter {
  plan(p: PlanRow): void;
  task(t: TaskRowIn): void;
  target(g: TargetRowIn, milestones: MilestoneIn[]): void;
  /** Drops a task or target with its unit rows (its evaluations go by cascade). */
  remove(entity: 'task' | 'target', id: string): void;
  index(entity: 'task' | 'target', id: string): void;
  /** With `bulk`: writes the unit rows and milestones of the new rows written since the last call (one statement per kind). */
  flush(): void;
}

/**
 * `deferIndex`: rows are written without their search index; the caller marks the plans pending (markIndexPending) in
 * the same transaction and catches the index up after the commit (catchUpIndex), in one statement per kind of row.
 * `bulk`: the unit rows of new rows (from their stored unit lists) and their targets' milestones are written by flush(),
 * which the caller runs in the same transaction (an import of tens of thousands of rows: one statement, not one per row).
 */
export function planWriter(db: DB, opts: { deferIndex?: boolean; bulk?: boolean } = {}): PlanWriter {
  const plan = db.prepare(`INSERT INTO plans (id, title, doc_number, issuer, issued, period_start, period_end, kind, source_file, source_line, seq, imported_at)
    VALUES (@id, @title, @docNumber, @issuer, @issued, @periodStart, @periodEnd, @kind, @sourceFile, @sourceLine, @seq, @importedAt)
    ON CONFLICT(id) DO UPDATE SET title = excluded.title, doc_number = excluded.doc_number, issuer = excluded.issuer,
      issued = excluded.issued, period_start = excluded.period_start, period_end = excluded.period_end, kind = excluded.kind,
      source_file = excluded.source_file, source_line = excluded.source_line, imported_at = excluded.imported_at`);
  const task = db.prepare(`INSERT INTO tasks (id, plan_id, code, path, chapter, title, body, kind, lead_units, responsible_units, subpoints, seq, source_line, deadline)
    VALUES (@id, @plan, @code, @path, @chapter, @title, @body, @kind, @lead, @resp, @sub, @seq, @line, @deadline)
    ON CONFLICT(id) DO UPDATE SET plan_id = excluded.plan_id, code = excluded.code, path = excluded.path, chapter = excluded.chapter,
      title = excluded.title, body = excluded.body, kind = excluded.kind, lead_units = excluded.lead_units,
      responsible_units = excluded.responsible_units, subpoints = excluded.subpoints, seq = excluded.seq, source_line = excluded.source_line`);
  // A row not stored yet is a plain insert: no conflict to resolve, and no rows referring to it to look for.
  const insertOnly = (upsert: Statement) => db.prepare(upsert.source.slice(0, upsert.source.indexOf('ON CONFLICT')));
  const newTask = insertOnly(task);
  const deadline = db.prepare('UPDATE tasks SET deadline = ? WHERE id = ?');
  const delTaskMs = db.prepare('DELETE FROM task_milestones WHERE task_id = ?');
  const insTaskMs = db.prepare('INSERT INTO task_milestones (task_id, seq, due, what) VALUES (?, ?, ?, ?)');
  const judge = db.prepare('UPDATE targets SET judge_direction = ?, judge_kind = ? WHERE id = ?');
  const target = db.prepare(`INSERT INTO targets (id, plan_id, task_id, code, name, unit, category, attribute, baseline_year, baseline_value, scope, responsible_units, seq, source_line)
    VALUES (@id, @plan, @task, @code, @name, @unit, @cat, @attr, @by, @bv, @scope, @resp, @seq, @line)
    ON CONFLICT(id) DO UPDATE SET plan_id = excluded.plan_id, task_id = excluded.task_id, code = excluded.code, name = excluded.name,
      unit = excluded.unit, category = excluded.category, attribute = excluded.attribute, baseline_year = excluded.baseline_year,
      baseline_value = excluded.baseline_value, scope = excluded.scope, responsible_units = excluded.responsible_units,
      seq = excluded.seq, source_line = excluded.source_line`);
  const newTarget = insertOnly(target);
  const delMs = db.prepare('DELETE FROM target_milestones WHERE target_id = ?');
  const insMs = db.prepare('INSERT INTO target_milestones (target_id, year, value, qualifier, cumulative) VALUES (?, ?, ?, ?, ?)');
  const delUnits = db.prepare('DELETE FROM entity_units WHERE entity = ? AND entity_id = ?');
  const insUnit = db.prepare('INSERT OR IGNORE INTO entity_units (entity, entity_id, unit, role) VALUES (?, ?, ?, ?)');
  const delRow = { task: db.prepare('DELETE FROM tasks WHERE id = ?'), target: db.prepare('DELETE FROM targets WHERE id = ?') };
  const now = indexer(db);
  const index: typeof now = opts.deferIndex ? () => {} : now;
  const judged = db.prepare('SELECT judge_direction AS d, judge_kind AS k FROM targets WHERE id = ?');
  const pending = { task: [] as string[], target: [] as string[] };
  const fromLists = (entity: 'task' | 'target', column: string, role: 'lead' | 'responsible') => db.prepare(`INSERT OR IGNORE INTO entity_units (entity, entity_id, unit, role)
    SELECT '${entity}', r.id, trim(u.value), '${role}' FROM json_each(?) i JOIN ${entity === 'task' ? 'tasks' : 'targets'} r ON r.id = i.value, json_each(r.${column}) u
    WHERE u.type = 'text' AND trim(u.value) <> ''`);
  const pendingMs: [string, number, string, string, number][] = [];
  const insMsList = db.prepare(`INSERT INTO target_milestones (target_id, year, value, qualifier, cumulative)
    SELECT m.value->>0, m.value->>1, m.value->>2, m.value->>3, m.value->>4 FROM json_each(?) m`);
  const bulk = { taskLead: fromLists('task', 'lead_units', 'lead'), taskResp: fromLists('task', 'responsible_units', 'responsible'), targetResp: fromLists('target', 'responsible_units', 'responsible') };
  const units = (entity: 'task' | 'target', id: string, lead: string[], resp: string[], fresh?: boolean) => {
    // Deferred only for lists that need no trimming (trim() in SQL drops spaces only, String.trim all white space).
    if (fresh && opts.bulk && lead.every((u) => u === u.trim()) && resp.every((u) => u === u.trim())) { pending[entity].push(id); return; }
    if (!fresh) delUnits.run(entity, id);
    for (const u of lead) if (u.trim()) insUnit.run(entity, id, u.trim(), 'lead');
    for (const u of resp) if (u.trim()) insUnit.run(entity, id, u.trim(), 'responsible');
  };
  return {
    plan: (p) => plan.run({ ...p, kind: allowed(p.kind, PLAN_KINDS, '规划类型') }),
    task: (t) => {
      allowed(t.kind, TASK_KINDS, '任务类别');
      (t.fresh ? newTask : task).run({ id: t.id, plan: t.planId, code: t.code, path: toJson(t.path), chapter: t.path.join(' / '), title: t.title, body: t.body,
        kind: t.kind, lead: toJson(t.leadUnits), resp: toJson(t.responsibleUnits), sub: toJson(t.subpoints), seq: t.seq, line: t.sourceLine, deadline: t.deadline ?? '' });
      if (t.deadline != null && !t.fresh) deadline.run(t.deadline, t.id);
      if (t.milestones) {
        if (!t.fresh) delTaskMs.run(t.id);
        t.milestones.forEach((m, i) => insTaskMs.run(t.id, i + 1, m.due, m.what));
      }
      units('task', t.id, t.leadUnits, t.responsibleUnits, t.fresh);
      index('task', t.id);
    },
    target: (g, milestones) => {
      allowed(g.scope, TARGET_SCOPES, '指标来源');
      if (g.judgeDirection != null) allowed(g.judgeDirection, JUDGE_DIRECTIONS, '判断方向');
      if (g.judgeKind != null) allowed(g.judgeKind, JUDGE_KINDS, '判断方式');
      (g.fresh ? newTarget : target).run({ id: g.id, plan: g.planId, task: g.taskId, code: g.code, name: g.name, unit: g.unit, cat: g.category, attr: g.attribute,
        by: g.baselineYear, bv: g.baselineValue, scope: g.scope, resp: toJson(g.responsibleUnits), seq: g.seq, line: g.sourceLine });
      if (!g.fresh) delMs.run(g.id);
      const seen = new Set<number>();
      for (const m of milestones) {
        if (seen.has(m.year)) continue;
        seen.add(m.year);
        if (g.fresh && opts.bulk) pendingMs.push([g.id, m.year, m.value, m.qualifier, m.cumulative ? 1 : 0]);
        else insMs.run(g.id, m.year, m.value, m.qualifier, m.cumulative ? 1 : 0);
      }
      if (g.judgeDirection != null || g.judgeKind != null) {
        const cur = (g.fresh ? { d: '', k: '' } : judged.get(g.id)) as { d: string; k: string };
        judge.run(g.judgeDirection ?? cur.d, g.judgeKind ?? cur.k, g.id);
      }
      units('target', g.id, [], g.responsibleUnits, g.fresh);
      index('target', g.id);
    },
    remove: (entity, id) => {
      delUnits.run(entity, id);
      delRow[entity].run(id);
    },
    index: now,
    flush: () => {
      if (pending.task.length) {
        const ids = JSON.stringify(pending.task);
        bulk.taskLead.run(ids);
        bulk.taskResp.run(ids);
      }
      if (pending.target.length) bulk.targetResp.run(JSON.stringify(pending.target));
      if (pendingMs.length) insMsList.run(JSON.stringify(pendingMs.splice(0)));
      pending.task = [];
      pending.target = [];
    },
  };
}

/** The ids and titles of a plan's tasks or targets, to match a re-imported document against. */
export function planItems(db: DB, entity: 'task' | 'target', planId: string): { id: string; title: string; path?: string; code: string }[] {
  return entity === 'task'
    ? db.prepare('SELECT id, title, path, code FROM tasks WHERE plan_id = ?').all(planId) as { id: string; title: string; path: string; code: string }[]
    : db.prepare('SELECT id, name AS title, code FROM targets WHERE plan_id = ?').all(planId) as { id: string; title: string; code: string }[];
}

/** The plan a document is stored as: the same id, else the first of the same title. */
export function findPlan(db: DB, id: string, title: string): { id: string; seq: number } | undefined {
  return (db.prepare('SELECT id, seq FROM plans WHERE id = ?').get(id) ?? db.prepare('SELECT id, seq FROM plans WHERE title = ? ORDER BY seq LIMIT 1').get(title)) as
    { id: string; seq: number } | undefined;
}

export const nextPlanSeq = (db: DB): number => ((db.prepare('SELECT max(seq) AS m FROM plans').get() as { m: number | null }).m ?? 0) + 1;

/** Whether anything was recorded for a task or target: an evaluation in any round, a line of history, a correction. */
export function hasRecords(db: DB, entity: 'task' | 'target', id: string): boolean {
  const evals = entity === 'task' ? 'SELECT 1 FROM task_evals WHERE task_id = ? LIMIT 1' : 'SELECT 1 FROM target_evals WHERE target_id = ? LIMIT 1';
  return !!db.prepare(evals).get(id) || !!db.prepare('SELECT 1 FROM history WHERE entity = ? AND entity_id = ? LIMIT 1').get(entity, id)
    || !!db.prepare('SELECT 1 FROM edited_fields WHERE entity = ? AND entity_id = ? LIMIT 1').get(entity, id);
}

/** The ids of a plan's tasks or targets. */
export function planItemIds(db: DB, entity: 'task' | 'target', planId: string): string[] {
  return db.prepare(`SELECT id FROM ${entity === 'task' ? 'tasks' : 'targets'} WHERE plan_id = ?`).pluck().all(planId) as string[];
}
