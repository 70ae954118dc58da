// Dates and periods as written in plan documents: 2024年2月4日, 2021-07-12, digits that lost their 年月日, 十四五.
import { cnNumber } from './numbering';

const pad = (n: number) => String(n).padStart(2, '0');
const valid = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;

/** The digits of a year in Chinese numerals, its zero written any of the ways it is (〇, ○, 零, O). */
const YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', '◯': '0', Ｏ: '0', O: '0', 'О': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** "二〇二三年六月十五日": a date in Chinese numerals, in figures (month and day read as numbers, the year digit by digit). */
function cnDate(s: string): string | null {
  const m = s.match(/^([〇零○◯ＯOО一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/);
  return m ? `${[...m[1]!].map((c) => YEAR_DIGIT[c]).join('')}年${cnNumber(m[2]!)}月${cnNumber(m[3]!)}日` : null;
}

/** A line that is nothing but a date → YYYY-MM-DD; "2021712" (年月日 lost) when it reads one way only. */
export function readDateLine(raw: string): string | null {
  // Full-width figures, and a remark after the date ("（此件公开发布）", "印发"), read as the date alone.
  const line = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s*(?:[(（][^()（）]{2,12}[)）]|印发)$/, '');
  const s = cnDate(line) ?? line;
  let m = s.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/) ?? s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
  if (m) return valid(+m[2]!, +m[3]!) ? `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}` : null;
  m = s.match(/^(20\d\d)(\d{3,4})$/);
  if (!m) return null;
  const rest = m[2]!;
  const reads: string[] = [];
  for (const cut of [1, 2]) {
    const mo = +rest.slice(0, cut);
    const d = +rest.slice(cut);
    if (rest.slice(cut).length <= 2 && !rest.slice(cut).startsWith('0') && valid(mo, d)) reads.push(`${m[1]}-${pad(mo)}-${pad(d)}`);
  }
  return reads.length === 1 ? reads[0]! : null;
}

/** The period a title names: (2023—2027年), 2024年…方案, 十四五. */
export function periodFromTitle(title: string): [number, number] | null {
  const m = title.match(/(20\d\d)\s*[—–\-~～至到]+\s*(20\d\d)/);
  if (m) return [+m[1]!, +m[2]!];
  // A yearly list's own year comes before the plan it serves ("2024年“十四五”规划重点任务分工表").
  const yearly = title.match(/(20\d\d)\s*年.*(分工表|任务清单|工作要点|年度)/);
  if (yearly) return [+yearly[1]!, +yearly[1]!];
  if (/十四五|第十四个五年/.test(title)) return [2021, 2025];
  if (/十五五/.test(title)) return [2026, 2030];
  if (/十三五/.test(title)) return [2016, 2020];
  // ("…若干措施（2024年修订）": the year of a revision, not of the plan.)
  const y = title.match(/(20\d\d)\s*年(?!\s*(?:修订|修正|版)[）)])/);
  if (y) return [+y[1]!, +y[1]!];
  return null;
}

/** Future years promised in a text: 到2027年 / 至2025年 / 2025年, → the latest, not before `from`. */
export function latestGoalYear(text: string, from: number): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(/(?:到|至|截至)\s*(20\d\d)\s*年/g)) {
    const y = +m[1]!;
    if (y >= from && y <= from + 15 && (best === null || y > best)) best = y;
  }
  return best;
}
