// Table-driven cases for the target judgement rules: each target kind, missing data, qualifiers, milestones, cut-offs,
// thresholds (the boundary: a gap at the threshold takes its light) and overrides. Cut-off 2023-12-31 on a 2020→2025
// plan is exactly 60.0% of the time. The cases of real plans and of the data date are in judge-plans.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeTarget, DEFAULT_THRESHOLDS, type JudgeInput } from '../../core/rules/judge';
import { parseValue } from '../../core/rules/values';
import type { Judgement, Milestone } from '../../contract/model';

const ms = (year: number, value: string, qualifier = '', cumulative = false): Milestone => ({ year, value, qualifier, cumulative });

const BASE: JudgeInput = {
  name: '工业总产值', unit: '亿元', category: '总量速度', attribute: '预期性',
  baseline: { year: 2020, value: '100' }, milestones: [ms(2025, '200')],
  actual: '', cutoff: '2023-12-31', thresholds: DEFAULT_THRESHOLDS,
};

type Expect = Partial<Pick<Judgement, 'verdict' | 'computed' | 'flag' | 'completion' | 'timeProgress' | 'direction' | 'overridden' | 'targetYear'>> & { says?: string };
interface Case { title: string; input: Partial<JudgeInput>; expect: Expect }

const level = (actual: string, more: Partial<JudgeInput> = {}): Partial<JudgeInput> => ({ actual, ...more });
const target = (value: string, actual: string, more: Partial<JudgeInput> = {}): Partial<JudgeInput> => ({ milestones: [ms(2025, value)], actual, ...more });
const energy = { name: '单位地区生产总值能耗', unit: '吨标准煤/万元', baseline: { year: 2020, value: '0.5' } };
const dropRate = { name: '单位工业增加值能耗下降率(%)', unit: '%', baseline: { year: 2020, value: null } };
const invest = { name: '智能制造总投资', unit: '亿元', baseline: { year: 2020, value: null } };
const growth = { name: '地区生产总值年均增长(%)', unit: '%', baseline: { year: 2020, value: '6.5' } };
const jobless = { name: '城镇调查失业率', unit: '%', baseline: { year: 2020, value: '5.2' } };
const share = { name: '战略性新兴产业产值占工业总产值比重(%)', unit: '%', baseline: { year: 2020, value: '15' } };
const local = { name: '零部件本地配套率', unit: '%', baseline: { year: 2020, value: '40' } };
const steps = [ms(2022, '130'), ms(2025, '200')];

