// What a report shows, read for a scope (everything, plans, a unit, exactly the rows the grid shows): tasks streamed
// row by row from SQLite, targets with their judgements, and the per-plan counts of the 汇总 sheet.
import type { DB } from '../../db/connection';
import type { Round, TargetRow, TaskKind, TaskStatus, Verdict } from '../contract/model';
import { TASK_STATUSES, VERDICTS } from '../contract/model';
import { commonWhere, whereSql, type CommonFilters } from '../../db/repos/filters';
import { fromJsonArray } from '../../db/json';
import { targetsFor } from '../services/data';
import { chineseDate } from './xlsx-text';

export interface ReportScope { planIds?: string[]; unit?: string; taskIds?: string[]; targetIds?: string[] }

export interface ReportTask {
  /** `body` is read for 专栏 projects only (the task sheet does not show it). */
  id: string; planId: string; planTitle: string; code: string; chapter: string; title: string; body: string; kind: TaskKind;
  leadUnits: string[]; responsibleUnits: string[]; status: TaskStatus; progress: number | null;
  evidence: string; problems: string; nextSteps: string; note: string;
  compareStatus: TaskStatus | null; compareProgress: number | null;
}

/**
 * Grid-exact scope: when the rows of either grid are listed, only listed rows are exported (an unlisted kind: none).
 */
function filtersFor(scope: ReportScope, entity: 'task' | 'target'): CommonFilters {
  const exact = scope.taskIds != null || scope.targetIds != null;
  const ids = entity === 'task' ? scope.taskIds : scope.targetIds;
  return { planIds: scope.planIds, unit: scope.unit, ids: exact ? ids ?? [] : undefined };
}

function taskQuery(db: DB, roundId: number, compareRoundId: number | undefined, scope: ReportScope) {
  const w = commonWhere(db, 'task', 't', filtersFor(scope, 'task'), []);
  w.clauses.unshift('t.plan_id = @plan');
  const cmp = compareRoundId != null;
  const sql = `SELECT t.id, t.plan_id, p.title AS plan_title, t.code, t.chapter, t.title,
      CASE WHEN t.kind = 'project' THEN t.body ELSE '' END AS body, t.kind, t.lead_units, t.responsible_units,
      COALESCE(e.status, '待评估') AS status, e.progress, COALESCE(e.evidence, '') AS evidence, COALESCE(e.problems, '') AS problems,
      COALESCE(e.next_steps, '') AS next_steps, COALESCE(e.note, '') AS note,
      ${cmp ? 'c.status AS c_status, c.progress AS c_progress' : 'NULL AS c_status, NULL AS c_progress'}
    FROM tasks t JOIN plans p ON p.id = t.plan_id
    LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = @round
    ${cmp ? 'LEFT JOIN task_evals c ON c.task_id = t.id AND c.round_id = @cmp' : ''}
    ${whereSql(w)} ORDER BY t.seq`;
  return { stmt: db.prepare(sql), named: cmp ? { round: roundId, cmp: compareRoundId } : { round: roundId }, params: w.params };
}

/** The plans of a scope in document order. */
function scopePlans(db: DB, scope: ReportScope): string[] {
  const all = (db.prepare('SELECT id FROM plans ORDER BY seq, id').all() as { id: string }[]).map((p) => p.id);
  if (!scope.planIds?.length) return all;
  const want = new Set(scope.planIds);
  return all.filter((id) => want.has(id));
}

/**
 * Streams the tasks of a scope in document order without holding them in memory: plan by plan, each plan's tasks in
 * their order along the (plan_id, seq) index, so SQLite never sorts the whole table.
 */
export function* iterateTasks(db: DB, roundId: number, compareRoundId: number | undefined, scope: ReportScope): Generator<ReportTask> {
  const q = taskQuery(db, roundId, compareRoundId, scope);
  // The same unit lists repeat over thousands of tasks: each distinct text is parsed once (the lists are only read).
  const lists = new Map<string, string[]>();
  const units = (s: string): string[] => {
    let v = lists.get(s);
    if (!v) lists.set(s, (v = fromJsonArray(s)));
    return v;
  };
  for (const plan of scopePlans(db, scope)) {
    for (const r of q.stmt.iterate({ ...q.named, plan }, ...q.params) as Iterable<Record<string, unknown>>) {
      yield {
        id: r.id as string, planId: r.plan_id as string, planTitle: r.plan_title as string, code: r.code as string,
        chapter: r.chapter as string, title: r.title as string, body: r.body as string, kind: r.kind as TaskKind,
        leadUnits: units(r.lead_units as string), responsibleUnits: units(r.responsible_units as string),
        status: r.status as TaskStatus, progress: (r.progress as number | null) ?? null, evidence: r.evidence as string,
        problems: r.problems as string, nextSteps: r.next_steps as string, note: r.note as string,
        compareStatus: (r.c_status as TaskStatus | null) ?? null, compareProgress: (r.c_progress as number | null) ?? null,
      };
    }
  }
}

