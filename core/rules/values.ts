// Reads a value as written in a plan ("1300亿元以上", "[200]", "≥40%", "1.28万") into a number, its qualifier and markers.
import { NOTATION_QUALIFIERS } from '../../contract/notation';

export const QUALIFIERS = NOTATION_QUALIFIERS;

/** Longer qualifiers first, so that "不超过" is not read as "超过"; the order is otherwise that of QUALIFIERS. */
const BY_LENGTH = [...QUALIFIERS].sort((a, b) => b.length - a.length);

export interface ParsedValue {
  /** The first number as written (no scaling by 万/亿: the unit column says what it counts). */
  num: number | null;
  qualifier: string;
  /** [200]: a total over the whole period (期间累计). */
  cumulative: boolean;
  /** The value carries a percent sign. */
  percent: boolean;
}

const FULLWIDTH = /[０-９．％＋－＞＜]/g;
export function halfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/，/g, ',');
}

export function parseValue(raw: string | null | undefined): ParsedValue {
  const out: ParsedValue = { num: null, qualifier: '', cumulative: false, percent: false };
  if (raw == null) return out;
  let s = halfWidth(String(raw)).trim();
  if (!s) return out;
  if (/^[[【〔]\s*[-+]?\d/.test(s) || /累计/.test(s)) out.cumulative = true;
  s = s.replace(/[[\]【】〔〕]/g, '');
  for (const q of BY_LENGTH) {
    if (s.includes(q) && q !== '达到') { out.qualifier = q; break; }
  }
  out.percent = /%|％|百分/.test(s);
  const m = s.replace(/,(?=\d{3})/g, '').match(/[-+]?\d+(?:\.\d+)?/);
  if (m) {
    const n = Number(m[0]);
    out.num = Number.isFinite(n) ? n : null;
  }
  return out;
}

/** The first year in a text such as "2025年" or "2025"; null when none. */
export function parseYear(raw: string | number | null | undefined): number | null {
  if (raw == null) return null;
  const m = String(raw).match(/(19|20)\d{2}/);
  return m ? Number(m[0]) : null;
}
