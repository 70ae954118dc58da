// 责任单位推进情况: per responsible unit, its tasks and targets by standing (done, on track, lagging, overdue, unjudged)
// with their lights and the share on track, ranked. Read from the tally (core/judgement/counts.ts), so the dashboard's
// ranking and the report's table count the same items.
import type { DashboardGroup, UnitProgress } from '../../contract/app';
import { STANDINGS, type Standing } from '../../contract/lights';

/** One group (a unit, a plan, the total) as a line of the ranking. */
export function unitProgress(g: DashboardGroup): UnitProgress {
  const s = Object.fromEntries(STANDINGS.map((k) => [k, g.taskStanding[k] + g.targetStanding[k]])) as Record<Standing, number>;
  const items = g.tasks.total + g.targets.total;
  const judged = items - s.unjudged;
  const light = (f: 'red' | 'yellow' | 'green') => g.taskLights[f] + g.targetLights[f];
  return {
    unit: g.label, items, done: s.done, onTrack: s.onTrack, lagging: s.lagging, overdue: s.overdue, unjudged: s.unjudged,
    red: light('red'), yellow: light('yellow'), green: light('green'),
    share: judged > 0 ? Math.round(((s.done + s.onTrack) / judged) * 1000) / 1000 : null,
    tasks: { ...g.taskStanding }, targets: { ...g.targetStanding },
  };
}

/**
 * The units ranked: highest share on track first, then fewer overdue, then more items, then by name; units with
 * nothing judged come last.
 */
export function unitRanking(groups: DashboardGroup[]): UnitProgress[] {
  return groups.map(unitProgress).sort((a, b) =>
    (b.share ?? -1) - (a.share ?? -1) || a.overdue - b.overdue || b.items - a.items || a.unit.localeCompare(b.unit, 'zh-CN'));
}