export function countTasks(db: DB, scope: ReportScope, kinds: 'projects' | 'tasks'): number {
  const w = commonWhere(db, 'task', 't', filtersFor(scope, 'task'), []);
  w.clauses.push(kinds === 'projects' ? `t.kind = 'project'` : `t.kind <> 'project'`);
  return (db.prepare(`SELECT count(*) AS n FROM tasks t ${whereSql(w)}`).get(...w.params) as { n: number }).n;
}

export function reportTargets(db: DB, roundId: number, compareRoundId: number | undefined, scope: ReportScope): TargetRow[] {
  const f = filtersFor(scope, 'target');
  return targetsFor(db, { roundId, compareRoundId, planIds: f.planIds, unit: f.unit, ids: f.ids }).rows;
}

export interface PlanSummaryRow {
  planId: string; planTitle: string; tasks: number; byStatus: Record<TaskStatus, number>;
  targets: number; byVerdict: Record<Verdict, number>;
}

const zeroStatus = () => Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
const zeroVerdict = () => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;

/** Per plan, in document order: tasks by status (counted in SQL) and targets by verdict (from the judgements). */
export function planSummaries(db: DB, roundId: number, scope: ReportScope, targets: TargetRow[]): PlanSummaryRow[] {
  const w = commonWhere(db, 'task', 't', filtersFor(scope, 'task'), []);
  const rows = db.prepare(`SELECT t.plan_id, p.title AS plan_title, p.seq, COALESCE(e.status, '待评估') AS status, count(*) AS n
    FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = ?
    ${whereSql(w)} GROUP BY t.plan_id, status`).all(roundId, ...w.params) as { plan_id: string; plan_title: string; seq: number; status: TaskStatus; n: number }[];
  const order = new Map((db.prepare('SELECT id, seq FROM plans').all() as { id: string; seq: number }[]).map((p) => [p.id, p.seq]));
  const byPlan = new Map<string, PlanSummaryRow>();
  const get = (id: string, title: string) => {
    let s = byPlan.get(id);
    if (!s) byPlan.set(id, (s = { planId: id, planTitle: title, tasks: 0, byStatus: zeroStatus(), targets: 0, byVerdict: zeroVerdict() }));
    return s;
  };
  for (const r of rows) {
    const s = get(r.plan_id, r.plan_title);
    s.tasks += r.n;
    if (r.status in s.byStatus) s.byStatus[r.status] += r.n;
  }
  for (const g of targets) {
    const s = get(g.planId, g.planTitle);
    s.targets++;
    s.byVerdict[g.judgement.verdict]++;
  }
  return [...byPlan.values()].sort((a, b) => (order.get(a.planId) ?? 0) - (order.get(b.planId) ?? 0) || a.planId.localeCompare(b.planId));
}

export function totalOf(rows: PlanSummaryRow[]): PlanSummaryRow {
  const t: PlanSummaryRow = { planId: '', planTitle: '合计', tasks: 0, byStatus: zeroStatus(), targets: 0, byVerdict: zeroVerdict() };
  for (const r of rows) {
    t.tasks += r.tasks;
    t.targets += r.targets;
    for (const s of TASK_STATUSES) t.byStatus[s] += r.byStatus[s];
    for (const v of VERDICTS) t.byVerdict[v] += r.byVerdict[v];
  }
  return t;
}

/** 单位 line and the round line of every sheet. */
export function heading(round: Round, scope: ReportScope, plans: { title: string; issuer: string | null }[]): { unit: string; when: string; subject: string } {
  const issuers = [...new Set(plans.map((p) => p.issuer).filter(Boolean))] as string[];
  const unit = scope.unit ?? (issuers.length === 1 ? issuers[0] : '');
  const subject = plans.length === 1 ? `《${plans[0].title}》` : '规划';
  return { unit: `单位:${unit}`, when: `评估时点:${chineseDate(round.cutoff)}(${round.name})`, subject };
}
