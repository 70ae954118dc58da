// Counts of tasks by evaluation status in a round, per plan and per responsible unit (lead and responsible both
// count, each task once per unit), for the dashboard and the report's 汇总.
import type { DB } from '../connection';
import { NO_UNIT, type TaskStatus } from '../../contract/model';
import { commonWhere, whereSql, type CommonFilters } from './filters';

export interface StatusCount { key: string; status: TaskStatus; n: number }

export function taskStatusCounts(db: DB, roundId: number, by: 'plan' | 'unit', f: CommonFilters): StatusCount[] {
  const w = commonWhere(db, 'task', 't', f);
  // Tasks without any unit count under 未明确责任单位 rather than being dropped.
  const key = by === 'plan' ? 't.plan_id' : `COALESCE(u.unit, '${NO_UNIT}')`;
  const units = by === 'unit' ? `LEFT JOIN entity_units u ON u.entity = 'task' AND u.entity_id = t.id` : '';
  return db.prepare(`SELECT ${key} AS key, COALESCE(e.status, '待评估') AS status, count(DISTINCT t.id) AS n FROM tasks t ${units}
    LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = ? ${whereSql(w)} GROUP BY 1, 2`).all(roundId, ...w.params) as StatusCount[];
}

/** The plans (id, title) in document order, all of them or those listed. */
export function plansInOrder(db: DB, planIds?: string[]): { id: string; title: string; issuer: string | null }[] {
  return db.prepare(`SELECT id, title, issuer FROM plans ${planIds?.length ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''} ORDER BY seq, id`)
    .all(...(planIds?.length ? [JSON.stringify(planIds)] : [])) as { id: string; title: string; issuer: string | null }[];
}

/** How many plans, tasks, targets and rounds the database holds. */
export function tableCounts(db: DB): { plans: number; tasks: number; targets: number; rounds: number } {
  return db.prepare(`SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM tasks) AS tasks,
    (SELECT count(*) FROM targets) AS targets, (SELECT count(*) FROM rounds) AS rounds`).get() as { plans: number; tasks: number; targets: number; rounds: number };
}
