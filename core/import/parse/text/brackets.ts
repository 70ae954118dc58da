// Brackets of Chinese documents, full- and half-width: splitting outside them, and finding the outermost ones.

export const OPEN = '(（〔[【';
export const CLOSE = ')）〕]】';
const BRACKETS = /[(（〔[【)）〕\]】]/;

/** Splits on separators that are not inside brackets. */
export function splitTop(s: string, seps: RegExp): string[] {
  if (!BRACKETS.test(s)) return s.split(new RegExp(seps.source, 'u')).map((x) => x.trim()).filter(Boolean);
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.test(ch)) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** The brackets of a text with their inside, outermost only. */
export function brackets(text: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let depth = 0;
  let start = -1;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (OPEN.includes(ch)) { if (depth++ === 0) start = k; } else if (CLOSE.includes(ch) && depth > 0 && --depth === 0) {
      out.push({ start, end: k + 1, inner: text.slice(start + 1, k) });
    }
  }
  return out;
}

