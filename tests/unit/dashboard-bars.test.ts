// The dashboard's bars (renderer/src/views/dashboard/bars.ts): groups without rows are left out, and a chart with more
// groups than it can show keeps the largest, in their own order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bars, chartBars, CHART_LIMIT } from '../../renderer/src/views/dashboard/bars';
import { TASK_STATUSES, VERDICTS, FLAGS } from '../../contract/model';
import { STANDINGS } from '../../contract/lights';
import type { DashboardGroup } from '../../contract';

const group = (key: string, tasks: number, targets: number): DashboardGroup => ({
  key, label: `规划${key}`,
  tasks: { ...Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])), 已完成: tasks, total: tasks } as DashboardGroup['tasks'],
  targets: { ...Object.fromEntries(VERDICTS.map((v) => [v, 0])), 滞后: targets, total: targets } as DashboardGroup['targets'],
  taskLights: Object.fromEntries(FLAGS.map((f) => [f, 0])) as DashboardGroup['taskLights'],
  targetLights: Object.fromEntries(FLAGS.map((f) => [f, 0])) as DashboardGroup['targetLights'],
  taskStanding: Object.fromEntries(STANDINGS.map((s) => [s, 0])) as DashboardGroup['taskStanding'],
  targetStanding: Object.fromEntries(STANDINGS.map((s) => [s, 0])) as DashboardGroup['targetStanding'],
});

test('a group without tasks has no task bar, and one without targets no target bar', () => {
  const groups = [group('a', 3, 0), group('b', 0, 2)];
  assert.deepEqual(bars(groups, 'task').map((b) => b.key), ['a']);
  assert.deepEqual(bars(groups, 'target').map((b) => b.key), ['b']);
});

test('a chart of a city keeps the largest plans, in document order; a small set is shown whole', () => {
  const groups = Array.from({ length: 200 }, (_, i) => group(String(i).padStart(3, '0'), (i * 37) % 200 + 1, 1));
  const all = bars(groups, 'task');
  const shown = chartBars(all, CHART_LIMIT.plan);
  assert.equal(shown.length, CHART_LIMIT.plan);
  const smallestShown = Math.min(...shown.map((b) => b.counts.total));
  assert.ok(all.filter((b) => !shown.includes(b)).every((b) => b.counts.total <= smallestShown), 'no larger plan left out');
  assert.deepEqual(shown.map((b) => b.key), [...shown.map((b) => b.key)].sort(), 'document order kept');
  const few = all.slice(0, 13);
  assert.equal(chartBars(few, CHART_LIMIT.plan), few);
});