const CASES: Case[] = [
  // plain increase, and the threshold boundaries (gap = 序时 − 完成)
  { title: 'seed 工业总产值 971.4→1300 on time', input: { baseline: { year: 2020, value: '971.4' }, milestones: [ms(2025, '1300')], actual: '1168.6' },
    expect: { verdict: '基本符合预期', flag: 'green', completion: 60.0, timeProgress: 60.0, direction: 'up', targetYear: 2025 } },
  { title: 'gap just under yellow is green', input: level('150.1'),
    expect: { verdict: '基本符合预期', flag: 'green', completion: 50.1, timeProgress: 60.0, says: '完成进度50.1% = (实际−基期)/(目标−基期)；序时进度60.0%，落后9.9个百分点' } },
  { title: 'gap exactly yellow is yellow', input: level('150'), expect: { verdict: '滞后', flag: 'yellow', completion: 50.0, says: '落后10.0个百分点' } },
  { title: 'gap just over yellow', input: level('149.9'), expect: { verdict: '滞后', flag: 'yellow', completion: 49.9, says: '落后10.1个百分点' } },
  { title: 'gap just under red is yellow', input: level('130.1'), expect: { verdict: '滞后', flag: 'yellow', completion: 30.1 } },
  { title: 'gap exactly red is red', input: level('130'), expect: { verdict: '滞后', flag: 'red', completion: 30.0 } },
  { title: 'gap just over red', input: level('129.9'), expect: { verdict: '滞后', flag: 'red', completion: 29.9 } },
  { title: 'no gap at all', input: level('160'), expect: { verdict: '基本符合预期', flag: 'green', completion: 60.0 } },
  { title: 'ahead of time', input: level('170'), expect: { verdict: '快于预期', flag: 'green', completion: 70.0, says: '超前10.0个百分点' } },
  { title: 'final target reached', input: level('200'), expect: { verdict: '提前实现', flag: 'green', completion: 100.0 } },
  { title: 'went backwards', input: level('90'), expect: { verdict: '滞后', flag: 'red', completion: -10.0 } },
  { title: 'mid-year cut-off by day of year', input: level('150', { cutoff: '2023-06-30' }),
    expect: { verdict: '快于预期', timeProgress: 49.9, completion: 50.0 } },
  // lower is better
  { title: 'energy intensity falling on time', input: { ...energy, milestones: [ms(2025, '0.4')], actual: '0.44' },
    expect: { verdict: '基本符合预期', flag: 'green', completion: 60.0, direction: 'down', says: '(基期−实际)/(基期−目标)' } },
  { title: 'energy intensity barely falling', input: { ...energy, milestones: [ms(2025, '0.4')], actual: '0.48' },
    expect: { verdict: '滞后', flag: 'red', completion: 20.0, direction: 'down' } },
  { title: 'energy intensity below target', input: { ...energy, milestones: [ms(2025, '0.4')], actual: '0.39' },
    expect: { verdict: '提前实现', flag: 'green', completion: 110.0 } },
  { title: 'no baseline: lower-is-better by name', input: { name: '二氧化硫排放量', baseline: { year: 2020, value: null }, milestones: [ms(2025, '10')], actual: '9' },
    expect: { verdict: '提前实现', direction: 'down', completion: null } },
  // reduction written as the reduction itself
  { title: 'reduction rate [13.5] on time', input: { ...dropRate, milestones: [ms(2025, '[13.5]', '', true)], actual: '8.1' },
    expect: { verdict: '基本符合预期', flag: 'green', completion: 60.0, timeProgress: 60.0, direction: 'down', says: '实际降幅/目标降幅' } },
  { title: 'reduction rate went the other way', input: { ...dropRate, milestones: [ms(2025, '[13.5]')], actual: '上升2%' },
    expect: { verdict: '滞后', flag: 'red', completion: -14.8 } },
  { title: 'reduction rate met', input: { ...dropRate, name: '单位GDP二氧化碳排放降低(%)', milestones: [ms(2025, '18')], actual: '18.5' },
    expect: { verdict: '提前实现', completion: 102.8, direction: 'down' } },
  // cumulative [200]
  { title: 'cumulative on time', input: { ...invest, milestones: [ms(2025, '[200]', '', true)], actual: '120' },
    expect: { verdict: '基本符合预期', flag: 'green', completion: 60.0, direction: 'up', says: '期间累计实际/累计目标' } },
  { title: 'cumulative behind', input: { ...invest, milestones: [ms(2025, '[200]', '', true)], actual: '[80]' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 40.0 } },
  { title: 'cumulative reached', input: { ...invest, milestones: [ms(2025, '[200]以上', '以上', true)], actual: '200' },
    expect: { verdict: '提前实现', completion: 100.0 } },
  { title: 'cumulative with a 2022 milestone', input: { ...invest, milestones: [ms(2022, '[100]'), ms(2025, '[200]')], actual: '120' },
    expect: { verdict: '基本符合预期', timeProgress: 66.7, completion: 60.0, says: '按2022年阶段目标分段插值' } },
  { title: 'cumulative without a baseline year', input: { ...invest, baseline: { year: null, value: null }, milestones: [ms(2025, '[200]')], actual: '120' },
    expect: { verdict: '数据暂缺', flag: 'none', timeProgress: null, completion: 60.0, says: '缺少基期年份' } },
  // growth rates: compared as rates, always due in full
  { title: 'growth rate close to target', input: { ...growth, milestones: [ms(2025, '8')], actual: '7.3' },
    expect: { verdict: '基本符合预期', flag: 'green', completion: 91.3, timeProgress: 100.0, says: '实际增速/目标增速' } },
  { title: 'growth rate 10 points short is yellow', input: { ...growth, milestones: [ms(2025, '8')], actual: '7.2' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 90.0 } },
  { title: 'growth rate short', input: { ...growth, milestones: [ms(2025, '8')], actual: '6' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 75.0 } },
  { title: 'growth rate above target before the end', input: { ...growth, milestones: [ms(2025, '8')], actual: '9' },
    expect: { verdict: '快于预期', completion: 112.5 } },
  { title: 'growth written in the target cell, actual fell', input: { name: '工业总产值', baseline: { year: 2020, value: '971.4' }, milestones: [ms(2025, '年均增长8%')], actual: '下降1%' },
    expect: { verdict: '滞后', flag: 'red', completion: -12.5, direction: 'up' } },
  { title: 'growth rate met at the end of the period', input: { ...growth, milestones: [ms(2025, '8')], actual: '8.5', cutoff: '2026-03-31' },
    expect: { verdict: '提前实现', completion: 106.3 } },
  { title: 'growth 左右 within 5% at the end', input: { ...growth, milestones: [ms(2025, '8左右')], actual: '7.6', cutoff: '2026-01-31' },
    expect: { verdict: '提前实现', completion: 95.0 } },
  { title: 'growth 左右 within 5% before the end', input: { ...growth, milestones: [ms(2025, '8左右')], actual: '7.6' },
    expect: { verdict: '基本符合预期', completion: 95.0 } },
  // shares and percentage points
  { title: 'share in % judged in points', input: { ...share, milestones: [ms(2025, '40')], actual: '30%' },
    expect: { verdict: '基本符合预期', completion: 60.0, timeProgress: 60.0 } },
  { title: '百分点 target, actual as a level', input: { ...local, milestones: [ms(2025, '提高30个百分点')], actual: '58%' },
    expect: { verdict: '基本符合预期', completion: 60.0, says: '实际提高百分点/目标提高百分点' } },
  { title: '百分点 target, actual as points', input: { ...local, milestones: [ms(2025, '提高30个百分点')], actual: '提高9个百分点' },
    expect: { verdict: '滞后', flag: 'red', completion: 30.0 } },
  { title: '百分点 target, level actual, no baseline', input: { ...local, baseline: { year: 2020, value: null }, milestones: [ms(2025, '30个百分点')], actual: '58' },
    expect: { verdict: '数据暂缺', flag: 'none', completion: null, says: '缺少基期值' } },
  // bounds: must hold all the time
  { title: 'ceiling held', input: { ...jobless, milestones: [ms(2025, '5.5%以内')], actual: '5.3' },
    expect: { verdict: '基本符合预期', flag: 'green', completion: 100.0, timeProgress: 100.0, direction: 'down' } },
  { title: 'ceiling slightly broken is lagging', input: { ...jobless, milestones: [ms(2025, '5.5%以内')], actual: '6.0' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 91.7, says: '未守住控制目标5.5%以内（上限）' } },
  { title: 'ceiling clearly broken', input: { ...jobless, milestones: [ms(2025, '5.5%以内')], actual: '7' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 78.6 } },
  { title: 'ceiling held at the end', input: { ...jobless, milestones: [ms(2025, '5.5%以内')], actual: '5.3', cutoff: '2026-06-30' },
    expect: { verdict: '提前实现', completion: 100.0 } },
  { title: '不超过 is a ceiling, not 超过', input: { ...jobless, milestones: [ms(2025, '不超过5.5')], actual: '5.5' },
    expect: { verdict: '基本符合预期', completion: 100.0, direction: 'down' } },
  { title: 'floor below the baseline broken', input: { name: '耕地保有量', unit: '万亩', baseline: { year: 2020, value: '95' }, milestones: [ms(2025, '不低于90')], actual: '81' },
    expect: { verdict: '滞后', flag: 'yellow', completion: 90.0, direction: 'up', says: '（下限）' } },
  { title: 'binding floor broken is red', input: { name: '耕地保有量', unit: '万亩', attribute: '约束性', baseline: { year: 2020, value: '95' }, milestones: [ms(2025, '不低于90')], actual: '89.9' },
    expect: { verdict: '滞后', flag: 'red', completion: 99.9, says: '约束性' } },
  { title: 'binding floor held', input: { name: '耕地保有量', unit: '万亩', attribute: '约束性', baseline: { year: 2020, value: '95' }, milestones: [ms(2025, '不低于90')], actual: '92' },
    expect: { verdict: '基本符合预期', flag: 'green', completion: 100.0 } },
  // missing data
  { title: 'no actual', input: level(''), expect: { verdict: '数据暂缺', flag: 'none', completion: null, timeProgress: 60.0, says: '未填报实际值' } },
  { title: 'unparsable actual', input: level('待统计'), expect: { verdict: '数据暂缺', flag: 'none', completion: null, says: '无法识别' } },
  { title: 'no baseline value', input: level('150', { baseline: { year: 2020, value: null } }),
    expect: { verdict: '数据暂缺', flag: 'none', completion: null, timeProgress: 60.0, says: '缺少基期值' } },
  { title: 'no baseline value but target met', input: level('210', { baseline: { year: 2020, value: '—' } }), expect: { verdict: '提前实现', completion: null } },
  { title: 'no target is judged by hand', input: { milestones: [], actual: '150' }, expect: { verdict: '待人工研判', flag: 'none', targetYear: null, timeProgress: null, says: '未设定目标值' } },
  { title: 'target without a number is judged by hand', input: target('市级下达', '5'), expect: { verdict: '待人工研判', flag: 'none', targetYear: 2025, timeProgress: 60.0, says: '市级下达' } },
  { title: 'invalid cut-off date', input: level('150', { cutoff: '2023-02-30' }), expect: { verdict: '数据暂缺', flag: 'none', timeProgress: null, says: '截止日期' } },
  // qualifiers
  { title: '以上 reached at the target', input: target('200以上', '200'), expect: { verdict: '提前实现' } },
  { title: '以上 just short', input: target('200以上', '199'), expect: { verdict: '快于预期', completion: 99.0 } },
  { title: '超过 needs more than the target', input: target('超过200', '200'), expect: { verdict: '快于预期', completion: 100.0 } },
  { title: '超过 passed', input: target('超过200', '200.5'), expect: { verdict: '提前实现' } },
  { title: '> is strict', input: target('>200', '200'), expect: { verdict: '快于预期' } },
  { title: '不低于 reached', input: target('不低于200', '200'), expect: { verdict: '提前实现' } },
  { title: '左右 within 5%', input: target('200左右', '190'), expect: { verdict: '提前实现', completion: 90.0 } },
  { title: '左右 beyond 5%', input: target('200左右', '189'), expect: { verdict: '快于预期', completion: 89.0 } },
  { title: '约 like 左右', input: target('约200', '190'), expect: { verdict: '提前实现' } },
  { title: '以下 on a falling target', input: { ...energy, milestones: [ms(2025, '0.4以下')], actual: '0.4' }, expect: { verdict: '提前实现', direction: 'down' } },
  { title: '左右 on a falling target', input: { ...energy, milestones: [ms(2025, '0.4左右')], actual: '0.42' }, expect: { verdict: '提前实现', completion: 80.0 } },
  // milestones
  { title: 'before the 2022 milestone', input: level('110', { milestones: steps, cutoff: '2021-12-31' }),
    expect: { verdict: '基本符合预期', timeProgress: 15.0, completion: 10.0, says: '按2022年阶段目标' } },
  { title: 'at the 2022 milestone', input: level('125', { milestones: steps, cutoff: '2022-12-31' }),
    expect: { verdict: '基本符合预期', timeProgress: 30.0, completion: 25.0 } },
  { title: 'plain time would call the same value late', input: level('125', { cutoff: '2022-12-31' }),
    expect: { verdict: '滞后', flag: 'yellow', timeProgress: 40.0 } },
  { title: 'after the 2022 milestone', input: level('140', { milestones: [steps[1], steps[0]], cutoff: '2023-12-31' }),
    expect: { verdict: '滞后', flag: 'yellow', timeProgress: 53.3, completion: 40.0 } },
  { title: 'between 2024 and 2025 in a leap year', input: level('159', { milestones: [ms(2022, '130'), ms(2024, '170'), ms(2025, '200')], cutoff: '2024-06-30' }),
    expect: { verdict: '基本符合预期', timeProgress: 59.9, completion: 59.0, says: '2022、2024' } },
  { title: 'unparsable milestone is skipped', input: level('160', { milestones: [ms(2022, '—'), ms(2025, '200')] }),
    expect: { verdict: '基本符合预期', timeProgress: 60.0 } },
  // cut-off outside the period
  { title: 'cut-off before the baseline year ends', input: level('110', { cutoff: '2020-06-30' }),
    expect: { verdict: '快于预期', timeProgress: 0.0, completion: 10.0, says: '早于规划期起点' } },
  { title: 'cut-off after the target year', input: level('180', { cutoff: '2026-06-30' }),
    expect: { verdict: '滞后', flag: 'yellow', timeProgress: 100.0, completion: 80.0, says: '已过目标年份' } },
  // thresholds
  { title: 'tighter thresholds: yellow', input: level('150', { thresholds: { yellow: 5, red: 15 } }), expect: { verdict: '滞后', flag: 'yellow' } },
  { title: 'tighter thresholds: red', input: level('140', { thresholds: { yellow: 5, red: 15 } }), expect: { verdict: '滞后', flag: 'red' } },
  { title: 'looser thresholds', input: level('140', { thresholds: { yellow: 25, red: 50 } }), expect: { verdict: '基本符合预期', flag: 'green' } },
  { title: 'invalid thresholds fall back to defaults', input: level('140', { thresholds: { yellow: 40, red: 20 } }), expect: { verdict: '滞后', flag: 'yellow' } },
  { title: 'a zero yellow threshold falls back to defaults', input: level('160', { thresholds: { yellow: 0, red: 20 } }), expect: { verdict: '基本符合预期', flag: 'green' } },
  // overrides
  { title: 'valid override', input: level('129.9', { override: { verdict: '基本符合预期', reason: '统计口径调整' } }),
    expect: { verdict: '基本符合预期', computed: '滞后', flag: 'red', overridden: true } },
  { title: 'override with spaces', input: level('', { override: { verdict: ' 滞后 ', reason: '企业未报' } }),
    expect: { verdict: '滞后', computed: '数据暂缺', overridden: true } },
  { title: 'unknown override is ignored', input: level('129.9', { override: { verdict: '良好', reason: 'x' } }),
    expect: { verdict: '滞后', computed: '滞后', overridden: false } },
  { title: 'empty override is ignored', input: level('200', { override: { verdict: '', reason: '' } }),
    expect: { verdict: '提前实现', overridden: false } },
];

