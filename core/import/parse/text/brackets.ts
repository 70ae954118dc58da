// Brackets of Chinese documents, full- and half-width: splitting outside them, and finding the outermost ones.

export const OPEN = '(（〔[【';
export const CLOSE = ')）〕]】';
const BRACKETS = /[(（〔[【)）〕\]】]/;
/** The next bracket of either kind: the scans jump from one to the next instead of walking every character. */
const NEXT_BRACKET = /[(（〔[【)）〕\]】]/g;

/** Per separator class: the pattern to split with, and the one that finds the next bracket or separator. */
const patterns = new Map<string, { split: RegExp; next: RegExp }>();
const patternsOf = (seps: RegExp) => {
  let p = patterns.get(seps.source);
  if (!p) patterns.set(seps.source, (p = { split: new RegExp(seps.source, 'u'), next: new RegExp(`${NEXT_BRACKET.source}|${seps.source}`, 'g') }));
  return p;
};

/** Splits on separators that are not inside brackets (`seps`: a class of single characters). */
export function splitTop(s: string, seps: RegExp): string[] {
  const p = patternsOf(seps);
  if (!BRACKETS.test(s)) return s.split(p.split).map((x) => x.trim()).filter(Boolean);
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  p.next.lastIndex = 0;
  for (let m = p.next.exec(s); m; m = p.next.exec(s)) {
    const k = m.index;
    const ch = s[k]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.test(ch)) { out.push(s.slice(from, k)); from = k + 1; }
  }
  out.push(s.slice(from));
  return out.map((x) => x.trim()).filter(Boolean);
}

/** The brackets of a text with their inside, outermost only. */
export function brackets(text: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let depth = 0;
  let start = -1;
  NEXT_BRACKET.lastIndex = 0;
  for (let m = NEXT_BRACKET.exec(text); m; m = NEXT_BRACKET.exec(text)) {
    const k = m.index;
    if (OPEN.includes(text[k]!)) { if (depth++ === 0) start = k; } else if (depth > 0 && --depth === 0) {
      out.push({ start, end: k + 1, inner: text.slice(start + 1, k) });
    }
  }
  return out;
}

/**
 * The outermost book titles of a text, nested marks kept inside ("关于印发《关于贯彻《条例》的若干措施》的通知" →
 * "关于贯彻《条例》的若干措施"); an unclosed title runs to the end. With `after`, only titles opening after that index.
 */
export function bookTitles(text: string, after = -1): { title: string; start: number; end: number }[] {
  const out: { title: string; start: number; end: number }[] = [];
  let depth = 0;
  let start = -1;
  for (let k = after + 1; k < text.length; k++) {
    const ch = text[k];
    if (ch === '《') { if (depth++ === 0) start = k; } else if (ch === '》' && depth > 0 && --depth === 0) out.push({ title: text.slice(start + 1, k), start, end: k + 1 });
  }
  if (depth > 0) out.push({ title: text.slice(start + 1), start, end: text.length });
  return out;
}
