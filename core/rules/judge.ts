// 指标研判规则（纯函数）: from a target's baseline, milestones and the actual value at its data date, computes 序时进度,
// 完成进度, the verdict and its red/yellow/green flag. Never throws: what cannot be judged is 数据暂缺 or 待人工研判.
/*
 * 一、时点：实际值所指的日期（数据截至）为准，未填时取本轮默认数据截至日期，再未设时取本轮截止日期。
 *   · 某年的数值指该年年末；日期折算为“年份 + 当年第几天 / 当年天数”，如 2024-12-31 即 2025.0。
 *   · 起点为基期年末（未写基期年份的，按规划期起点前一年计，并注明是推定的），终点为目标年末；早于起点按 0，晚于终点按 100。
 *   · 有中间里程碑时，在前后两个节点之间线性插值“此时应完成”的比例：水平类为 (里程碑−基期)/(目标−基期)，
 *     累计类、变化量类为 里程碑/目标。增速类、控制类须每年达标，序时要求按 100 计。
 * 二、指标类型（规划人员可在“研判方式”“研判方向”中改定，“人工研判”即不按数值计算）：
 *   · 控制类：上限（以内、以下、不超过、不高于、控制在）不低于基期或无基期，如失业率5.5%以内、涨幅3%以内；下限（不低于、
 *     以上、稳定在…以上）不高于基期；保持、稳定在、与基期相同；越高越好的指标（覆盖率、产量…）目标低于基期。
 *     守住为 100，否则 实际/目标（下限）或 目标/实际（上限）。
 *   · 增速类：名称或目标含 增速、增长率、增幅、涨幅，年均后接增长、下降等（年均浓度、年均降水量是水平值，不是增速），
 *     或名称以“增长”结尾：实际增速/目标增速。
 *   · 变化量类：以“百分点”表示的为 实际变化/目标变化；名称含 下降、降低、减少、削减、压减、降幅 且目标不低于基期
 *     （即所填为降幅本身，如能耗降低13.5%）的为 实际降幅/目标降幅。
 *   · 期间累计类（[200]、累计）：期间累计实际/累计目标。
 *   · 水平类（其余）：(实际−基期)/(目标−基期)；目标低于基期即越低越好，无基期时按名称（排放、能耗、浓度等）判断。
 * 三、达标：以上、不低于、达到及无限定词：≥；超过、>：>；以内、以下、不超过：≤；<：<；左右、约：相差不超过目标的 5%。
 * 四、结论与灯色（差距 = 序时进度 − 完成进度，均先四舍五入到 0.1；阈值的读法见 contract/lights.ts，对话框和报告用同一段话）：
 *   · 提前实现：已达最终目标（增速类、控制类须到目标年末才算实现），绿灯。
 *   · 控制类未守住：滞后，约束性指标红灯，预期性指标至少黄灯。
 *   · 约束性指标到目标年末未实现：滞后，红灯。
 *   · 快于预期：差距 < 0，绿灯；基本符合预期：0 ≤ 差距 < 黄灯阈值，绿灯；滞后：差距 ≥ 黄灯阈值为黄灯，≥ 红灯阈值为红灯。
 *   · 待人工研判：目标没有数值（完成市下达目标）或研判方式设为人工研判；灯色 none，由人工研判结论定。
 *   · 数据暂缺：无实际值、实际值无法识别为数值（另给出提示）、需要时缺基期值或基期年份、日期无效；灯色 none。
 * 五、人工研判：override.verdict 为结论之一时取代 verdict，computed 保留计算结论；灯色按数值计算，无法计算（none）时
 *   按人工研判结论：滞后为黄灯（约束性红灯），其余为绿灯。
 */
import { VERDICTS, DEFAULT_THRESHOLDS, type Flag, type Judgement, type Milestone, type Thresholds, type Verdict } from '../../contract/model';
import { gapFlag } from '../../contract/lights';
import { parseValue } from './values';
import { datePosition, elapsedShare, round1, yearEnd } from './progress';
import { classify, KIND_LABELS } from './target-kind';
import { benchmark, measure, type Frame } from './judge-measure';

