// Table-driven cases for the task lights (core/rules/task-light.ts): deadlines passed and near (the boundary days),
// milestones behind, status and progress, what is done or cancelled; and the deadline forms a plan writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { taskLight, dueDate, type TaskLightInput } from '../../core/rules/task-light';
import { gapFlag, dueSoon, targetLightRule, taskLightRule } from '../../contract/lights';
import type { TaskLight } from '../../contract/model';

const BASE: TaskLightInput = { deadline: '', milestones: [], status: '序时推进', progress: null, asOf: '2025-06-30', thresholds: { dueSoonDays: 30 } };
const nodes = [{ due: '2024-06-30', what: '完成可研批复' }, { due: '2024-12-31', what: '开工建设' }];

interface Case { title: string; input: Partial<TaskLightInput>; expect: Partial<TaskLight> & { says?: string } }

const CASES: Case[] = [
  { title: 'deadline passed, not done: red with the days', input: { deadline: '2025-03-31' }, expect: { flag: 'red', overdueDays: 91, says: '已超过完成时限（2025-03-31）91天' } },
  { title: 'a year as deadline is its last day', input: { deadline: '2024', status: '待评估' }, expect: { flag: 'red', overdueDays: 181 } },
  { title: 'deadline the day before the cut-off', input: { deadline: '2025-06-29', progress: 95 }, expect: { flag: 'red', overdueDays: 1 } },
  { title: 'deadline on the cut-off day is due today, yellow', input: { deadline: '2025-06-30' }, expect: { flag: 'yellow', overdueDays: null, says: '今日' } },
  { title: 'due in exactly 30 days is yellow', input: { deadline: '2025-07-30' }, expect: { flag: 'yellow', says: '还有30天' } },
  { title: 'due in 31 days is green', input: { deadline: '2025-07-31' }, expect: { flag: 'green', says: '还有31天' } },
  { title: 'due soon days set to 60', input: { deadline: '2025-08-20', thresholds: { dueSoonDays: 60 } }, expect: { flag: 'yellow' } },
  { title: 'due soon days set to 0: only the day itself', input: { deadline: '2025-07-01', thresholds: { dueSoonDays: 0 } }, expect: { flag: 'green' } },
  { title: 'done after the deadline is green', input: { deadline: '2024-12-31', status: '已完成' }, expect: { flag: 'green', overdueDays: null, says: '已完成' } },
  { title: 'progress 100 counts as done', input: { deadline: '2024-12-31', status: '序时推进', progress: 100 }, expect: { flag: 'green' } },
  { title: 'cancelled has no light', input: { deadline: '2024-12-31', status: '已调整/取消' }, expect: { flag: 'none', overdueDays: null } },
  { title: 'status 滞后 is red', input: { deadline: '2026-12-31', status: '滞后' }, expect: { flag: 'red', overdueDays: null, says: '滞后' } },
  { title: '长期 has no deadline', input: { deadline: '长期', status: '未启动' }, expect: { flag: 'green', says: '长期任务' } },
  { title: 'no deadline', input: {}, expect: { flag: 'green', says: '未设完成时限' } },
  { title: 'not evaluated yet, nothing due: no light', input: { status: '待评估', deadline: '2026-12-31' }, expect: { flag: 'none', says: '尚未评估' } },
  { title: 'not evaluated yet but due soon: yellow', input: { status: '待评估', deadline: '2025-07-10' }, expect: { flag: 'yellow' } },
  { title: 'behind the latest milestone passed', input: { deadline: '2025-12-31', milestones: nodes, progress: 50 },
    expect: { flag: 'yellow', says: '已过2024-12-31节点“开工建设”，应完成约67%，填报进度50%' } },
  { title: 'ahead of every milestone passed', input: { deadline: '2025-12-31', milestones: nodes, progress: 70 }, expect: { flag: 'green' } },
  { title: 'a milestone asking for a percentage', input: { deadline: '2026-12-31', milestones: [{ due: '2025-03-31', what: '完成投资的60%' }], progress: 55 },
    expect: { flag: 'yellow', says: '应完成约60%' } },
  { title: 'no progress reported, status 序时推进 is trusted', input: { deadline: '2025-12-31', milestones: nodes }, expect: { flag: 'green' } },
  { title: 'no progress reported, status 未启动 is behind', input: { deadline: '2025-12-31', milestones: nodes, status: '未启动' }, expect: { flag: 'yellow', says: '未填报进度' } },
  { title: 'a milestone not yet due does not count', input: { deadline: '2026-12-31', milestones: [{ due: '2025-09-30', what: '主体完工' }], progress: 10 }, expect: { flag: 'green' } },
  { title: 'a milestone due on the cut-off day is not passed yet', input: { deadline: '2026-12-31', milestones: [{ due: '2025-06-30', what: '主体完工' }], progress: 10 }, expect: { flag: 'green' } },
  { title: 'overdue outranks a milestone', input: { deadline: '2025-01-31', milestones: nodes, progress: 10 }, expect: { flag: 'red', overdueDays: 150 } },
  { title: 'an invalid cut-off gives no light', input: { deadline: '2025-01-31', asOf: '2025-02-30' }, expect: { flag: 'none' } },
];

for (const c of CASES) {
  test(c.title, () => {
    const l = taskLight({ ...BASE, ...c.input });
    const { says, ...fields } = c.expect;
    for (const [k, v] of Object.entries(fields)) assert.deepEqual(l[k as keyof TaskLight], v, `${k}: ${JSON.stringify(l)}`);
    if (says) assert.ok(l.reason.includes(says), l.reason);
    assert.ok(l.reason.length > 0);
  });
}

test('deadline forms as plans write them', () => {
  assert.equal(dueDate('2025-06-30'), '2025-06-30');
  assert.equal(dueDate('2025'), '2025-12-31');
  assert.equal(dueDate('2025年'), '2025-12-31');
  assert.equal(dueDate('2024年底'), '2024-12-31');
  assert.equal(dueDate('2025年6月底前'), '2025-06-30');
  assert.equal(dueDate('2025年6月30日'), '2025-06-30');
  assert.equal(dueDate('2024-02'), '2024-02-29');
  assert.equal(dueDate('长期'), null);
  assert.equal(dueDate(''), null);
  assert.equal(dueDate('2025-02-30'), null);
  assert.equal(dueDate('持续推进'), null);
});

test('garbage never throws', () => {
  for (const bad of [{}, null, { deadline: 5, milestones: 'x', asOf: null }, { milestones: [{ due: null }], asOf: '2025-06-30' }]) {
    const l = taskLight(bad as unknown as TaskLightInput);
    assert.ok(['none', 'green'].includes(l.flag), JSON.stringify(l));
  }
});

test('the one boundary: a gap at a threshold takes its light, and the words say so', () => {
  const t = { yellow: 10, red: 30, dueSoonDays: 30 };
  assert.equal(gapFlag(9.9, t), 'green');
  assert.equal(gapFlag(10, t), 'yellow');
  assert.equal(gapFlag(29.9, t), 'yellow');
  assert.equal(gapFlag(30, t), 'red');
  assert.equal(dueSoon(30, t), true);
  assert.equal(dueSoon(31, t), false);
  assert.equal(dueSoon(-1, t), false);
  assert.ok(targetLightRule(t).includes('落后10个百分点及以上为黄灯'));
  assert.ok(targetLightRule(t).includes('30个百分点及以上为红灯'));
  assert.ok(taskLightRule(t).includes('30天以内(含当天)'));
});
