// Numbering styles of Chinese plan documents: 一、 (一) 1. (1) ① —— 第一章 第一条, full- and half-width brackets.

export type NumberStyle = 'chapter' | 'section' | 'article' | 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'circled' | 'dash' | 'box';

export interface Numbered {
  style: NumberStyle;
  /** The numbering as written, without its trailing 、 or . ("(三)", "3", "一", "①"). */
  code: string;
  /** Its ordinal (1-based); 0 for dash items and boxes. */
  ordinal: number;
  rest: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23. */
export function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '十') { total += (cur || 1) * 10; cur = 0; } else if (ch === '百') { total += (cur || 1) * 100; cur = 0; } else if (ch in CN_DIGITS) cur = CN_DIGITS[ch]!;
    else return NaN;
  }
  return total + cur;
}

const CN = '[一二三四五六七八九十]{1,3}';
const PATTERNS: { style: NumberStyle; re: RegExp }[] = [
  { style: 'chapter', re: new RegExp(`^(第(?:${CN}|\\d{1,2})(?:章|篇|部分))\\s*`) },
  { style: 'section', re: new RegExp(`^(第(?:${CN}|\\d{1,2})节)\\s*`) },
  // The articles of a 政策 or 办法: "第三条　支持技术改造。…".
  { style: 'article', re: new RegExp(`^(第(?:${CN}|[一二三四五六七八九十百]{1,4}|\\d{1,3})条)[\\s、:：]*`) },
  { style: 'cn', re: new RegExp(`^(${CN})[、.．]\\s*`) },
  { style: 'cn-paren', re: new RegExp(`^([(（]${CN}[)）])\\s*`) },
  { style: 'arabic-paren', re: /^([(（]\d{1,3}[)）])\s*/ },
  { style: 'arabic', re: /^(\d{1,3})(?:[、．]|\.(?!\d))\s*/ },
  { style: 'circled', re: /^([①-⑳])\s*/ },
  { style: 'dash', re: /^(——|－－|--)\s*/ },
  { style: 'box', re: /^(专栏\s*\d+(?:[-－—.]\d+)?)\s*/ },
];

/** The numbering that opens a line, or null. */
export function readNumber(line: string): Numbered | null {
  const s = line.trimStart();
  for (const { style, re } of PATTERNS) {
    const m = s.match(re);
    if (!m) continue;
    const rest = s.slice(m[0].length);
    if (!rest) return null;
    const raw = m[1]!;
    let ordinal = 0;
    if (style === 'circled') ordinal = raw.charCodeAt(0) - 0x2460 + 1;
    else if (style !== 'dash' && style !== 'box') ordinal = cnNumber(raw.replace(/[第章节条篇部分()（）]/g, ''));
    // "2020年…" or "3D打印" read as numbers are not numbering.
    if (style === 'arabic' && /^[年月日%]/.test(rest)) return null;
    // "——2024年1月16日在某县第十八届人民代表大会第四次会议上": a speech's dateline under its title, no item.
    if (style === 'dash' && /^20\d\d\s*年.{0,40}(会议|大会)上$/.test(rest.trim())) return null;
    return { style, code: style === 'dash' ? '' : raw.replace(/\s+/g, ''), ordinal, rest };
  }
  return null;
}

/** A stable digit form of a code for ids: "(三)" → "3", "①" → "1", "专栏4-1" → "B4-1". */
export function codeKey(n: Pick<Numbered, 'style' | 'ordinal' | 'code'>): string {
  if (n.style === 'box') return 'B' + n.code.replace(/[^\d-]/g, '-').replace(/^-+/, '');
  return n.ordinal ? String(n.ordinal) : '';
}
