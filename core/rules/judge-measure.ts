// The two numbers a target is judged by: the time progress it should have reached on its expected path (序时进度, through
// its yearly milestones) and how far it has come (完成进度), by kind of target; and whether its final target is met.
import type { Milestone } from '../../contract/model';
import { parseValue } from './values';
import { expectedOnPath, yearEnd, type PathPoint } from './progress';
import { isPoints, KIND_LABELS, meets, signedAmount, type Reading } from './target-kind';

/** What a target is judged from: its reading, the final target and baseline as numbers, and the position judged at. */
export interface Frame { r: Reading; target: number; base: number | null; baseYear: number | null; ms: Milestone[]; at: number }

/** A written value as a change amount: a level minus the baseline for 百分点 targets, else the number with its sign words. */
function amountOf(r: Reading, written: string, num: number, base: number | null): number | null {
  if (r.points && !isPoints(written)) return base == null ? null : r.direction === 'down' ? base - num : num - base;
  return signedAmount(written, num, r);
}

/** Where a milestone sits on the expected path, in % of the final target; null when it cannot be placed. */
function milestoneShare(f: Frame, written: string): number | null {
  const n = parseValue(written).num;
  if (n == null) return null;
  if (f.r.kind === 'level') return f.base == null || f.target === f.base ? null : ((n - f.base) / (f.target - f.base)) * 100;
  const amount = f.r.kind === 'amount' ? amountOf(f.r, written, n, f.base) : n;
  return amount == null || f.target === 0 ? null : (amount / f.target) * 100;
}

/** The time progress the completion is judged against, with a note on how it was found. */
export function benchmark(f: Frame): { value: number | null; note: string } {
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
  const note = f.at < start ? '数据截至日期早于规划期起点，序时进度按0计'
    : f.at > end ? '数据截至日期已过目标年份，序时进度按100%计'
      : used.length ? `按${used.join('、')}年阶段目标分段插值` : '';
  return { value: expectedOnPath(path, f.at), note };
}

export interface Measure { completion: number | null; met: boolean; formula: string; why: string }

/** Completion and whether the final target is met, by kind. */
export function measure(f: Frame, actualText: string, a: number, qualifier: string): Measure {
  const { r, target, base } = f;
  const ratio = (num: number | null, den: number, formula: string, why: string, met: boolean): Measure =>
    num != null && den > 0 ? { completion: (num / den) * 100, met, formula, why: '' } : { completion: null, met, formula, why };
  switch (r.kind) {
    case 'level': {
      const met = meets(a, target, qualifier, r.sense);
      if (base == null) return { completion: null, met, formula: '', why: '缺少基期值，无法计算完成进度' };
      if (base === target) return { completion: met ? 100 : 0, met, formula: '实际值与目标比较', why: '' };
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
      if (met) return { completion: 100, met, formula: '实际值守住控制目标', why: '' };
      return r.sense === 'higher'
        ? ratio(a, target, '实际/目标', '目标值不为正', met)
        : ratio(target, a, '目标/实际', '实际值不为正', met);
    }
  }
}
