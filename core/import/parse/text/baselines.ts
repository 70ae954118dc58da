// Baselines from a document's account of where it starts (发展基础, 基本情况: "截至2023年底，全市累计登记澳资企业860家")
// given to the targets that state none, when the figure names the same thing.
import type { OutlineNode } from './outline';
import { goalsInSentence, sentencesOf, type GoalValue } from './goals';
import type { DraftTarget } from './table-targets';
import { similarity } from './text-targets';
import { parseValue } from '../../../rules/values';

const BACKGROUND = /发展基础|现状|基本情况|发展成效|工作基础|取得成效|发展回顾|面临形势|发展环境|开展情况|办理情况|工作情况|工作进展/;

/**
 * Figures of the background parts (by heading, or `lines` of sections said to be), each with the year it was counted
 * in; and those of the preamble and of `told` paragraphs in the sentences counted in a year before `from` (not this
 * year's: 今年以来…).
 */
export function backgroundFigures(root: OutlineNode, more: { lines?: ReadonlySet<number>; told?: string[]; from?: number } = {}): GoalValue[] {
  const out: GoalValue[] = [];
  const read = (p: string, keep: (year: number, s: string) => boolean) => {
    let year = 0;
    for (const s of sentencesOf(p)) {
      // (The year a change is counted against, 较2020年下降14.6%, is not the year of the sentence.)
      const y = s.match(/(?<![较比从由于])(?:截至|截止|到)?\s*(20\d\d)\s*年/);
      if (y) year = +y[1]!;
      if (year && keep(year, s)) out.push(...goalsInSentence(s, year, false, true));
    }
  };
  const collect = (n: OutlineNode) => {
    for (const p of [...(n.item ? [n.title] : []), ...n.paras.map((x) => x.text)]) read(p, () => true);
    n.children.forEach(collect);
  };
  const visit = (n: OutlineNode) => {
    if (n.style !== 'root' && (BACKGROUND.test(n.title) || more.lines?.has(n.line))) { collect(n); return; }
    n.children.forEach(visit);
  };
  visit(root);
  // (So does the preamble before the first heading: "近年来，…2022年全省农村快递业务量达到5.6亿件".)
  const past = (year: number, s: string) => year < (more.from ?? 0) && !/今年|本年|下一步|将/.test(s);
  for (const p of [...root.paras.map((x) => x.text), ...(more.told ?? [])]) read(p, past);
  return out;
}

/** A change (…下降14.6%, 年均增长7%) starts from no stock: neither a baseline nor one to give. */
const CHANGE = /(下降|增长|增速|提高|降低|减少|增幅|降幅)$/;
const bare = (s: string) => s.replace(/^(全市|全县|全区|全省|累计|已|登记|建成|拥有)+/, '').replace(/(数量|人数|总量|个数)$/, '');

/** Gives each target without a baseline the background figure of the same name and unit, counted before its milestones. */
export function fillBaselines(targets: DraftTarget[], figures: GoalValue[]): void {
  for (const t of targets) {
    // A figure added or done within the plan (新增…, 累计…, 每年…) starts from none: no stock of the past is its baseline.
    if (t.baseline.value !== null || !t.milestones.length || /^(新增|新建|新培育|新引进|累计|每年)/.test(t.name) || CHANGE.test(t.name) || t.milestones.some((m) => m.cumulative)) continue;
    // (So is a count of what is done in the year: 改造农村危房12户, 完成户厕改造200户, 培训…200人次.)
    if (/^(改造|完成|培训|实施|建设|新改建)/.test(t.name) && t.unit && !/[%％‰]|率/.test(t.unit + t.name)) continue;
    // (A phrase, 全覆盖 or 完成省下达目标, is no amount a count of the past starts.)
    if (t.milestones.every((m) => parseValue(m.value).num === null)) continue;
    const first = Math.min(...t.milestones.map((m) => m.year));
    let best: GoalValue | null = null;
    let score = 0;
    for (const f of figures) {
      if (f.year >= first || (t.unit && f.unit !== t.unit) || CHANGE.test(f.name)) continue;
      const a = bare(t.name);
      const b = bare(f.name);
      const s = a.includes(b) || b.includes(a) ? 0.9 : similarity(a, b);
      if (s > score && s >= 0.6) { best = f; score = s; }
    }
    if (best) t.baseline = { year: best.year, value: best.value };
  }
}
