// The tasks of a report's scope with their evaluation (and the comparison round's status and progress), deadline and
// milestones, streamed row by row in document order, and counted by kind. The light is added above (core/report/data.ts).
import type { DB } from '../connection';
import { knownStatus, type TaskKind, type TaskStatus, type TaskLight, type TaskMilestone } from '../../contract/model';
import { taskMilestones } from './tasks';
import { commonWhere, whereSql, type CommonFilters } from './filters';
import { fromJsonArray } from '../json';

export interface ReportTask {
  /** `body` is read for 专栏 projects only (the task sheet does not show it). */
  id: string; planId: string; planTitle: string; code: string; chapter: string; title: string; body: string; kind: TaskKind;
  leadUnits: string[]; responsibleUnits: string[]; status: TaskStatus; progress: number | null;
  evidence: string; problems: string; nextSteps: string; note: string;
  compareStatus: TaskStatus | null; compareProgress: number | null;
  /** 完成时限 as stored ('YYYY-MM-DD', 'YYYY', '长期' or ''), and the dated milestones. */
  deadline: string; milestones: TaskMilestone[];
  /** The task's light at the round's cut-off, by the same rule as the grids (core/judgement/tasks.ts). */
  light: TaskLight;
}

/** A report task as stored: the light is computed from it. */
export type StoredReportTask = Omit<ReportTask, 'light'>;

function taskQuery(db: DB, roundId: number, compareRoundId: number | undefined, f: CommonFilters) {
  const w = commonWhere(db, 'task', 't', { ...f, roundId });
  w.clauses.unshift('t.plan_id = @plan');
  const cmp = compareRoundId != null;
  const sql = `SELECT t.id, t.plan_id, p.title AS plan_title, t.code, t.chapter, t.title,
      CASE WHEN t.kind = 'project' THEN t.body ELSE '' END AS body, t.kind, t.lead_units, t.responsible_units, t.deadline,
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
function scopePlans(db: DB, planIds: string[] | undefined): string[] {
  const all = (db.prepare('SELECT id FROM plans ORDER BY seq, id').all() as { id: string }[]).map((p) => p.id);
  if (!planIds?.length) return all;
  const want = new Set(planIds);
  return all.filter((id) => want.has(id));
}

/**
 * Streams the tasks of a scope in document order without holding them in memory: plan by plan, each plan's tasks in
 * their order along the (plan_id, seq) index, so SQLite never sorts the whole table.
 */
export function* streamTasks(db: DB, roundId: number, compareRoundId: number | undefined, f: CommonFilters, planIds: string[] | undefined): Generator<StoredReportTask> {
  const q = taskQuery(db, roundId, compareRoundId, f);
  // The same unit lists repeat over thousands of tasks: each distinct text is parsed once (the lists are only read).
  const lists = new Map<string, string[]>();
  const units = (s: string): string[] => {
    let v = lists.get(s);
    if (!v) lists.set(s, (v = fromJsonArray(s)));
    return v;
  };
  const planMilestones = db.prepare('SELECT DISTINCT m.task_id FROM task_milestones m JOIN tasks t ON t.id = m.task_id WHERE t.plan_id = ?').pluck();
  for (const plan of scopePlans(db, planIds)) {
    const withMs = planMilestones.all(plan) as string[];
    const ms = withMs.length ? taskMilestones(db, withMs) : new Map<string, TaskMilestone[]>();
    for (const r of q.stmt.iterate({ ...q.named, plan }, ...q.params) as Iterable<Record<string, unknown>>) {
      yield {
        id: r.id as string, planId: r.plan_id as string, planTitle: r.plan_title as string, code: r.code as string,
        chapter: r.chapter as string, title: r.title as string, body: r.body as string, kind: r.kind as TaskKind,
        leadUnits: units(r.lead_units as string), responsibleUnits: units(r.responsible_units as string),
        status: knownStatus(r.status as string) ?? (r.status as TaskStatus), progress: (r.progress as number | null) ?? null, evidence: r.evidence as string,
        problems: r.problems as string, nextSteps: r.next_steps as string, note: r.note as string,
        compareStatus: (r.c_status as TaskStatus | null) ?? null, compareProgress: (r.c_progress as number | null) ?? null,
        deadline: (r.deadline as string) ?? '', milestones: ms.get(r.id as string) ?? [],
      };
    }
  }
}

export function countScopeTasks(db: DB, f: CommonFilters, kinds: 'projects' | 'tasks'): number {
  const w = commonWhere(db, 'task', 't', f);
  w.clauses.push(kinds === 'projects' ? `t.kind = 'project'` : `t.kind <> 'project'`);
  return (db.prepare(`SELECT count(*) AS n FROM tasks t ${whereSql(w)}`).get(...w.params) as { n: number }).n;
}

