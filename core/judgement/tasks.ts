// Tasks as the planner sees them: the stored rows with each one's light (红黄绿灯, why, days overdue) from the rules at the
// round's cut-off and due-soon days. The grids, the dashboard, the report and the returns read task lights through here,
// so a light reads the same everywhere.
import type { DB } from '../../db/connection';
import type { Flag, TaskLight, TaskRow, TaskStatus } from '../../contract/model';
import type { Standing } from '../../contract/lights';
import { queryTasks, getTask, taskLightRows, type TaskFilters, type StoredTask } from '../../db/repos/tasks';
import { taskLighter as lighterAt, type TaskFacts } from '../rules/task-light';
import { roundOrThrow, thresholds } from '../common/settings';

export interface LightedQuery extends TaskFilters { lights?: string[]; standings?: string[] }

/** Where a task stands: its light decides, overdue and done told apart. */
export function taskStanding(status: TaskStatus | string, light: TaskLight): Standing {
  if (light.flag === 'none') return 'unjudged';
  if (light.overdueDays != null) return 'overdue';
  if (light.flag !== 'green') return 'lagging';
  return status === '已完成' ? 'done' : 'onTrack';
}

/** What a light is read from: the task's deadline and milestones, its status and progress in the round. */
export type LightSource = TaskFacts;

/** The light of any task of a round, by one rule: the round's cut-off and the round's due-soon days. */
export function taskLighter(db: DB, roundId: number): (t: LightSource) => TaskLight {
  const round = roundOrThrow(db, roundId);
  return lighterAt(round.cutoff, thresholds(db, round.id));
}

const withLight = (lightOf: (t: LightSource) => TaskLight) => (t: StoredTask): TaskRow =>
  ({ ...t, light: lightOf({ deadline: t.deadline, milestones: t.milestones, status: t.eval.status, progress: t.eval.progress }) });

/**
 * The grid query with lights. With a light filter, the lights of every selected task are read first (a few columns
 * each), and only the page asked for is read in full.
 */
export function lightedTasks(db: DB, f: LightedQuery): { rows: TaskRow[]; total: number } {
  const lightOf = taskLighter(db, f.roundId);
  if (!f.lights?.length && !f.standings?.length) {
    const r = queryTasks(db, f);
    return { rows: r.rows.map(withLight(lightOf)), total: r.total };
  }
  const lights = f.lights?.length ? new Set<Flag>(f.lights as Flag[]) : null;
  const standings = f.standings?.length ? new Set<string>(f.standings) : null;
  const ids = taskLightRows(db, f).filter((t) => {
    const l = lightOf(t);
    return (!lights || lights.has(l.flag)) && (!standings || standings.has(taskStanding(t.status, l)));
  }).map((t) => t.id);
  const start = f.offset ?? 0;
  const page = ids.slice(start, f.limit != null ? start + f.limit : undefined);
  const rows = page.length ? queryTasks(db, { ...f, ids: page, offset: undefined, limit: undefined }).rows.map(withLight(lightOf)) : [];
  return { rows, total: ids.length };
}

export function lightedTask(db: DB, id: string, roundId: number, compareRoundId?: number): TaskRow | null {
  const t = getTask(db, id, roundId, compareRoundId);
  return t ? withLight(taskLighter(db, roundId))(t) : null;
}
