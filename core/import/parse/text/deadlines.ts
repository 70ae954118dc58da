// Deadlines (完成时限) as written → the stored form: 2022年6月底前 → 2022-06-30, 2023年底前/2023年12月 → 2023-12-31,
// a bare year or the end of a range → "2025", 长期坚持/持续推进/每年 → 长期, 全年 of a one-year list → that year's end.

import { brackets, splitTop } from './brackets';

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
const YEAR = '(20\\d\\d)\\s*年?';
const ONGOING = /^(长期坚持|长期推进|长期|持续推进|持续开展|持续实施|持续|常态化推进|常态化开展|常态化|每年|每年(?:组织)?(?:实施|开展|推进|举办)|逐年推进|分年度推进|分年度实施|分年度|每年\d{1,2}月底前|每年\d{1,2}月\d{1,2}日前|每季度|每月|每半年|按季度|按月|按半年|年度)$/;
const DAY = new RegExp(`^${YEAR}(\\d{1,2})月(\\d{1,2})日(?:前|之前|以前)?$`);
const MONTH = new RegExp(`^${YEAR}(\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前)?$`);
const YEAR_END = new RegExp(`^${YEAR}(?:底|末|年底|年末|全年|内)?(?:前|之前|以前)?$`);
const QUARTER = new RegExp(`^${YEAR}(上半年|一季度|第一季度|二季度|第二季度|三季度|第三季度|四季度|第四季度|下半年)(?:底|末)?(?:前)?$`);
const CN_MONTH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/** A deadline phrase → 'YYYY-MM-DD' | 'YYYY' | '长期', or null; `year` stands in for 全年/上半年 without a year. */
export function readDeadline(raw: string, year: number | null = null): string | null {
  const s = raw.replace(/\s+/g, '').replace(/^(完成时限|完成时间|时间节点|时限|时间)[:：]/, '').replace(/[。.;；,，]$/, '')
    .replace(/(完成|出台|建成|实现|落实|见效|推进|启动|制定|印发)$/, '').replace(/^(于|在|到|至)/, '');
  if (!s) return null;
  // ("2022年起持续推进", "自2023年起每年": ongoing from a year.)
  if (ONGOING.test(s) || ONGOING.test(s.replace(/^自?20\d\d年(?:起|开始|以来)/, ''))) return '长期';
  // ("“十四五”期间": by the end of the plan's five years.)
  const span = s.match(/^“?十([三四五六])五”?(?:期间|时期|末)$/);
  if (span) return String(2000 + 5 * ({ 三: 3, 四: 4, 五: 5, 六: 6 } as Record<string, number>)[span[1]!]! + 5);
  if (/^20\d\d-\d\d-\d\d$/.test(s)) return s;
  if (!/^20\d\d/.test(s)) return relative(s, year);
  let m = s.match(DAY);
  if (m) return `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`;
  m = s.match(MONTH);
  if (m) {
    const mo = /\d/.test(m[2]!) ? +m[2]! : CN_MONTH[m[2]!] ?? 0;
    if (mo >= 1 && mo <= 12) return monthEnd(+m[1]!, mo);
  }
  m = s.match(YEAR_END);
  if (m) return /底|末|全年|内|前/.test(s) ? `${m[1]}-12-31` : m[1]!;
  m = s.match(QUARTER);
  if (m) return monthEnd(+m[1]!, quarterEnd(m[2]!));
  // A range "2021—2023年", "2023年—2025年": its end.
  m = s.match(/^(20\d\d)\s*年?\s*[—–\-~～至到]+\s*(20\d\d)\s*年?(?:底|末)?(?:前)?$/);
  if (m) return /底|末|前/.test(s) ? `${m[2]}-12-31` : m[2]!;
  return null;
}

/** 全年, 上半年, 6月底前: a deadline within the year of a one-year list. */
function relative(s: string, year: number | null): string | null {
  let m: RegExpMatchArray | null;
  if (year !== null) {
    if (/^(全年|年内|年底前?|年末|今年底前?|当年|本年度)$/.test(s)) return `${year}-12-31`;
    if (/^(上半年|一季度|第一季度|二季度|三季度|四季度|下半年)(?:底|末)?(?:前)?$/.test(s)) return monthEnd(year, quarterEnd(s));
    m = s.match(/^(\d{1,2})月(?:份)?(?:底|末)?(?:前|之前)?$/);
    if (m && +m[1]! >= 1 && +m[1]! <= 12) return monthEnd(year, +m[1]!);
  }
  return null;
}

