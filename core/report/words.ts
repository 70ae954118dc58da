// Chinese wording shared by the Excel and Word reports: ordinal numbers (一、二、…), a plan's period, lists that end
// with 等N项, percentages and the text of a row's lag.
import type { TargetRow } from '../../contract/model';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i];
    if (d === 0) { zero = true; return; }
    if (zero && out) out += '零';
    zero = false;
    out += DIGITS[d] + u;
  });
  return out;
}

/** (2021—2025年), (至2025年) or ''. */
/** The period after a plan's title, unless the title names its years already (…行动方案(2023—2027年)). */
export function periodAfter(title: string, start: number | null, end: number | null): string {
  const years = [start, end].filter((y): y is number => !!y);
  return years.length && years.every((y) => title.includes(String(y))) ? '' : periodText(start, end);
}

export function periodText(start: number | null, end: number | null): string {
  if (start && end) return `（${start}—${end}年）`;
  if (end) return `（至${end}年）`;
  if (start) return `（${start}年起）`;
  return '';
}

/** "甲、乙、丙" or, past `max` items, "甲、乙、丙等12项" (`measure` names what is counted: 项, 个). */
export function listOf(items: string[], max = 10, measure = '项', sep = '、'): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)}等${items.length}${measure}`;
}

/** 0.4567 → "45.7%"; null when the whole is 0. */
export function percent(part: number, whole: number): string | null {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : null;
}

/** How far a target is behind: "完成进度45.0%,序时进度70.0%,落后25.0个百分点". */
export function targetLag(t: TargetRow): string {
  const { completion, timeProgress } = t.judgement;
  if (completion == null || timeProgress == null) return t.judgement.explanation || t.judgement.verdict;
  const gap = timeProgress - completion;
  const parts = [`完成进度${completion.toFixed(1)}%`, `序时进度${timeProgress.toFixed(1)}%`];
  if (gap > 0) parts.push(`落后${gap.toFixed(1)}个百分点`);
  return parts.join('，');
}

/** Texts without repeats (the same words with other spacing or end punctuation count once), in their first order. */
export function distinctTexts(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of texts) {
    const t = raw.trim();
    if (!t) continue;
    const key = t.replace(/\s+/g, '').replace(/[。;；,，.、]+$/u, '');
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
