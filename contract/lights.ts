// The one reading of the lights (红黄绿灯) for targets and tasks: where a gap behind time progress turns yellow or red,
// and the words the thresholds dialog, the detail panel, the report and the returns use to say so.
import type { Flag, Thresholds } from './model';

/**
 * The light of a gap (points of 序时进度 the completion is behind, rounded to 0.1): at or above the yellow threshold
 * 黄灯, at or above the red one 红灯, below both 绿灯. A gap of exactly 10 with yellow 10 is yellow.
 */
export function gapFlag(gap: number, t: Pick<Thresholds, 'yellow' | 'red'>): Exclude<Flag, 'none'> {
  if (gap >= t.red) return 'red';
  if (gap >= t.yellow) return 'yellow';
  return 'green';
}

/** How many days before its deadline an unfinished task turns yellow: within N days (the deadline day included). */
export const dueSoon = (daysLeft: number, t: Pick<Thresholds, 'dueSoonDays'>): boolean => daysLeft >= 0 && daysLeft <= t.dueSoonDays;

/** The rule for targets, as a planner reads it. */
export function targetLightRule(t: Pick<Thresholds, 'yellow' | 'red'>): string {
  return `指标：完成进度落后序时进度不足${t.yellow}个百分点为绿灯，落后${t.yellow}个百分点及以上为黄灯，`
    + `${t.red}个百分点及以上为红灯；控制类指标(以内、不超过、不低于等)未守住为滞后，约束性指标亮红灯；`
    + '约束性指标到目标年末仍未实现亮红灯。';
}

/** The rule for tasks, as a planner reads it. */
export function taskLightRule(t: Pick<Thresholds, 'dueSoonDays'>): string {
  return '任务：超过完成时限仍未完成或评估状态为滞后为红灯；已过节点时间而进度未达到，'
    + `或距完成时限${t.dueSoonDays}天以内(含当天)仍未完成为黄灯；其余为绿灯；尚未评估和已调整/取消的任务不亮灯。`
    + '时间均以本轮截止日期为准。';
}

/** The lights as a filter names them. */
export const LIGHT_NAMES: Record<Flag, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', none: '不亮灯' };

/** Both rules, one line each: the notes under a report's tables and the text of the thresholds dialog. */
export const lightRules = (t: Thresholds): string[] => [targetLightRule(t), taskLightRule(t)];

/**
 * Where a task or target stands, each in exactly one: done (已完成 tasks, 提前实现 targets, green), onTrack (the other
 * green ones), lagging (yellow or red, not overdue), overdue (tasks past their deadline, red), unjudged (no light).
 */
export const STANDINGS = ['done', 'onTrack', 'lagging', 'overdue', 'unjudged'] as const;
export type Standing = (typeof STANDINGS)[number];
export const STANDING_LABELS: Record<Standing, string> = {
  done: '已完成', onTrack: '正常推进', lagging: '滞后或预警', overdue: '逾期', unjudged: '未研判',
};
