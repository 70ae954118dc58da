// The words of a search as the grid and the detail panel mark them: every run of letters and digits of what was typed
// (the service matches each as a phrase), split into the pieces of a text that match and those that do not; a long
// text on one line shown from a little before its first match.

/** "氢能 产业,园区" → ["氢能", "产业", "园区"]; lower case, longest first so a longer word is marked whole. */
export function searchTerms(search: string): string[] {
  const out = new Set<string>();
  for (const m of search.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) out.add(m[0]);
  return [...out].sort((a, b) => b.length - a.length);
}

export interface Piece { text: string; hit: boolean }

/** The text cut at every occurrence of a term (case aside). */
export function pieces(text: string, terms: readonly string[]): Piece[] {
  if (!text || !terms.length) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const out: Piece[] = [];
  let at = 0;
  let plain = 0;
  while (at < text.length) {
    const t = terms.find((x) => lower.startsWith(x, at));
    if (!t) { at++; continue; }
    if (at > plain) out.push({ text: text.slice(plain, at), hit: false });
    out.push({ text: text.slice(at, at + t.length), hit: true });
    at += t.length;
    plain = at;
  }
  if (plain < text.length) out.push({ text: text.slice(plain), hit: false });
  return out;
}

/**
 * The text as a cell of one line shows it: when the first match lies further in than `lead` characters (so that the
 * cell's end would hide it), from `context` characters before it, after an ellipsis.
 */
export function fromFirstHit(text: string, terms: readonly string[], lead = 10, context = 6): string {
  if (!text || !terms.length) return text;
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => { const i = lower.indexOf(t); return i < 0 ? Infinity : i; }));
  return first > lead && first !== Infinity ? `…${text.slice(first - context)}` : text;
}