for (const c of CASES) {
  test(c.title, () => {
    const j = judgeTarget({ ...BASE, ...c.input });
    const { says, ...fields } = c.expect;
    for (const [k, v] of Object.entries(fields)) assert.deepEqual(j[k as keyof Judgement], v, `${k}: ${JSON.stringify(j)}`);
    if (!('overridden' in fields)) assert.equal(j.overridden, false);
    if (!('computed' in fields)) assert.equal(j.computed, j.verdict);
    if (says) assert.ok(j.explanation.includes(says), j.explanation);
    assert.ok(j.explanation.length > 0);
  });
}

test('defaults are yellow 10, red 30, due soon 30 days', () => assert.deepEqual({ ...DEFAULT_THRESHOLDS }, { yellow: 10, red: 30, dueSoonDays: 30 }));

test('parseValue reads 不超过 as itself', () => {
  assert.equal(parseValue('不超过5.5').qualifier, '不超过');
  assert.equal(parseValue('1300亿元以上').qualifier, '以上');
});

test('garbage never throws', () => {
  const bad = [{}, { milestones: null, baseline: null }, { milestones: [{ year: 'x' }], cutoff: 5 }, null] as unknown as JudgeInput[];
  for (const b of bad) {
    const j = judgeTarget(b);
    assert.equal(j.verdict, '数据暂缺');
    assert.equal(j.flag, 'none');
  }
});
