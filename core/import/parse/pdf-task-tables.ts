// Task tables of a PDF (分工表, 任务清单: 序号 / 任务 / 措施 / 牵头单位 / 配合单位 / 完成时限) whose cells wrap over several
// lines, set in the middle of their rows, rows running over pages under a repeated header: each row is put back
// together as one line, its cells in their columns, the columns found where no text of the table stands.
import { runsOf, type Cell, type Line } from './pdf-tables';
import { readNumber } from './text/numbering';

const TASK_HEADER = /任务|措施|内容|事项/;
const UNIT_HEADER = /牵头|责任|配合|时限|时间|年限/;
const bare = (s: string) => s.replace(/\s+/g, '');

/** The header of a task table: 序号, a task column and a unit or deadline column, each a cell of its own. */
function isTaskHeader(l: Line): boolean {
  const cells = l.fine.map((c) => bare(c.text));
  return cells.length >= 4 && cells.some((c) => /^(序号|编号)$/.test(c)) && cells.some((c) => TASK_HEADER.test(c) && c.length <= 8) &&
    cells.some((c) => UNIT_HEADER.test(c) && c.length <= 8);
}
const sameHeader = (a: Line, b: Line) => a.fine.map((c) => bare(c.text)).join('|') === b.fine.map((c) => bare(c.text)).join('|');

/** Between each two header labels, the middle of the widest strip no text of the table covers: where a column ends. */
function separators(header: Cell[], body: Cell[]): number[] {
  const mid = header.map((c) => (c.x0 + c.x1) / 2);
  const spans = body.map((c) => [c.x0 + 0.5, c.x1 - 0.5] as const).sort((a, b) => a[0] - b[0]);
  return mid.slice(1).map((to, k) => {
    const from = mid[k]!;
    let best = { at: (from + to) / 2, width: -1 };
    let edge = from;
    for (const [a, b] of spans) {
      if (b <= edge) continue;
      if (a >= to) break;
      if (a > edge && Math.min(a, to) - edge > best.width) best = { at: (edge + Math.min(a, to)) / 2, width: Math.min(a, to) - edge };
      edge = Math.max(edge, b);
    }
    if (to - edge > best.width && edge < to) best = { at: (edge + to) / 2, width: to - edge };
    return best.at;
  });
}

/** Where the table ends: a note, or a line at the margin that is a paragraph of the running text or a heading. */
function tableEnd(lines: Line[], from: number, left: number, width: number): number {
  for (let k = from; k < lines.length; k++) {
    const l = lines[k]!;
    const t = l.fine.map((c) => c.text).join('');
    if (/^(注|备注|说明)[:：\d]/.test(t) || /^第[一二三四五六七八九十\d]{1,3}[章节篇]/.test(bare(t))) return k;
    // A paragraph at the margin: long, or a numbered heading, or a sentence ("以上工程投资估算合计19亿元。").
    if (l.x <= left + l.h && l.fine.length === 1 && (l.right - l.x > width * 0.7 || (readNumber(t) && !/^\d/.test(t)) || /。$/.test(t))) return k;
  }
  return lines.length;
}

/**
 * A header's labels printed over two or three lines, set in the middle of the header row: "投资估算" above the line of
 * the other labels, "（亿元）" below it. A line of short labels right above, standing clear of the others, is part of
 * the header; so is one right below whose labels stand each under one of the header's.
 */
const overlaps = (a: Cell, b: Cell) => a.x0 < b.x1 && b.x0 < a.x1;
const shortLabels = (l: Line | undefined) => !!l && l.fine.length >= 1 && l.fine.every((c) => bare(c.text).length <= 8 && !/^\d/.test(bare(c.text)));
function labelsAbove(head: Line, l: Line | undefined): Line | null {
  if (!l || l.page !== head.page || (l.y - head.y) / head.h > 2.5 || !shortLabels(l)) return null;
  return l.fine.every((c) => !head.fine.some((h) => overlaps(c, h)) && c.x0 > head.fine[0]!.x1) ? l : null;
}
function labelsBelow(head: Line, above: Line | null, l: Line | undefined): Line | null {
  if (!l || l.page !== head.page || (head.y - l.y) / head.h > 2.5 || !shortLabels(l)) return null;
  const labels = [...head.fine, ...(above?.fine ?? [])];
  return l.fine.every((c) => labels.some((h) => overlaps(c, h))) && l.fine.length < head.fine.length ? l : null;
}
/** The header with the labels of the lines above and below put in their places. */
function headerOf(head: Line, extra: (Line | null)[]): Line {
  const fine = head.fine.map((c) => ({ ...c }));
  for (const l of extra) {
    for (const c of l?.fine ?? []) {
      const under = fine.find((h) => overlaps(c, h));
      if (under) { under.text = l === extra[0] ? c.text + under.text : under.text + c.text; under.x0 = Math.min(under.x0, c.x0); under.x1 = Math.max(under.x1, c.x1); }
      else fine.push({ ...c });
    }
  }
  fine.sort((a, b) => a.x0 - b.x0);
  return { ...head, fine };
}

