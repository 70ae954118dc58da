// Stable ids: the same document parsed twice gives the same plan, task and target ids.

/** FNV-1a over UTF-16 code units, as 7 base-36 characters. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-7);
}

/** Text reduced to letters and digits, for comparing and hashing titles. */
export const normaliseTitle = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
/** A title compared loosely, as documents word the same title: its letters and digits, 关于 and 的 aside. */
export const looseTitle = (s: string): string => normaliseTitle(s).replace(/^关于/, '').replace(/的/g, '');

const CLEAN = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/;
/** Letters, digits, _ and single inner dashes only (most ids are already so: no pattern to run on them). */
const clean = (s: string) => (CLEAN.test(s) ? s : s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, ''));

/** A plan's id, from its 发文字号 when it has one, else its title. */
export function planId(docNumber: string | null, title: string): string {
  if (docNumber) {
    const m = docNumber.match(/(\d{4})\D+(\d+)/);
    return clean(`p${m ? `${m[1]}-${m[2]}-` : ''}${shortHash(normaliseTitle(docNumber))}`);
  }
  return `p-${shortHash(normaliseTitle(title) || 'untitled')}`;
}

/** A task's or target's id: plan, letter, position code, short hash of its title. */
export function itemId(plan: string, letter: 'T' | 'G', position: string, title: string): string {
  return clean(`${plan}-${letter}${clean(position.replace(/\./g, '_')) || '0'}-${shortHash(normaliseTitle(title))}`).slice(0, 100);
}

/** Makes ids unique within a list by suffixing repeats (-2, -3…), keeping the first as it was. */
export function uniqueIds<T extends { id: string }>(items: T[]): void {
  const seen = new Map<string, number>();
  for (const it of items) {
    const n = (seen.get(it.id) ?? 0) + 1;
    seen.set(it.id, n);
    if (n > 1) it.id = `${it.id.slice(0, 96)}-${n}`;
  }
}
