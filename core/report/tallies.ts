// Figures read off the counts of a plan, a unit or the whole scope (tally's groups): targets on track, tasks moving,
// and the flags of targets, so the 汇总 sheet and the Word report put them the same way.
import type { DashboardGroup } from '../../contract/app';

/** A row of a summary table: its number (0 for the total), the group's counts and its targets' red and yellow lights. */
export interface Row { n: number; g: DashboardGroup; flags: { red: number; yellow: number } }

/** Targets 提前实现, 快于预期 or 基本符合预期. */
export const onTrack = (g: DashboardGroup): number => g.targets['提前实现'] + g.targets['快于预期'] + g.targets['基本符合预期'];
/** Targets judged from their figures: neither without data nor left to the planner (待人工研判); the base of 符合预期率. */
export const judgedCount = (g: DashboardGroup): number => g.targets.total - g.targets['数据暂缺'] - g.targets['待人工研判'];

/** Tasks on schedule (序时推进 and 超序时) and moving at all (those and 已完成). */
export function unitProgress(g: DashboardGroup): { going: number; moving: number } {
  const going = g.tasks['序时推进'] + g.tasks['超序时'];
  return { going, moving: going + g.tasks['已完成'] };
}
