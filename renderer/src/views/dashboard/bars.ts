// The bars of the dashboard's charts and tables: one per plan or unit that has tasks (or targets); a chart shows at
// most a limited number, the largest. Plain data, no DOM (tested in tests/unit/dashboard-bars.test.ts).
import type { DashboardGroup } from '../../../../contract';

export interface Bar { key: string; label: string; counts: Record<string, number> }

/** Bars per chart: more would make a chart thousands of pixels tall; the tables below list every plan and unit. */
export const CHART_LIMIT = { plan: 30, unit: 25 } as const;

export function bars(groups: DashboardGroup[], entity: 'task' | 'target'): Bar[] {
  return groups
    .filter((g) => (entity === 'task' ? g.tasks.total : g.targets.total) > 0)
    .map((g) => ({ key: g.key, label: g.label, counts: entity === 'task' ? g.tasks : g.targets }));
}

/** The bars a chart shows: all of them when they fit, else the largest, in the order the groups come in. */
export function chartBars(all: Bar[], limit: number): Bar[] {
  if (all.length <= limit) return all;
  const keep = new Set([...all].sort((a, b) => b.counts.total - a.counts.total).slice(0, limit).map((b) => b.key));
  return all.filter((b) => keep.has(b.key));
}
