// Targets promised in text (goal paragraphs and task bodies): goals with their years, and whether one restates a known target.
import { parseValue } from '../../../rules/values';
import { goalsInSentence, sentencesOf, type GoalValue } from './goals';
import type { DraftTarget } from './table-targets';

const FUTURE = /(?:^|[^较比从自于])(?:到|至)\s*(20\d\d)\s*年(?!\s*\d{1,2}\s*月)|^\s*(20\d\d)\s*年[,，]/;

export interface GoalReading {
  /** The plan's first year: years before it are background. */
  from: number;
  /** The year of a goal that states none (the item's deadline, the plan's last year). */
  fallback: number | null;
  /** Only paragraphs that state a year (到2027年) hold goals. */
  needYear: boolean;
  /** Phrase values (全覆盖, 完成省下达目标) are goals too. */
  phrases: boolean;
}

/** Goals in paragraphs; each sentence's year is its own, else the paragraph's, else the fallback. */
export function goalsIn<P extends { text: string; line: number }>(paras: P[], r: GoalReading): (GoalValue & { line: number; para: P })[] {
  const { from, fallback, needYear } = r;
  const out: (GoalValue & { line: number; para: P })[] = [];
  let carried: number | null = null;
  for (const p of paras) {
    if (needYear && !/[到至]\s*20\d\d/.test(p.text)) continue;
    // "2023年，全县地区生产总值增长5.8%；规模以上工业增加值增长7.2%；…": the parts after ； go on in the year before the plan's.
    let pastYear: number | null = null;
    for (const s of sentencesOf(p.text)) {
      const m = s.match(FUTURE);
      const y: number | null = m ? +(m[1] ?? m[2])! : pastYear;
      if (y !== null && y >= from) carried = y;
      pastYear = y !== null && y < from && /[；;]$/.test(s) ? y : null;
      const year = y !== null && y >= from ? y : needYear ? null : y !== null ? y : carried ?? fallback;
      // Without a year of the context only a goal whose clause states its own year counts (0 marks none).
      if (year === null && needYear) continue;
      // A figure of a year before the plan's ("2023年，全市规上工业增加值增长5.2%" in a 2024 plan) is background.
      for (const g of goalsInSentence(s, year ?? 0, r.phrases)) if (g.year && g.year >= from) out.push({ ...g, line: p.line, para: p });
    }
    if (needYear) carried = null;
  }
  return out;
}

/** Names written either way: GDP and 地区生产总值, 规上 and 规模以上. */
const SAME_WORDS: [RegExp, string][] = [[/GDP|国内生产总值|地区生产总值/gi, '生产总值'], [/规上/g, '规模以上']];
const bigrams = (s: string) => {
  let t = s.replace(/[^\p{L}\p{N}]/gu, '');
  for (const [re, to] of SAME_WORDS) t = t.replace(re, to);
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return out;
};
/** Dice similarity of two names over character pairs. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const SCALE: [string, number][] = [['万亿', 1e12], ['亿', 1e8], ['万', 1e4], ['千', 1e3]];
/** "1.5万个" → [15000, '个']: a figure in the unit without its 万/亿. */
function scaled(num: number, unit: string): [number, string] {
  const s = SCALE.find(([p]) => unit.startsWith(p) && unit.length > p.length);
  return s ? [num * s[1], unit.slice(s[0].length)] : [num, unit];
}
const sameFigure = (a: number, aUnit: string, b: number, bUnit: string) => {
  // (30个 is no restatement of 30%: both units given, they must agree.)
  if (a === b) return !aUnit || !bUnit || scaled(1, aUnit)[1] === scaled(1, bUnit)[1] || aUnit.replace('％', '%') === bUnit.replace('％', '%');
  const [x, u] = scaled(a, aUnit);
  const [y, v] = scaled(b, bUnit);
  return u === v && Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
};

/**
 * Whether a goal restates a target already found: the same figure (also written in 万 or 亿 of its unit) for the same
 * year under a similar name, or any figure for that year under the target's own name.
 */
