// The corpus expectations (tests/corpus/README.md): their shape, loading a set, and the normalisation applied to both
// the expected and the imported side before they are compared.
import fs from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { similarity } from '../../core/import/parse/text/text-targets';

export interface ExpTask {
  match: string; code: string | null; chapter: string | null; kind: string;
  leadUnits: string[]; responsibleUnits: string[]; deadline: string | null;
}
export interface ExpMilestone { year: number; value: string; qualifier: string; cumulative: boolean }
export interface ExpTarget {
  name: string; unit: string; scope: 'table' | 'goal_text' | 'in_task'; attribute: string; category: string;
  baseline: { year: number; value: string } | null; milestones: ExpMilestone[]; responsibleUnits: string[]; task: string | null;
}
export interface ExpPlan {
  title: string; docNumber: string | null; issuer: string | null; issued: string | null;
  periodStart: number | null; periodEnd: number | null; kind: string;
  tasks: ExpTask[]; targets: ExpTarget[]; notTargets: string[];
}
export interface Expectation { file: string; kind: string; notes: string; plans: ExpPlan[] }
export interface CorpusDoc { name: string; path: string; expect: Expectation }

/** The documents of a corpus set (a folder with docs/ and expect/), in name order. */
export function loadSet(dir: string): CorpusDoc[] {
  const expectDir = path.join(dir, 'expect');
  return fs.readdirSync(expectDir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const expect = JSON.parse(fs.readFileSync(path.join(expectDir, f), 'utf8')) as Expectation;
    return { name: f.replace(/\.json$/, ''), path: path.join(dir, 'docs', expect.file), expect };
  });
}

const toSimplified = Converter({ from: 'hk', to: 'cn' });
const WIDE: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；', '[': '【', ']': '】' };

/** Text for comparing: simplified characters, no white space, one form of brackets and punctuation. */
export function norm(s: string | null | undefined): string {
  if (!s) return '';
  return toSimplified(s).replace(/\s+/g, '').replace(/[(),:;[\]]/g, (c) => WIDE[c]!).replace(/[“”"「」『』]/g, '"');
}

/** A unit as compared: normalised, a trailing 等 dropped. */
export const normUnit = (u: string) => norm(u).replace(/等$/, '');
export const unitSet = (us: string[]) => [...new Set(us.map(normUnit).filter(Boolean))].sort().join('|');

const QUALIFIER_WORDS = /^(超过|不低于|不少于|不高于|不超过|大于|高于|力争|≥|>|＞|≤|<|＜|约)|(以上|左右|以内|以下)$/g;

/**
 * A milestone or baseline value as compared. The importer keeps table cells as written ("1400以上", "[13.5]") with the
 * qualifier and the 期间累计 brackets also read into their own fields; the expectations give the bare value. Both
 * sides drop brackets, qualifier words and a trailing unit.
 */
export function normValue(v: string | null | undefined, unit = ''): string {
  let s = norm(v).replace(/[【】〔〕]/g, '').replace(/[［］]/g, '');
  for (let k = 0; k < 2; k++) s = s.replace(QUALIFIER_WORDS, '');
  const u = norm(unit);
  if (u && s.endsWith(u) && s.length > u.length) s = s.slice(0, -u.length);
  if (s.endsWith('%') && /\d%$/.test(s)) s = s.slice(0, -1);
  return s.replace(/^[≥>＞≤<＜]/, '');
}

/** Qualifiers as compared: ≥ is 不低于, 不少于 is 不低于. */
export const normQualifier = (q: string) => ({ '≥': '不低于', 不少于: '不低于', 超: '超过' } as Record<string, string>)[q] ?? q;

/** Text reduced to letters and digits (titles). */
export const bare = (s: string | null | undefined) => norm(s).replace(/[^\p{L}\p{N}]/gu, '');

/** Dice similarity of two texts over character pairs (the importer's own measure). */
export const dice = similarity;
