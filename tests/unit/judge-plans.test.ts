// The judgement table, continued: the cases a supervision office checks by hand (年均 levels, broken ceilings and floors,
// 约束性 targets, period totals without a baseline year, targets without a number, actuals that are not numbers), cases
// from real plans (能耗 and 碳排放 reductions in percent, 森林覆盖率 beyond its target, 粮食产量 保持/稳定在, growth met in
// the year of the figure), the data date (数据截至) and the planner's overrides of kind and direction.
// A 2021–2025 plan: baseline year 2020; its figures for 2024 (数据截至 2024-12-31) are 80.0% of the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeTarget, DEFAULT_THRESHOLDS, type JudgeInput } from '../../core/rules/judge';
import type { Judgement, Milestone } from '../../contract/model';

const ms = (year: number, value: string): Milestone => ({ year, value, qualifier: '', cumulative: /^\[/.test(value) });

const BASE: JudgeInput = {
  name: '工业总产值', unit: '亿元', category: '', attribute: '预期性',
  baseline: { year: 2020, value: '100' }, milestones: [ms(2025, '200')],
  actual: '', cutoff: '2025-06-30', dataDate: '2024-12-31', planStart: 2021, thresholds: DEFAULT_THRESHOLDS,
};

type Expect = Partial<Pick<Judgement, 'verdict' | 'computed' | 'flag' | 'completion' | 'timeProgress' | 'direction' | 'overridden' | 'method' | 'dataDate'>> & { says?: string; warns?: string | null };
interface Case { title: string; input: Partial<JudgeInput>; expect: Expect }

const pm25 = { name: '细颗粒物（PM2.5）年均浓度', unit: '微克/立方米', attribute: '约束性', baseline: { year: 2020, value: '36' }, milestones: [ms(2025, '30')] };
const jobless = { name: '城镇调查失业率', unit: '%', baseline: { year: 2020, value: '5.2' }, milestones: [ms(2025, '5.5以内')] };
const energy = { name: '单位地区生产总值能耗降低', unit: '%', attribute: '约束性', baseline: { year: 2020, value: null } };
const carbon = { name: '单位地区生产总值二氧化碳排放降低', unit: '%', attribute: '约束性', baseline: { year: null, value: null } };
const forest = { name: '森林覆盖率', unit: '%', attribute: '约束性' };
const grain = { name: '粮食综合生产能力', unit: '万吨', attribute: '约束性', baseline: { year: 2020, value: '52' } };
const growth = { name: '地区生产总值年均增长', unit: '%', baseline: { year: 2020, value: '6.1' }, milestones: [ms(2025, '7')] };
const goal = { name: '单位地区生产总值能耗降低', unit: '%', attribute: '约束性', baseline: { year: 2020, value: null }, milestones: [ms(2025, '完成市下达目标')] };

const CASES: Case[] = [
  // 年均: an annual average is a level, not a growth rate
  { title: 'PM2.5 年均浓度 is a falling level, on its path at the 2024 figure', input: { ...pm25, actual: '31' },
    expect: { verdict: '快于预期', flag: 'green', method: '水平类', direction: 'down', completion: 83.3, timeProgress: 80.0, says: '(基期−实际)/(基期−目标)' } },
  { title: 'PM2.5 beating its target is reached, not 90%', input: { ...pm25, actual: '27' },
    expect: { verdict: '提前实现', flag: 'green', completion: 150.0 } },
  { title: 'PM2.5 missed at the end of the target year is red (约束性)', input: { ...pm25, actual: '31', cutoff: '2026-03-31', dataDate: '2025-12-31' },
    expect: { verdict: '滞后', flag: 'red', completion: 83.3, timeProgress: 100.0, says: '约束性指标到2025年末未实现' } },
  { title: '年均降水量 is a level', input: { name: '年均降水量', unit: '毫米', baseline: { year: 2020, value: '1000' }, milestones: [ms(2025, '1100')], actual: '1080' },
    expect: { verdict: '基本符合预期', method: '水平类', completion: 80.0 } },
  { title: '年均增长 stays a growth rate', input: { ...growth, actual: '6.3' }, expect: { method: '增速类', verdict: '滞后', flag: 'yellow', completion: 90.0 } },
  { title: '年均增速 in the target cell is a growth rate', input: { milestones: [ms(2025, '年均增速7%')], actual: '7.7' }, expect: { method: '增速类', verdict: '快于预期' } },
  // ceilings and floors hold at the data date
  { title: 'unemployment ceiling broken: lagging, not 94.8% green', input: { ...jobless, actual: '5.8' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 94.8, method: '控制类', says: '未守住控制目标5.5以内' } },
  { title: 'unemployment ceiling broken at year end is still lagging', input: { ...jobless, actual: '6.0', cutoff: '2026-03-31', dataDate: '2025-12-31' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 91.7 } },
  { title: 'unemployment ceiling met', input: { ...jobless, actual: '5.1' }, expect: { verdict: '基本符合预期', flag: 'green', completion: 100.0 } },
  { title: 'unemployment ceiling met exactly at the limit', input: { ...jobless, actual: '5.5' }, expect: { verdict: '基本符合预期', flag: 'green' } },
  { title: 'a binding ceiling broken is red', input: { ...jobless, attribute: '约束性', actual: '5.6' }, expect: { verdict: '滞后', flag: 'red' } },
  { title: 'a ceiling broken far is red for an expected target too', input: { ...jobless, actual: '9' }, expect: { verdict: '滞后', flag: 'red', completion: 61.1 } },
  { title: '控制在…以内 on a price rise', input: { name: '居民消费价格涨幅', unit: '%', baseline: { year: 2020, value: '2.5' }, milestones: [ms(2025, '控制在3%以内')], actual: '3.4' },
    expect: { verdict: '滞后', method: '控制类', direction: 'down' } },
  { title: '以下 held on a ceiling above the baseline', input: { name: '万元GDP用水量', unit: '立方米', baseline: { year: 2020, value: '30' }, milestones: [ms(2025, '35以下')], actual: '29' },
    expect: { verdict: '基本符合预期', method: '控制类' } },
  // period totals and levels without a baseline year: the year before the plan
  { title: '[200] of a 2021–2025 plan without a baseline year', input: { name: '累计完成固定资产投资', baseline: { year: null, value: null }, milestones: [ms(2025, '[200]')], actual: '150' },
    expect: { verdict: '基本符合预期', flag: 'green', timeProgress: 80.0, completion: 75.0, says: '按规划期起点前一年（2020年）计' } },
  { title: 'a level without a baseline year', input: { baseline: { year: null, value: '100' }, actual: '175' },
    expect: { verdict: '基本符合预期', timeProgress: 80.0, completion: 75.0, says: '2020年' } },
  { title: 'without a plan period a total stays missing', input: { baseline: { year: null, value: null }, milestones: [ms(2025, '[200]')], planStart: null, actual: '150' },
    expect: { verdict: '数据暂缺', timeProgress: null, says: '缺少基期年份' } },
  // targets without a number
  { title: '完成市下达目标 is judged by hand', input: { ...goal, actual: '已完成' }, expect: { verdict: '待人工研判', flag: 'none', method: '人工研判', warns: null } },
  { title: 'judged by hand: on track is green', input: { ...goal, actual: '', override: { verdict: '基本符合预期', reason: '市考核结果为完成' } },
    expect: { verdict: '基本符合预期', computed: '待人工研判', flag: 'green', overridden: true } },
  { title: 'judged by hand: lagging on a binding target is red', input: { ...goal, override: { verdict: '滞后', reason: '未完成年度目标' } },
    expect: { verdict: '滞后', computed: '待人工研判', flag: 'red', overridden: true } },
  { title: 'a computed light is kept under an override', input: { ...jobless, actual: '5.8', override: { verdict: '基本符合预期', reason: '口径调整' } },
    expect: { verdict: '基本符合预期', computed: '滞后', flag: 'yellow', overridden: true } },
  // actuals that are not numbers
  { title: 'an actual that is not a number warns', input: { actual: 'abc' }, expect: { verdict: '数据暂缺', flag: 'none', warns: '不是数值' } },
  { title: 'a number actual does not warn', input: { actual: '175' }, expect: { verdict: '基本符合预期', warns: null } },
  // real plans
  { title: '能耗降低 as a percent reduction, on time', input: { ...energy, milestones: [ms(2025, '14')], actual: '11.2' },
    expect: { verdict: '基本符合预期', flag: 'green', method: '变化量类', direction: 'down', completion: 80.0, timeProgress: 80.0, says: '实际降幅/目标降幅' } },
  { title: '能耗降低 [13.5] behind', input: { ...energy, milestones: [ms(2025, '[13.5]')], actual: '8' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 59.3 } },
  { title: '碳排放降低 18% behind, no baseline year', input: { ...carbon, milestones: [ms(2025, '18%')], actual: '12' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 66.7, timeProgress: 80.0 } },
  { title: '碳排放降低 met early', input: { ...carbon, milestones: [ms(2025, '18%')], actual: '18.2' }, expect: { verdict: '提前实现', flag: 'green' } },
  { title: '碳排放降低 missed at the end is red', input: { ...carbon, milestones: [ms(2025, '18%')], actual: '16', cutoff: '2026-06-30', dataDate: '2025-12-31' },
    expect: { verdict: '滞后', flag: 'red' } },
  { title: '森林覆盖率 beyond its target', input: { ...forest, baseline: { year: 2020, value: '40' }, milestones: [ms(2025, '42')], actual: '43' },
    expect: { verdict: '提前实现', flag: 'green', direction: 'up', completion: 150.0 } },
  { title: '森林覆盖率 already above a lower target: a floor held', input: { ...forest, baseline: { year: 2020, value: '43.1' }, milestones: [ms(2025, '42')], actual: '43.5' },
    expect: { verdict: '基本符合预期', flag: 'green', direction: 'up', method: '控制类' } },
  { title: '森林覆盖率 不低于 below the baseline, broken', input: { ...forest, baseline: { year: 2020, value: '43.1' }, milestones: [ms(2025, '不低于42')], actual: '41.8' },
    expect: { verdict: '滞后', flag: 'red', direction: 'up' } },
  { title: '粮食 稳定在…以上 held', input: { ...grain, milestones: [ms(2025, '稳定在50以上')], actual: '51' },
    expect: { verdict: '基本符合预期', flag: 'green', method: '控制类', direction: 'up' } },
  { title: '粮食 稳定在…以上 broken', input: { ...grain, milestones: [ms(2025, '稳定在50以上')], actual: '49' },
    expect: { verdict: '滞后', flag: 'red', completion: 98.0 } },
  { title: '粮食 稳定在 without a qualifier is a floor, not a fall', input: { ...grain, milestones: [ms(2025, '稳定在50')], actual: '53' },
    expect: { verdict: '基本符合预期', flag: 'green', direction: 'up' } },
  { title: '粮食 保持 at the baseline', input: { ...grain, milestones: [ms(2025, '保持52')], actual: '52.3' }, expect: { verdict: '基本符合预期', method: '控制类' } },
  { title: '粮食 稳定在…以上 without a baseline', input: { ...grain, baseline: { year: 2020, value: null }, milestones: [ms(2025, '稳定在50以上')], actual: '50.5' },
    expect: { verdict: '基本符合预期', method: '控制类' } },
  { title: 'growth target met in the year of the figure', input: { ...growth, actual: '7' }, expect: { verdict: '基本符合预期', flag: 'green', completion: 100.0 } },
  { title: 'growth target passed in the year of the figure', input: { ...growth, actual: '7.5' }, expect: { verdict: '快于预期', flag: 'green' } },
  { title: 'growth target met in the target year', input: { ...growth, actual: '7.1', cutoff: '2026-03-31', dataDate: '2025-12-31' }, expect: { verdict: '提前实现' } },
  // the data date
  { title: 'annual 2024 figures at a mid-2025 cut-off: 80%, not 89.9%', input: { actual: '175' }, expect: { timeProgress: 80.0, verdict: '基本符合预期', dataDate: '2024-12-31' } },
  { title: 'the same figures at the cut-off itself', input: { actual: '175', dataDate: '' }, expect: { timeProgress: 89.9, verdict: '滞后', flag: 'yellow', dataDate: '2025-06-30' } },
  { title: 'a monthly figure', input: { actual: '170', dataDate: '2025-03-31' }, expect: { timeProgress: 84.9 } },
  { title: 'a data date after the cut-off warns', input: { actual: '170', dataDate: '2025-07-31' }, expect: { timeProgress: 91.6, warns: '晚于本轮截止日期' } },
  { title: 'an invalid data date', input: { actual: '170', dataDate: '2024-02-30' }, expect: { verdict: '数据暂缺', says: '数据截至日期' } },
  // the planner's overrides
  { title: 'kind set to 人工研判 ignores the numbers', input: { actual: '170', judgeKind: 'manual' }, expect: { verdict: '待人工研判', flag: 'none', says: '研判方式设为人工研判' } },
  { title: 'kind set to 增速', input: { name: '工业投资', baseline: { year: 2020, value: null }, milestones: [ms(2025, '10')], actual: '8', judgeKind: 'growth' },
    expect: { method: '增速类', completion: 80.0, timeProgress: 100.0, verdict: '滞后' } },
  { title: 'kind set to 水平 on a 年均增长 name', input: { ...growth, milestones: [ms(2025, '8.1')], actual: '7.6', judgeKind: 'level' },
    expect: { method: '水平类', completion: 75.0 } },
  { title: 'kind set to 控制 takes the floor', input: { ...forest, baseline: { year: 2020, value: '40' }, milestones: [ms(2025, '42')], actual: '41', judgeKind: 'control' },
    expect: { method: '控制类', verdict: '滞后', direction: 'up', flag: 'red' } },
  { title: 'kind set to 期间累计', input: { baseline: { year: 2020, value: null }, milestones: [ms(2025, '200')], actual: '160', judgeKind: 'cumulative' },
    expect: { method: '期间累计类', completion: 80.0 } },
  { title: 'direction set to down on a level without a baseline', input: { name: '建设用地规模', baseline: { year: 2020, value: null }, milestones: [ms(2025, '50')], actual: '49', judgeDirection: 'down' },
    expect: { direction: 'down', verdict: '提前实现' } },
  { title: 'direction set to up on a name read as falling', input: { name: '排放达标企业数', baseline: { year: 2020, value: null }, milestones: [ms(2025, '50')], actual: '49', judgeDirection: 'up' },
    expect: { direction: 'up', verdict: '数据暂缺' } },
];

for (const c of CASES) {
  test(c.title, () => {
    const j = judgeTarget({ ...BASE, ...c.input });
    const { says, warns, ...fields } = c.expect;
    for (const [k, v] of Object.entries(fields)) assert.deepEqual(j[k as keyof Judgement], v, `${k}: ${JSON.stringify(j)}`);
    if (!('overridden' in fields)) assert.equal(j.overridden, false);
    if (!('computed' in fields)) assert.equal(j.computed, j.verdict);
    if (says) assert.ok(j.explanation.includes(says), j.explanation);
    if (warns === null) assert.deepEqual(j.warnings, []);
    else if (warns) assert.ok(j.warnings.some((w) => w.includes(warns)), JSON.stringify(j.warnings));
  });
}