export interface JudgeInput {
  name: string; unit: string; category: string; attribute: string;
  baseline: { year: number | null; value: string | null };
  milestones: Milestone[];
  /** The actual value as typed ('' = none). */
  actual: string;
  /** The round's cut-off, YYYY-MM-DD. */
  cutoff: string;
  /** 数据截至 of the actual value ('' or absent: the cut-off); time progress is computed at it. */
  dataDate?: string;
  /** The plan's first year: without a baseline year, the year before it is the baseline year. */
  planStart?: number | null;
  /** The planner's override of how the target is judged ('' or absent: read from the target). */
  judgeKind?: string; judgeDirection?: string;
  thresholds: Pick<Thresholds, 'yellow' | 'red'>;
  override?: { verdict: string; reason: string };
}

export { DEFAULT_THRESHOLDS };

type Head = Pick<Judgement, 'timeProgress' | 'targetYear' | 'targetValue' | 'direction' | 'dataDate' | 'method' | 'warnings'>;

const pct = (x: number): string => `${round1(x).toFixed(1)}%`;

function done(h: Head, computed: Verdict, flag: Flag, completion: number | null, explanation: string): Judgement {
  return { ...h, completion: completion == null ? null : round1(completion), computed, verdict: computed, overridden: false, flag, explanation };
}

const missing = (h: Head, why: string, completion: number | null = null): Judgement =>
  done(h, '数据暂缺', 'none', completion, `数据暂缺：${why}`);

const manual = (h: Head, why: string): Judgement =>
  done({ ...h, method: '人工研判' }, '待人工研判', 'none', null, `待人工研判：${why}，请在“调整结论”中给出结论并写明理由`);

function yearOf(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
}

const text = (v: unknown): string => (v == null ? '' : String(v).trim());

/** The baseline year a target is judged from: as written, else the year before the plan's period (derived). */
export function baseYearOf(year: unknown, planStart: unknown): { year: number | null; derived: boolean } {
  const y = yearOf(year);
  if (y != null) return { year: y, derived: false };
  const p = yearOf(planStart);
  return p != null ? { year: p - 1, derived: true } : { year: null, derived: false };
}

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

function thresholdsOf(t: Pick<Thresholds, 'yellow' | 'red'> | undefined): Pick<Thresholds, 'yellow' | 'red'> {
  const yellow = Number(t?.yellow);
  const red = Number(t?.red);
  return Number.isFinite(yellow) && Number.isFinite(red) && yellow > 0 && red >= yellow ? { yellow, red } : DEFAULT_THRESHOLDS;
}

const isBinding = (attribute: unknown): boolean => /约束/.test(text(attribute));

