// The lines of a document's body the parser placed nowhere, for the import preview to offer the planner: paragraphs
// of the task parts that became no task, figures of the goals parts and preamble that became no target, tables that
// gave neither targets nor tasks. Headings, background and principles are context, not unplaced.
import type { UnplacedLine } from '../../../../contract/interchange';
import type { TableBlock } from './blocks';
import { GOAL_PART } from './goal-parts';
import type { OutlineNode } from './outline';
import { NOT_TASKS } from './tasks';

type Part = 'preamble' | 'goal' | 'context' | 'task';

/** What a document used: the lines its tasks took, the lines its targets come from, the tables that gave something. */
export interface Placed { used: Set<number>; targetLines: Set<number>; tablesUsed: Set<TableBlock> }

/** Lines that are particulars or framing: 发文字号, dates, the period under a title, the notice, introductions, notes. */
const FRAMING = /^([(（]?\s*20\d\d\s*[—–\-~～至]+\s*20\d\d\s*年?\s*[)）]?|[(（]?\s*20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?|.{2,12}[〔[(（【]\s*20\d\d\s*[〕\])）】]\s*\d{1,4}\s*号.{0,4}|(注|备注|说明)[:：\d].*|(以下|下列|为|按照|根据|围绕|现将|经).*|.*(如下|以下\S{0,8}方面)[:：])$/;
/** A figure other than a year or a list number. */
const figure = (t: string) => /\d/.test(t.replace(/20\d\d\s*年?(底|末)?/g, '').replace(/^\s*\d{1,2}[.、．]/, '').replace(/(表|附表|附件|专栏)\s*\d+/g, ''));

export function unplacedLines(root: OutlineNode, tables: TableBlock[], placed: Placed, title: string): UnplacedLine[] {
  const out: UnplacedLine[] = [];
  const bare = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
  const isPlaced = (part: Part, line: number, text: string) => {
    if (placed.used.has(line) || placed.targetLines.has(line)) return true;
    if (part === 'context' || FRAMING.test(text) || (title && bare(text) === bare(title))) return true;
    if (part === 'goal' || part === 'preamble') return !figure(text);
    return false;
  };
  const visit = (n: OutlineNode, part: Part) => {
    let mine = part;
    if (n.style !== 'root' && !n.item) mine = GOAL_PART.test(n.title) ? 'goal' : NOT_TASKS.test(n.title) ? 'context' : part === 'preamble' ? 'task' : part;
    if (n.style !== 'root' && !n.item) placed.used.add(n.line);
    if (n.item && !isPlaced(mine, n.line, n.title)) out.push({ line: n.line, text: n.label });
    for (const p of n.paras) if (!p.aside && !isPlaced(mine, p.line, p.text)) out.push({ line: p.line, text: p.text });
    for (const c of n.children) visit(c, mine);
  };
  visit(root, 'preamble');
  for (const t of tables) {
    if (placed.tablesUsed.has(t)) continue;
    out.push({ line: t.line, text: [t.caption, t.header.join(' | ')].filter(Boolean).join(':') });
  }
  return out.sort((a, b) => a.line - b.line);
}