/** The lines with each task table rebuilt: its header, then one line per row (cells by tabs), group rows as they are. */
export function rebuildTaskTables(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (!isTaskHeader(first)) { out.push(first); continue; }
    const above = labelsAbove(first, out[out.length - 1]);
    if (above) out.pop();
    const below = labelsBelow(first, above, lines[i + 1]);
    const head = headerOf(first, [above, below]);
    const left = head.fine[0]!.x0 - head.h;
    const end = tableEnd(lines, i + (below ? 2 : 1), left, head.right - left);
    const body = lines.slice(i + (below ? 2 : 1), end).filter((l) => !sameHeader(l, first));
    const group = (l: Line) => l.fine.length === 1 && !!readNumber(l.fine[0]!.text) && !/^\d/.test(l.fine[0]!.text);
    // Each line's runs, placed once: the columns, the numbers and the cells are all read from them.
    const runs = new Map(body.map((l) => [l, runsOf(l)]));
    const cuts = separators(head.fine, body.filter((l) => !group(l)).flatMap((l) => runs.get(l)!));
    const colOf = (c: Cell) => cuts.filter((x) => (c.x0 + c.x1) / 2 > x).length;
    // Rows: runs of lines closer than the gap that parts two rows (the lines of a cell stand closest).
    // Cells set in the middle of their rows put lines between the lines of others (half a step): the gaps of a full
    // step or more are either a cell's next line or the padding between two rows, the wider.
    const gaps = body.slice(1).map((l, k) => (body[k]!.page === l.page ? (body[k]!.y - l.y) / l.h : Infinity)).filter((g) => g >= 1.2 && g < 10).sort((a, b) => a - b);
    const lo = gaps[0] ?? 1.5;
    const hi = gaps[gaps.length - 1] ?? 1.5;
    const parts = hi >= lo * 1.4 ? (lo + hi) / 2 : lo * 0.95;
    const rows: Line[][] = [];
    body.forEach((l, k) => {
      const prev = body[k - 1];
      const apart = !prev || prev.page !== l.page || group(l) || group(prev) || (prev.y - l.y) / l.h > parts;
      if (apart) rows.push([l]); else rows[rows.length - 1]!.push(l);
    });
    const rebuilt: Line[] = [{ ...head, cells: head.fine.map((c) => c.text) }];
    const numbered = rows.filter((r) => !group(r[0]!) && r.some((l) => runs.get(l)!.some((c) => colOf(c) === 0 && /^\d{1,3}$/.test(c.text)))).length >= 2;
    let last: string[] | null = null;
    for (const row of rows) {
      if (group(row[0]!)) { rebuilt.push({ ...row[0]!, cells: [row[0]!.fine[0]!.text] }); last = null; continue; }
      const texts = head.fine.map(() => '');
      for (const l of row) for (const c of runs.get(l)!) texts[colOf(c)] += c.text;
      // A row broken by a page, or a line of it set apart: without a number of its own, it goes on the row above.
      if (last && !texts[0] && numbered) { texts.forEach((t, c) => { last![c] += t; }); continue; }
      last = texts;
      rebuilt.push({ ...row[0]!, x: head.x, cells: texts, fine: [] });
    }
    // An empty cell keeps its place (a row's part from the next page was added to its cells above).
    for (const l of rebuilt) out.push(l.cells.length > 1 ? { ...l, cells: l.cells.map((c) => c || ' ') } : l);
    i = end - 1;
  }
  return out;
}