function quarterEnd(s: string): number {
  if (/上半年|二季度/.test(s)) return 6;
  if (/一季度/.test(s)) return 3;
  if (/三季度/.test(s)) return 9;
  return 12;
}

/** "2023年9月底前出台认定办法": the date a bracket's clause opens with, what is to be done by then dropped. */
const leadingDate = (s: string) => s.trim().match(/^(20\d\d\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?(?:底|末)?(?:前|之前))/)?.[1] ?? s;

/** Whether a clause is nothing but a deadline ("2022年6月底前", "长期坚持", "2023年9月底前出台认定办法"). */
export const isDeadlinePhrase = (s: string) => readDeadline(leadingDate(s)) !== null || /^(全年|年内|上半年|下半年|[一二三四]季度)(?:底|末)?(?:前|完成)?$/.test(s.trim());

/** A line "完成时限：2024年底前". */
export function deadlineLine(text: string, year: number | null): string | null {
  const m = text.trim().match(/^(完成时限|完成时间|时间节点|时限要求|时限)[:：]\s*(.+)$/);
  return m ? readDeadline(m[2]!, year) : null;
}

/** A date within the year: 年内, 6月底前, 三季度前. */
const WITHIN_YEAR = '年内|\\d{1,2}月(?:底|末)?前|[一二三四]季度(?:末)?前';
const WITHIN_YEAR_OPENING = new RegExp(`(?:^|[，,。；;])\\s*(?:力争|争取|确保|并|要|于)?\\s*(${WITHIN_YEAR}|全年|年底前|上半年|下半年)(?=[\\u4e00-\\u9fff])`);
const WITHIN_YEAR_AFTER = new RegExp(`(?:^|[，,。；;])[^，,。；;]{2,20}?(${WITHIN_YEAR})(?=投入|建成|完成|实现|开工|竣工|出台|印发|上线|运营|开业)`);

/**
 * The deadline of an item: a bracket holding one ("（2022年6月底前）", "（长期坚持；…牵头…）", "（…，长期坚持）"), else a
 * dated promise in its text ("2025年底前建成…"); "到2025年，…达到…" gives a target's year, not a deadline.
 */
export function findDeadline(text: string, year: number | null): string | null {
  const found: string[] = [];
  for (const b of brackets(text)) {
    // A bracket inside 《…》 is part of a title ("《…规划（2021—2025年）》").
    const before = text.slice(0, b.start);
    if ((before.match(/《/g)?.length ?? 0) > (before.match(/》/g)?.length ?? 0)) continue;
    for (const part of splitTop(b.inner, /[;；,，、]/)) {
      const d = readDeadline(leadingDate(part.replace(/^(完成时限|完成时间|时限)[:：]/, '')), year);
      if (d) found.push(d);
    }
  }
  if (found.length) return found[found.length - 1]!;
  // "…总投资6.5亿元，建设年限2021—2023年。": a project's years, its end the deadline.
  const span = text.match(/(?:建设年限|建设期限|建设周期|建设期|实施年限|实施期限)\s*(?:为|[:：])?\s*20\d\d\s*年?\s*[—\-－–~～至]+\s*(20\d\d)\s*年/)
    ?? text.match(/(?:^|[，,。；;\s])20\d\d\s*年?\s*[—\-－–~～至]+\s*(20\d\d)\s*年(?:实施|建设|建成)/);
  if (span) return span[1]!;
  const inline = text.match(/(?:^|[，,。；;])\s*(?:力争|争取|确保|并|要|于)?\s*(20\d\d年(?:\d{1,2}月)?(?:底|末)前)/);
  if (inline) return readDeadline(inline[1]!, year);
  if (year === null) return null;
  // A list of one year: "年内新建…", "三季度前完成…", "6月底前完成…" are dates of its year; so they are after what is to
  // be done by then ("科创孵化园年内投入运营", "实训大楼9月底前投入使用").
  const at = text.match(WITHIN_YEAR_OPENING) ?? text.match(WITHIN_YEAR_AFTER);
  return at ? readDeadline(at[1]!, year) : null;
}
