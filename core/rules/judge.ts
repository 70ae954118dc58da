// 指标研判规则（纯函数）: from a target's baseline, milestones and the actual value at the round's cut-off, computes
// 序时进度, 完成进度, the verdict and its red/yellow/green flag. Never throws: what cannot be judged is 数据暂缺.
/*
 * 一、序时进度 timeProgress（%）
 *   · 某年的数值指该年年末；日期折算为“年份 + 当年第几天 / 当年天数”，如 2023-12-31 即 2024.0。
 *   · 起点为基期年末，终点为最后一个里程碑年份（目标年）年末；截止日期早于起点按 0，晚于终点按 100。
 *   · 有中间里程碑（2022、2024 年等）时，按截止日期所在区段，在前后两个节点之间线性插值“此时应完成”的比例：
 *     水平类节点为 (里程碑−基期)/(目标−基期)，累计类、变化量类节点为 里程碑/目标。
 *   · 增速类、控制类指标须每年达标，序时要求按 100 计。
 * 二、指标类型与完成进度 completion（%，可超过 100，倒退为负）
 *   · 增速类（名称或目标含 年均、增速、增长率，或名称以“增长”结尾）：实际增速/目标增速。
 *   · 变化量类：目标以“百分点”表示时为 实际变化/目标变化（实际填水平值则先减去基期）；
 *     名称含 下降、降低、减少、削减、压减、降幅 且目标不低于基期（即所填为降幅本身）时为 实际降幅/目标降幅。
 *   · 期间累计类（[200]、累计）：期间累计实际/累计目标。
 *   · 控制类：上限（以内、以下、不超过、不高于、≤、<、控制在）而目标不低于基期或无基期；下限（以上、不低于…）而目标
 *     低于基期；或目标等于基期（保持）。达标为 100，否则 实际/目标（下限）或 目标/实际（上限）。
 *   · 水平类（其余）：(实际−基期)/(目标−基期)。目标低于基期即越低越好；无基期时按名称（排放、能耗、浓度、控制在等）判断方向。
 *   · 方向 direction：所衡量的事物应下降（能耗、排放、降幅类、上限）为 down，否则 up。
 * 三、达标：按限定词比较实际与最终目标。以上、不低于、达到及无限定词：≥；超过、>：>；以内、以下、不超过：≤；<：<；
 *   左右、约：与目标相差不超过目标的 5% 亦算达标（越过目标当然也算）。
 * 四、结论与灯色（差距 = 序时进度 − 完成进度，均先四舍五入到 0.1）
 *   · 提前实现：已达最终目标（增速类、控制类须到目标年末才算实现），绿灯。
 *   · 快于预期：差距 < 0，绿灯；基本符合预期：0 ≤ 差距 ≤ 黄灯阈值，绿灯。
 *   · 滞后：差距 > 黄灯阈值；差距 ≤ 红灯阈值为黄灯，超过为红灯。
 *   · 数据暂缺：无实际值、实际值或目标值无法识别、需要时缺基期值或基期年份、截止日期无效；灯色 none。
 *   · 阈值无效（非数、负数、红灯小于黄灯）时按默认 {黄 10，红 30}。
 * 五、人工研判：override.verdict 为五种结论之一时取代 verdict，computed 保留计算结论，overridden 为 true；
 *   灯色始终按数值计算。不是五种结论之一的人工研判不予采用。
 */
import { VERDICTS, DEFAULT_THRESHOLDS, type Flag, type Judgement, type Milestone, type Thresholds, type Verdict } from '../../contract/model';
import { parseValue } from './values';
import { datePosition, elapsedShare, expectedOnPath, round1, yearEnd, type PathPoint } from './progress';
import { classify, isPoints, KIND_LABELS, meets, signedAmount, type Reading } from './target-kind';

export interface JudgeInput {
  name: string; unit: string; category: string; attribute: string;
  baseline: { year: number | null; value: string | null };
  milestones: Milestone[];
  /** The actual value at the cut-off as typed ('' = none). */
  actual: string;
  /** YYYY-MM-DD */
  cutoff: string;
  thresholds: Thresholds;
  override?: { verdict: string; reason: string };
}

export { DEFAULT_THRESHOLDS };

type Head = Pick<Judgement, 'timeProgress' | 'targetYear' | 'targetValue' | 'direction'>;

const pct = (x: number): string => `${round1(x).toFixed(1)}%`;

function done(h: Head, computed: Verdict, flag: Flag, completion: number | null, explanation: string): Judgement {
  return { ...h, completion: completion == null ? null : round1(completion), computed, verdict: computed, overridden: false, flag, explanation };
}

