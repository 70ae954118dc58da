// Lights (预警) of what a report lists: a target's from its judgement, a task's from the `light` its row carries when
// the judgement gives one; and the tests behind the report's narrower scopes (evaluated, red or yellow, 存在问题).
import type { Flag, TargetRow } from '../../contract/model';
import { FLAG_LABELS } from '../../contract/colors';
import type { ReportTask } from '../../db/repos/report-tasks';

/** A task's light as the judgement gives it: the flag, why, and by how many days its deadline has passed. */
export interface TaskLight { flag: Flag; reason?: string; overdueDays?: number | null }

/** The task's light, or null while its row carries none. */
export const taskLight = (t: object): TaskLight | null => (t as { light?: TaskLight | null }).light ?? null;

/** 红灯, 黄灯, 绿灯; '' for no light. */
export const flagLabel = (f: Flag | null | undefined): string => (f && f !== 'none' ? FLAG_LABELS[f] : '');

const warning = (f: Flag | null | undefined): boolean => f === 'red' || f === 'yellow';

export const targetWarned = (t: TargetRow): boolean => warning(t.judgement.flag);

/** A task shown red or yellow; without a light, one its unit reports as 滞后. */
export function taskWarned(t: ReportTask): boolean {
  const l = taskLight(t);
  return l ? warning(l.flag) : t.status === '滞后';
}

/** The task's flag for counting lights: its light's, or none. */
export const taskFlag = (t: ReportTask): Flag => taskLight(t)?.flag ?? 'none';

export const taskEvaluated = (t: ReportTask): boolean => t.status !== '待评估';
export const targetEvaluated = (t: TargetRow): boolean => t.eval.actual.trim() !== '' || t.eval.verdictOverride !== '';
export const hasProblems = (t: ReportTask): boolean => t.problems.trim() !== '';

/** Days past the deadline, from the task's light; null when not overdue or unknown. */
export const overdueDays = (t: ReportTask): number | null => {
  const d = taskLight(t)?.overdueDays;
  return d != null && d > 0 ? d : null;
};