export function restates(g: GoalValue, known: DraftTarget[], min = 0.2): boolean {
  const num = parseValue(g.value).num;
  // A phrase value ("完成省下达目标") restates only a target of nearly the same name.
  // (全覆盖 says what a 覆盖率 of 100% says.)
  if (num === null) {
    return known.some((t) => t.milestones.some((m) => m.year === g.year && (m.value === g.value ? similarity(g.name, t.name) >= 0.75
      : g.value === '全覆盖' && parseValue(m.value).num === 100 && /覆盖率/.test(t.name) && similarity(g.name, t.name.replace(/率$/, '')) >= 0.6)));
  }
  // "服务业增加值年均增长8.5%": the growth column of the table's row.
  const grown = g.name.includes('年均增') ? g.name.match(/^(.+?)(?:年均增长|年均增速|年均增长率)$/)?.[1] : undefined;
  // (The text may round the table's rate: 年均增长17%左右 for 17.1%.)
  const near = (x: number | null) => x !== null && Math.abs(x - num) < 0.5;
  if (grown && known.some((t) => t.growth !== undefined && near(parseValue(t.growth).num) && similarity(grown, t.name) >= 0.75)) return true;
  return known.some((t) => t.milestones.some((m) => {
    if (m.year !== g.year) return false;
    const n = parseValue(m.value).num;
    if (n === null) return false;
    // (A period total restates one of the same figure under a name that shares little: 累计完成投资650亿元 for [650].)
    if (sameFigure(num, g.unit, n, t.unit)) return similarity(g.name, t.name) >= (m.cumulative && g.cumulative ? Math.min(min, 0.1) : min);
    // The names compared last: most goals differ from a known target in their unit already. (A yearly figure, 每年完成24个,
    // is no restatement of the plan's total, “十四五”期间完成120个.)
    return scaled(num, g.unit)[1] === scaled(n, t.unit)[1] && m.cumulative === (g.cumulative && !g.yearly) && similarity(g.name, t.name) >= 0.95;
  }));
}

/**
 * The table target a goal gives another year of ("5G基站2023年达到4000个" beside 5G基站数 with a 2025 column): the same
 * name nearly, the same unit, and no figure of that year yet.
 */
export function yearOf(g: GoalValue, table: DraftTarget[]): { target: DraftTarget; value: string } | null {
  const num = parseValue(g.value).num;
  if (num === null || g.yearly || g.within !== null) return null;
  const base = scaled(num, g.unit)[1];
  // (A later year may shorten the name: "县域快递共同配送比例达到60%；到2027年，共同配送比例提高到80%".)
  const shortened = (t: DraftTarget) => g.name.length >= 4 && t.name.length > g.name.length && t.name.endsWith(g.name);
  const target = table.find((t) => t.milestones.length > 0 && !t.milestones.some((m) => m.year === g.year) && scaled(1, t.unit)[1] === base &&
    (similarity(g.name, t.name) >= 0.75 || shortened(t)));
  if (!target) return null;
  // In the target's own unit, as its table writes it: 1.2万个 in a 个 column is "1.2万".
  const scale = g.unit.endsWith(target.unit) ? g.unit.slice(0, g.unit.length - target.unit.length) : '';
  return { target, value: g.value + scale };
}

/** The years a goal is set for: each year of the plan for 每年…, the n-th year for n年内…, else its own year. */
export function goalYears(g: GoalValue, period: [number, number] | null): number[] {
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
  if (g.yearly && period && period[1] >= period[0] && period[1] - period[0] < 15) return years(Math.min(Math.max(period[0], g.since ?? period[0]), period[1]), period[1]);
  // (A reply has no period: "2024年至2025年，每年…" sets its own years.)
  if (g.yearly && !period && g.since !== undefined && g.year >= g.since && g.year - g.since < 15) return years(g.since, g.year);
  if (g.within !== null && period) return [Math.min(period[0] + g.within - 1, Math.max(period[1], period[0]))];
  return [g.year];
}

export function goalTarget(g: GoalValue, code: string, line: number | null, period: [number, number] | null = null): DraftTarget {
  return {
    code, name: g.name, unit: g.unit, category: '', attribute: '', baseline: g.baseline ?? { year: null, value: null },
    milestones: goalYears(g, period).map((year) => ({ year, value: g.value, qualifier: g.qualifier, cumulative: g.cumulative && !g.yearly })), responsibleUnits: [], line,
  };
}