const missing = (h: Head, why: string, completion: number | null = null): Judgement =>
  done(h, '数据暂缺', 'none', completion, `数据暂缺：${why}`);

function yearOf(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
}

const text = (v: unknown): string => (v == null ? '' : String(v).trim());

/** Usable milestones sorted by year; one per year; those without a written value are left out. */
function milestonesOf(list: unknown): Milestone[] {
  const byYear = new Map<number, Milestone>();
  for (const m of Array.isArray(list) ? (list as Partial<Milestone>[]) : []) {
    const year = yearOf(m?.year);
    const value = text(m?.value);
    if (year != null && value) byYear.set(year, { year, value, qualifier: text(m.qualifier), cumulative: m.cumulative === true });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function thresholdsOf(t: Thresholds | undefined): Thresholds {
  const yellow = Number(t?.yellow);
  const red = Number(t?.red);
  return Number.isFinite(yellow) && Number.isFinite(red) && yellow >= 0 && red >= yellow ? { yellow, red } : DEFAULT_THRESHOLDS;
}

/** A written value as a change amount: a level minus the baseline for 百分点 targets, else the number with its sign words. */
function amountOf(r: Reading, written: string, num: number, base: number | null): number | null {
  if (r.points && !isPoints(written)) return base == null ? null : r.direction === 'down' ? base - num : num - base;
  return signedAmount(written, num, r);
}

interface Frame { r: Reading; target: number; base: number | null; baseYear: number | null; ms: Milestone[]; at: number }

/** Where a milestone sits on the expected path, in % of the final target; null when it cannot be placed. */
function milestoneShare(f: Frame, written: string): number | null {
  const n = parseValue(written).num;
  if (n == null) return null;
  if (f.r.kind === 'level') return f.base == null || f.target === f.base ? null : ((n - f.base) / (f.target - f.base)) * 100;
  const amount = f.r.kind === 'amount' ? amountOf(f.r, written, n, f.base) : n;
  return amount == null || f.target === 0 ? null : (amount / f.target) * 100;
}

/** The time progress the completion is judged against, with a note on how it was found. */
function benchmark(f: Frame): { value: number | null; note: string } {
  const targetYear = f.ms[f.ms.length - 1].year;
  if (f.r.kind === 'rate' || f.r.kind === 'bound') return { value: 100, note: `${KIND_LABELS[f.r.kind]}指标须始终达标` };
  if (f.baseYear == null) return { value: null, note: '缺少基期年份' };
  if (targetYear <= f.baseYear) return { value: null, note: '目标年份不晚于基期年份' };
  const start = yearEnd(f.baseYear);
  const end = yearEnd(targetYear);
  const path: PathPoint[] = [{ at: start, share: 0 }];
  const used: number[] = [];
  for (const m of f.ms.slice(0, -1)) {
    const share = m.year > f.baseYear ? milestoneShare(f, m.value) : null;
    if (share == null) continue;
    path.push({ at: yearEnd(m.year), share });
    used.push(m.year);
  }
  path.push({ at: end, share: 100 });
  const note = f.at < start ? '截止日期早于规划期起点，序时进度按0计'
    : f.at > end ? '截止日期已过目标年份，序时进度按100%计'
      : used.length ? `按${used.join('、')}年阶段目标分段插值` : '';
  return { value: expectedOnPath(path, f.at), note };
}

interface Measure { completion: number | null; met: boolean; formula: string; why: string }

/** Completion and whether the final target is met, by kind. */
function measure(f: Frame, actualText: string, a: number, qualifier: string): Measure {
  const { r, target, base } = f;
  const ratio = (num: number | null, den: number, formula: string, why: string, met: boolean): Measure =>
    num != null && den > 0 ? { completion: (num / den) * 100, met, formula, why: '' } : { completion: null, met, formula, why };
  switch (r.kind) {
    case 'level': {
      const met = meets(a, target, qualifier, r.sense);
      if (base == null) return { completion: null, met, formula: '', why: '缺少基期值，无法计算完成进度' };
      const formula = r.direction === 'down' ? '(基期−实际)/(基期−目标)' : '(实际−基期)/(目标−基期)';
      return { completion: ((a - base) / (target - base)) * 100, met, formula, why: '' };
    }
    case 'cumulative':
      return ratio(a, target, '期间累计实际/累计目标', '累计目标不为正', meets(a, target, qualifier, 'higher'));
    case 'rate': {
      const s = signedAmount(actualText, a, r);
      const formula = r.direction === 'down' ? '实际降幅/目标降幅' : '实际增速/目标增速';
      return ratio(s, target, formula, '目标增速不为正，无法按比值计算', meets(s, target, qualifier, 'higher'));
    }
    case 'amount': {
      const s = amountOf(r, actualText, a, base);
      const formula = r.points ? (r.direction === 'down' ? '实际降低百分点/目标降低百分点' : '实际提高百分点/目标提高百分点') : '实际降幅/目标降幅';
      const met = s != null && meets(s, target, qualifier, 'higher');
      if (s == null) return { completion: null, met, formula, why: '缺少基期值，无法折算变化量' };
      return ratio(s, target, formula, '目标变化量不为正', met);
    }
    case 'bound': {
      const met = meets(a, target, qualifier, r.sense);
      if (met) return { completion: 100, met, formula: '实际值符合控制目标', why: '' };
      return r.sense === 'higher'
        ? ratio(a, target, '实际/目标', '目标值不为正', met)
        : ratio(target, a, '目标/实际', '实际值不为正', met);
    }
  }
}

function compute(input: JudgeInput): Judgement {
  const th = thresholdsOf(input.thresholds);
  const ms = milestonesOf(input.milestones);
  const final = ms.length ? ms[ms.length - 1] : null;
  const h: Head = { timeProgress: null, targetYear: final?.year ?? null, targetValue: final?.value ?? null, direction: 'up' };
  const at = datePosition(text(input.cutoff));
  if (at == null) return missing(h, `截止日期“${text(input.cutoff)}”无效`);
  if (!final) return missing(h, '未设定目标值');
  const baseYear = yearOf(input.baseline?.year);
  const tv = parseValue(final.value);
  if (tv.num == null) {
    if (baseYear != null && final.year > baseYear) h.timeProgress = round1(elapsedShare(baseYear, final.year, at) * 100);
    return missing(h, `目标值“${final.value}”无法识别为数值`);
  }
  const base = parseValue(input.baseline?.value).num;
  const qualifier = tv.qualifier || final.qualifier;
  const r = classify({
    name: text(input.name), unit: text(input.unit), targetText: final.value, target: tv.num,
    qualifier, cumulative: tv.cumulative || final.cumulative, baseline: base,
  });
  h.direction = r.direction;
  const f: Frame = { r, target: tv.num, base, baseYear, ms, at };
  const bench = benchmark(f);
  h.timeProgress = bench.value == null ? null : round1(bench.value);

  const actualText = text(input.actual);
  if (!actualText) return missing(h, '未填报实际值');
  const a = parseValue(actualText).num;
  if (a == null) return missing(h, `实际值“${actualText}”无法识别为数值`);

  const m = measure(f, actualText, a, qualifier);
  const c = m.completion == null ? null : round1(m.completion);
  const continuous = r.kind === 'rate' || r.kind === 'bound';
  if (m.met && (!continuous || at >= yearEnd(final.year))) {
    const tail = c == null ? '' : `，完成进度${pct(c)}`;
    return done(h, '提前实现', 'green', c, `实际值${actualText}已达到${final.year}年目标${final.value}${tail}`);
  }
  if (c == null) return missing(h, m.why);
  const tp = h.timeProgress;
  if (tp == null) return missing(h, `${bench.note}，无法计算序时进度`, c);

  const gap = round1(tp - c);
  const head = `完成进度${pct(c)} = ${m.formula}；序时进度${pct(tp)}${bench.note ? `（${bench.note}）` : ''}`;
  if (gap < 0) return done(h, '快于预期', 'green', c, `${head}，超前${(-gap).toFixed(1)}个百分点`);
  if (gap <= th.yellow) return done(h, '基本符合预期', 'green', c, head);
  return done(h, '滞后', gap <= th.red ? 'yellow' : 'red', c, `${head}，落后${gap.toFixed(1)}个百分点`);
}

function applyOverride(j: Judgement, o: JudgeInput['override']): Judgement {
  const v = text(o?.verdict);
  if (!(VERDICTS as readonly string[]).includes(v)) return j;
  return { ...j, verdict: v as Verdict, overridden: true };
}

export function judgeTarget(input: JudgeInput): Judgement {
  let j: Judgement;
  try {
    j = compute(input);
  } catch {
    j = missing({ timeProgress: null, targetYear: null, targetValue: null, direction: 'up' }, '数据异常，无法研判');
  }
  try {
    return applyOverride(j, input?.override);
  } catch {
    return j;
  }
}
