// The paragraphs that state a document's goals: its 目标/主要指标 parts (numbered 主要指标 items with their
// "(预期性指标，牵头单位：…；责任单位：…)" notes read into units and attribute) and a preamble's "力争到2026年…".
import { readGroupNote, withoutGroupNote } from './notes';
import type { OutlineNode } from './outline';
import { brackets, findUnitNotes, isUnitText } from './units';
import { isDeadlinePhrase } from './deadlines';
import { isTableNote } from './table-notes';

export const GOAL_PART = /目标|总体要求|主要指标|指标分解/;

/** An article of a 政策 that states its goals ("第十五条　到2025年，全县…"): its figures are goals, it is no measure. */
export const isGoalArticle = (n: OutlineNode): boolean => !!n.item && n.style === 'article' && /^(?:力争)?(?:到|至)\s*20\d\d\s*年/.test(n.title);

export interface GoalPara {
  text: string; line: number;
  /** Units named for the goals of this paragraph (lead first), notes for all the list's targets included. */
  units: string[];
  /** 预期性 / 约束性 as its note says, else ''. */
  attribute: string;
}

/** A text without its notes of units, attribute and deadline; what the notes say. */
function readItem(text: string): { text: string; units: string[]; attribute: string; notes: string[] } {
  let out = text;
  const units: string[] = [];
  const notes: string[] = [];
  let attribute = '';
  for (const b of brackets(text).reverse()) {
    const inner = b.inner.trim();
    const attr = inner.match(/^(预期性|约束性)(?:指标)?[,，;；]?/);
    const note = readGroupNote(inner);
    if (note && note.of !== 'tasks') notes.push(...note.units);
    const rest = withoutGroupNote(attr ? inner.slice(attr[0].length) : inner);
    const unitNote = rest ? findUnitNotes(`（${rest}）`)[0] : undefined;
    if (!attr && !unitNote && !isDeadlinePhrase(inner) && !(rest && isUnitText(rest))) continue;
    if (attr) attribute = attr[1]!;
    if (unitNote) units.push(...unitNote.lead, ...unitNote.responsible);
    out = out.slice(0, b.start) + out.slice(b.end);
  }
  return { text: out.trim(), units, attribute, notes };
}

/** "…。全年主要目标是：数字经济核心产业增加值增长10%以上，…": what a paragraph sets out after saying so, or null. */
function afterSaid(text: string): string | null {
  const said = text.match(/(?:主要|预期|发展|工作|总体)?目标(?:任务)?(?:是|为)?[:：]/);
  return said ? text.slice(said.index! + said[0].length) : null;
}

/** Paragraph texts of the goals parts of an outline (items included), and of its preamble when asked. */
export function goalParas(root: OutlineNode, preamble: boolean): GoalPara[] {
  const out: GoalPara[] = [];
  const collect = (n: OutlineNode, extra: string[]) => {
    if (n.item) {
      const r = readItem(n.title);
      extra.push(...r.notes.filter((u) => !extra.includes(u)));
      out.push({ text: r.text, line: n.line, units: [...new Set([...r.units, ...extra])], attribute: r.attribute });
    }
    for (const p of n.paras) {
      // A table's 注 ("4.第2项指标2023年、2025年均保持100%") explains its cells and promises nothing of its own.
      if (isTableNote(p.text)) continue;
      const r = readItem(p.text);
      if (r.text) out.push({ text: r.text, line: p.line, units: r.units, attribute: r.attribute });
    }
    const mine = [...extra];
    n.children.forEach((c) => collect(c, mine));
  };
  const visit = (n: OutlineNode) => {
    if ((n.style !== 'root' && !n.item && GOAL_PART.test(n.title)) || isGoalArticle(n)) { collect(n, []); return; }
    n.children.forEach(visit);
  };
  if (preamble) {
    for (const p of root.paras) {
      const said = afterSaid(p.text);
      if (said !== null) out.push({ text: said, line: p.line, units: [], attribute: '' });
      else if (/(?:到|至)\s*20\d\d\s*年|力争/.test(p.text)) out.push({ text: p.text, line: p.line, units: [], attribute: '' });
    }
  }
  visit(root);
  return out;
}
