// Builds a document's outline: numbered and plain headings, numbered items with their text, and paragraphs beneath.
import type { TextBlock } from './blocks';
import { codeKey, readNumber, type NumberStyle } from './numbering';
import type { RowFacts } from './table-tasks';

export interface Para { text: string; line: number; aside?: boolean }
export interface OutlineNode {
  /** Heading or item text without its numbering; '' for the root. */
  title: string;
  /** The heading as written, numbering included (what a path shows). */
  label: string;
  code: string;
  key: string;
  style: NumberStyle | 'plain' | 'root' | 'annex' | 'group' | 'row';
  /** An item carries its own text on its line ("(一)推动外贸稳中提质。2020年…"). */
  item: boolean;
  /** 1-based position among its parent's children. */
  index: number;
  line: number;
  paras: Para[];
  children: OutlineNode[];
  /** A row of a task table: its body, units and deadline as its columns give them. */
  row?: RowFacts;
  parent: OutlineNode | null;
}

const node = (p: Partial<OutlineNode> & Pick<OutlineNode, 'style' | 'line'>): OutlineNode => ({
  title: '', label: '', code: '', key: '', item: false, index: 0, paras: [], children: [], parent: null, ...p,
});

const PLAIN_HEADING_MAX = 30;
const isPlainHeading = (s: string) =>
  s.length <= PLAIN_HEADING_MAX && !/[。;；:：,，!！?？]$/.test(s) && !/[。；;:：]/.test(s) && !/^\d/.test(s) && !/^[(（〔]/.test(s);
/** "附件", "附件2", and "附件：重点项目表" with its title on the same line. */
const ANNEX = /^附件\s*\d*(?:\s*[:：]\s*|\s+)?([^。，,；;]{2,30})?$/;
const isAnnex = (s: string) => ANNEX.test(s);
/** A numbered line that heads what follows (no text of its own beyond one short sentence). */
function isHeadingLine(rest: string, next: string | undefined): boolean {
  const stop = rest.indexOf('。');
  if (stop < 0) return rest.length <= 60;
  const single = stop === rest.length - 1 && rest.length <= 40;
  return single && !!next && !readNumber(next);
}

/** The outline of a document's text blocks; headings before the first numbered one are ordinary text. */
export function buildOutline(blocks: TextBlock[]): OutlineNode {
  const root = node({ style: 'root', line: blocks[0]?.line ?? 0 });
  const stack: OutlineNode[] = [root];
  let seenNumbered = false;
  const top = () => stack[stack.length - 1]!;
  const place = (n: OutlineNode) => {
    // Same style as an open node: a sibling of it; a new style: a child of the innermost.
    const at = stack.findIndex((s, k) => k > 0 && s.style === n.style);
    if (at > 0) stack.length = at;
    // A 专栏 box after an item stands beside it, not inside it.
    if (n.style === 'box') while (stack.length > 1 && top().item) stack.pop();
    n.parent = top();
    n.index = top().children.push(n);
    stack.push(n);
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1]?.text;
    if (b.aside) { root.paras.push({ text: b.text, line: b.line, aside: true }); continue; }
    if (b.row) {
      seenNumbered = true;
      const { code, ...row } = b.row;
      place(node({ style: 'row', line: b.line, title: b.text, label: b.text, code, key: code.replace(/\D/g, ''), item: true, row }));
      continue;
    }
    if (b.group) {
      seenNumbered = true;
      const num = readNumber(b.text);
      place(node({ style: num?.style ?? 'group', line: b.line, title: num?.rest ?? b.text, label: b.text, code: num?.code ?? '', key: num ? codeKey(num) : '' }));
      continue;
    }
    if (b.headingLevel) {
      // A real heading (a .docx paragraph style): its level decides.
      seenNumbered = true;
      const num = readNumber(b.text);
      stack.length = Math.min(stack.length, b.headingLevel);
      place(node({ style: (`h${b.headingLevel}` as NumberStyle), line: b.line, title: num?.rest ?? b.text, label: b.text, code: num?.code ?? '', key: num ? codeKey(num) : '' }));
      continue;
    }
    const num = readNumber(b.text);
    if (num) {
      seenNumbered = true;
      const heading = num.style === 'box' || isHeadingLine(num.rest, next);
      place(node({
        style: num.style, line: b.line, code: num.code, key: codeKey(num), item: !heading,
        title: heading ? num.rest.replace(/。$/, '') : num.rest, label: b.text.replace(/。$/, ''),
      }));
      continue;
    }
    if (seenNumbered && isAnnex(b.text)) {
      stack.length = 1;
      const own = b.text.match(ANNEX)![1] ?? '';
      let title = own;
      while (!title && blocks[i + 1] && isPlainHeading(blocks[i + 1]!.text) && !readNumber(blocks[i + 1]!.text) && title.length < 40) title += blocks[++i]!.text;
      place(node({ style: 'annex', line: b.line, title: title || b.text, label: title && !own ? `${b.text}:${title}` : b.text }));
      continue;
    }
    if (seenNumbered && b.text.length <= 12 && /^(附录|附表|参考文献|名词解释)/.test(b.text)) {
      stack.length = 1;
      place(node({ style: 'annex', line: b.line, title: b.text, label: b.text }));
      continue;
    }
    if (seenNumbered && isPlainHeading(b.text) && next !== undefined && !isPlainHeading(next)) {
      // An unnumbered heading ("优化数据供给") is a sibling of the innermost open heading.
      const open = [...stack].reverse().find((s) => !s.item && s.style !== 'root' && s.style !== 'box' && s.style !== 'annex');
      const style = open?.style ?? 'plain';
      place(node({ style, line: b.line, title: b.text, label: b.text }));
      continue;
    }
    top().paras.push({ text: b.text, line: b.line });
  }
  return root;
}

/** The labels of a node's ancestors (root excluded), outermost first. */
export function pathOf(n: OutlineNode): string[] {
  const out: string[] = [];
  for (let p = n.parent; p && p.style !== 'root'; p = p.parent) out.unshift(p.label);
  return out;
}