function compute(input: JudgeInput): Judgement {
  const th = thresholdsOf(input.thresholds);
  const ms = milestonesOf(input.milestones);
  const final = ms.length ? ms[ms.length - 1] : null;
  const cutoff = text(input.cutoff);
  const dataDate = text(input.dataDate) || cutoff;
  const h: Head = {
    timeProgress: null, targetYear: final?.year ?? null, targetValue: final?.value ?? null, direction: 'up', dataDate, method: '', warnings: [],
  };
  const at = datePosition(dataDate);
  if (at == null) return missing(h, text(input.dataDate) ? `数据截至日期“${dataDate}”无效` : `截止日期“${cutoff}”无效`);
  const cut = datePosition(cutoff);
  if (cut != null && at > cut) h.warnings.push(`数据截至日期${dataDate}晚于本轮截止日期${cutoff}`);
  const base = baseYearOf(input.baseline?.year, input.planStart);
  const baseNote = base.derived ? `基期年份未写明，按规划期起点前一年（${base.year}年）计` : '';
  if (final && base.year != null && final.year > base.year) h.timeProgress = round1(elapsedShare(base.year, final.year, at) * 100);
  if (text(input.judgeKind) === 'manual') return manual(h, '研判方式设为人工研判');
  if (!final) return manual(h, '未设定目标值');
  const tv = parseValue(final.value);
  if (tv.num == null) return manual(h, `目标“${final.value}”没有可比较的数值`);
  const baseValue = parseValue(input.baseline?.value).num;
  const qualifier = tv.qualifier || final.qualifier;
  const r = classify({
    name: text(input.name), unit: text(input.unit), targetText: final.value, target: tv.num,
    qualifier, cumulative: tv.cumulative || final.cumulative, baseline: baseValue,
    judgeKind: text(input.judgeKind), judgeDirection: text(input.judgeDirection),
  });
  h.direction = r.direction;
  h.method = KIND_LABELS[r.kind];
  const f: Frame = { r, target: tv.num, base: baseValue, baseYear: base.year, ms, at };
  const bench = benchmark(f);
  h.timeProgress = bench.value == null ? null : round1(bench.value);
  const benchNote = [bench.note, bench.value != null && r.kind !== 'rate' && r.kind !== 'bound' ? baseNote : ''].filter(Boolean).join('；');

  const actualText = text(input.actual);
  if (!actualText) return missing(h, '未填报实际值');
  const a = parseValue(actualText).num;
  if (a == null) {
    h.warnings.push(`实际值“${actualText}”不是数值，无法研判；请填写数值，说明写在备注中`);
    return missing(h, `实际值“${actualText}”无法识别为数值`);
  }

  const m = measure(f, actualText, a, qualifier);
  const c = m.completion == null ? null : round1(m.completion);
  const continuous = r.kind === 'rate' || r.kind === 'bound';
  const atEnd = at >= yearEnd(final.year);
  const binding = isBinding(input.attribute);
  if (m.met && (!continuous || atEnd)) {
    const tail = c == null ? '' : `，完成进度${pct(c)}`;
    return done(h, '提前实现', 'green', c, `实际值${actualText}已达到${final.year}年目标${final.value}${tail}`);
  }
  if (r.kind === 'bound' && !m.met) {
    const side = r.sense === 'lower' ? '上限' : '下限';
    const flag = binding ? 'red' : c == null || gapFlag(round1(100 - c), th) !== 'red' ? 'yellow' : 'red';
    const tail = c == null ? '' : `，完成进度${pct(c)} = ${m.formula}`;
    return done(h, '滞后', flag, c, `实际值${actualText}未守住控制目标${final.value}（${side}）${tail}${binding ? '；约束性指标' : ''}`);
  }
  if (c == null) return missing(h, m.why);
  const tp = h.timeProgress;
  if (tp == null) return missing(h, `${bench.note}，无法计算序时进度`, c);

  const gap = round1(tp - c);
  const head = `完成进度${pct(c)} = ${m.formula}；序时进度${pct(tp)}${benchNote ? `（${benchNote}）` : ''}`;
  if (atEnd && binding) return done(h, '滞后', 'red', c, `${head}；约束性指标到${final.year}年末未实现目标${final.value}`);
  if (gap < 0) return done(h, '快于预期', 'green', c, `${head}，超前${(-gap).toFixed(1)}个百分点`);
  const flag = gapFlag(gap, th);
  if (flag === 'green') return done(h, '基本符合预期', 'green', c, gap > 0 ? `${head}，落后${gap.toFixed(1)}个百分点` : head);
  return done(h, '滞后', flag, c, `${head}，落后${gap.toFixed(1)}个百分点`);
}

/** The light of a planner's verdict, for a target whose figures give none. */
function verdictFlag(v: Verdict, binding: boolean): Flag {
  if (v === '滞后') return binding ? 'red' : 'yellow';
  return v === '数据暂缺' || v === '待人工研判' ? 'none' : 'green';
}

function applyOverride(j: Judgement, o: JudgeInput['override'], attribute: unknown): Judgement {
  const v = text(o?.verdict);
  if (!(VERDICTS as readonly string[]).includes(v)) return j;
  const flag = j.flag === 'none' ? verdictFlag(v as Verdict, isBinding(attribute)) : j.flag;
  return { ...j, verdict: v as Verdict, overridden: true, flag };
}

export function judgeTarget(input: JudgeInput): Judgement {
  let j: Judgement;
  try {
    j = compute(input);
  } catch {
    j = missing({ timeProgress: null, targetYear: null, targetValue: null, direction: 'up', dataDate: '', method: '', warnings: [] }, '数据异常，无法研判');
  }
  try {
    return applyOverride(j, input?.override, input?.attribute);
  } catch {
    return j;
  }
}
