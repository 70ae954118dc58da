// Plain text → plans: lines, blocks, documents, outline, tasks and targets, with stable ids.
import type { InterchangePlan, InterchangeTask } from '../../../../contract/interchange';
import { itemId, normaliseTitle, planId, uniqueIds } from '../ids';
import type { Block, TableBlock, TextBlock } from './blocks';
import { toBlocks } from './blocks';
import { toLines, type RawLine } from './clean';
import { readDateLine } from './dates';
import { readMeta, readPageMeta, type DocMeta, type PageMeta } from './meta';
import { buildOutline } from './outline';
import { isRunOn, splitRunOn, type RunOnOptions } from './runon';
import { readNumber } from './numbering';
import { splitDocuments, type DocSlice } from './split';
import { targetsOf } from './plan-targets';
import { expandTaskTables } from './table-tasks';
import { unplacedLines } from './unplaced';
import { applyTaskAnnex, tasksOf, type DraftTask } from './tasks';
import { isTableNote } from './table-notes';

export interface TextOptions extends RunOnOptions {
  /**
   * 'seeds': the seeds were read by hand with a target only where a number is written and, inside a task, the year of
   * it too (到2027年…). Any other document also gets the numbers an item promises without a year (each year of 每年…,
   * the item's deadline, else the plan's last year) and the targets stated as phrases (全覆盖, 完成省下达目标).
   */
  conventions?: 'seeds';
}

/** Lines of a table of contents ("四、…重点任务18") whose headings come again later without page numbers. */
function dropContents(blocks: Block[]): Block[] {
  // The texts reduced to letters and digits, made only when a short line ending in a page number asks.
  let texts: Set<string> | null = null;
  const all = () => (texts ??= new Set(blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.text.replace(/[^\p{L}\p{N}]/gu, ''))));
  const isToc = (b: Block) => b.kind === 'text' && /\D\d{1,3}$/.test(b.text) && b.text.length <= 40 && all().has(b.text.replace(/\d{1,3}$/, '').replace(/[^\p{L}\p{N}]/gu, ''));
  const marks = blocks.map(isToc);
  const first = marks.indexOf(true);
  const last = marks.lastIndexOf(true);
  if (first < 0 || marks.filter(Boolean).length < 4) return withoutBareContents(blocks);
  return blocks.filter((_, k) => k < first || k > last);
}

/** A 目录 without page numbers: the line 目录 and the short lines under it that are headings again further on. */
function withoutBareContents(blocks: Block[]): Block[] {
  const at = blocks.findIndex((b, k) => k < 30 && b.kind === 'text' && /^目\s*录$/.test(b.text.trim()));
  if (at < 0) return blocks;
  const key = (b: Block | undefined) => (b?.kind === 'text' ? b.text.replace(/[^\p{L}\p{N}]/gu, '') : '');
  let end = at + 1;
  while (end < blocks.length && key(blocks[end]).length >= 2 && key(blocks[end]).length <= 40 && blocks.slice(end + 1).some((b) => key(b) === key(blocks[end]))) end++;
  return end - at > 3 ? [...blocks.slice(0, at), ...blocks.slice(end)] : blocks;
}

const FIRST_LEADS = /排在第一位的为牵头单位|第一(?:个|位)(?:单位)?为牵头单位|首位为牵头单位/;
const CLOSING = /^(此复函|此函|特此函复|特此复函|对以上答复|感谢您|再次感谢)/;
const ORG_LINE = /(委员会|政府|办公厅|办公室|管委会|委|局|厅)$/;

/** The document's own text: after its notice (header, recipients, signature, date), before a closing signature. */
function bodyBlocks(slice: DocSlice): Block[] {
  let blocks = slice.blocks;
  if (slice.header) {
    const k = blocks.findIndex((b, i) => i < 16 && b.kind === 'text' && !!readDateLine(b.text));
    if (k >= 0) blocks = blocks.slice(k + 1);
  }
  const isText = (b: Block | undefined): b is TextBlock => b?.kind === 'text';
  let end = blocks.length;
  const date = blocks.findIndex((b, i) => i >= blocks.length - 6 && isText(b) && !!readDateLine(b.text));
  if (date >= 0) {
    end = date;
    while (end > 0 && isText(blocks[end - 1]) && ORG_LINE.test((blocks[end - 1] as TextBlock).text) && (blocks[end - 1] as TextBlock).text.length <= 30) end--;
  }
  while (end > 0 && isText(blocks[end - 1]) && CLOSING.test((blocks[end - 1] as TextBlock).text)) end--;
  return blocks.slice(0, end);
}

/**
 * A table the page break cut, its header printed again (and a running head taken for its caption): one table, its
 * rows' categories going on from the part before.
 */
function continuedTables(tables: TableBlock[]): TableBlock[] {
  const out: TableBlock[] = [];
  const key = (t: TableBlock) => t.header.join('|');
  for (const t of tables) {
    const prev = out[out.length - 1];
    if (prev && prev.complete && t.complete && key(prev) === key(t) && !/^(表|附表)\s*\d/.test(t.caption)) {
      out[out.length - 1] = { ...prev, rows: [...prev.rows, ...t.rows], note: [prev.note, t.note].filter(Boolean).join('\n') };
      continue;
    }
    out.push(t);
  }
  return out;
}

/** How a reply closes: thanks, 特此函复; after it its signature, 联系人, 抄送 and any attached 征询意见表, none of them a task. */
const REPLY_END = /^(再次|衷心)?感谢|^特此(函复|答复|复函)|^专此(函复|答复)|^此复/;
/** Where a reply's next steps begin, when no heading says so: "我委将重点做好以下工作：", "下一步，我局将：". */
const NEXT_STEPS = /^(下一步|今后)[，,]?.{0,30}[:：]$|^(我[委局办厅]|我们)将.{0,30}以下.{0,10}工作[:：]$/;
/** A heading over a reply's next steps ("二、下一步工作打算", "二、下步工作措施", "三、今后工作计划"): what comes before it is what was done. */
const NEXT_HEADING = /^[一二三四五六七八九十]+、.{0,16}(下一?步|今后|打算|工作计划|工作措施|努力方向)/;
/**
 * A reply's body up to its close, and the lines of the sections before a heading of next steps (what was done, no
 * task). Without such a heading, a numbered account before a line of next steps loses its numbers: paragraphs, not tasks.
 */
const replyBody = (kind: DocMeta['kind'], blocks: Block[]): { blocks: Block[]; background: Set<number> } => {
  const background = new Set<number>();
  if (kind !== 'reply') return { blocks, background };
  const end = blocks.findIndex((b, k) => k > 0 && b.kind === 'text' && REPLY_END.test(b.text));
  const body = end > 0 ? blocks.slice(0, end) : blocks;
  const heading = body.findIndex((b) => b.kind === 'text' && NEXT_HEADING.test(b.text));
  if (heading > 0) {
    for (const b of body.slice(0, heading)) if (b.kind === 'text' && readNumber(b.text)?.style === 'cn') background.add(b.line);
    return { blocks: body, background };
  }
  const next = body.findIndex((b) => b.kind === 'text' && NEXT_STEPS.test(b.text));
  if (next <= 0) return { blocks: body, background };
  return {
    blocks: body.map((b, k) => {
      if (k >= next || b.kind !== 'text') return b;
      const n = readNumber(b.text);
      return n && ['arabic', 'arabic-paren', 'cn-paren'].includes(n.style) ? { ...b, text: n.rest } : b;
    }),
    background,
  };
};

function toTask(t: DraftTask, pid: string): InterchangeTask {
  return {
    id: itemId(pid, 'T', t.position, t.title), code: t.code, path: t.path, title: t.title, body: t.body, kind: t.kind,
    leadUnits: t.leadUnits, responsibleUnits: t.responsibleUnits, subpoints: t.subpoints, ...(t.deadline ? { deadline: t.deadline } : {}),
    source: { line: t.line },
  };
}

/** One document's plan from its slice. */
export function planOf(fileName: string, slice: DocSlice, page: PageMeta, single: boolean, metaOverride?: Partial<DocMeta>, opts: TextOptions = {}): InterchangePlan {
  const meta = { ...readMeta(slice, page, single), ...metaOverride };
  const pid = planId(meta.docNumber, meta.title);
  const plan: InterchangePlan = {
    id: pid, title: meta.title, docNumber: meta.docNumber, issuer: meta.issuer, issued: meta.issued,
    periodStart: meta.periodStart, periodEnd: meta.periodEnd, kind: meta.kind, source: { file: fileName, line: meta.line }, targets: [], tasks: [],
    ...(meta.title ? { titleFrom: meta.titleFrom } : {}),
  };
  if (meta.kind === 'notice_only') return plan;
  const year = meta.periodStart !== null && meta.periodStart === meta.periodEnd ? meta.periodStart : null;
  // The document's own title line is no heading of its outline (nor its second line, "（2024—2025年）" under the name).
  const all = bodyBlocks(slice);
  const text = (k: number) => { const b = all[k]; return b?.kind === 'text' ? b.text : null; };
  const title = normaliseTitle(meta.title);
  const dropped = new Set<number>();
  for (let k = 0; title && k < Math.min(4, all.length); k++) {
    const [one, two] = [text(k), text(k + 1)];
    if (one === null) continue;
    if (normaliseTitle(one) === title) dropped.add(k);
    else if (two !== null && normaliseTitle(one + two) === title) { dropped.add(k); dropped.add(k + 1); }
  }
  const own = all.filter((_, k) => !dropped.has(k));
  const reply = replyBody(meta.kind, dropContents(own));
  const { blocks: body, goals: rowGoals } = expandTaskTables(reply.blocks, year);
  const outline = buildOutline(body.filter((b): b is TextBlock => b.kind === 'text'));
  const allText = body.map((b) => (b.kind === 'text' ? b.text : '')).join('\n');
  const used = new Set<number>();
  const drafts = applyTaskAnnex(tasksOf(outline, {
    measures: meta.kind === 'measures', proseUnits: meta.kind === 'reply', firstLeads: FIRST_LEADS.test(allText), year, used, background: reply.background,
  }));
  // A reply's next steps speak as 我委: the replying unit, which leads them unless another unit is named to.
  if (meta.kind === 'reply' && meta.issuer) {
    for (const t of drafts) {
      const we = (u: string) => /^我(委|局|办|厅|院|中心|单位)$/.test(u);
      t.leadUnits = t.leadUnits.map((u) => (we(u) ? meta.issuer! : u));
      // (A reply signed by two units: both lead.)
      if (!t.leadUnits.length) t.leadUnits = meta.issuer.split('、');
      // "由市生态环境局牵头，我局和市住房城乡建设局配合": the replying unit among those helping another.
      t.responsibleUnits = [...new Set(t.responsibleUnits.map((u) => (we(u) ? meta.issuer! : u)))].filter((u) => !t.leadUnits.includes(u));
    }
  }
  plan.tasks = drafts.map((t) => toTask(t, pid));
  uniqueIds(plan.tasks);
  // A Word or web table's 注 stands in the paragraph after it: the table's note (it may say what marks and brackets mean).
  body.forEach((b, k) => { const next = body[k + 1]; if (b.kind === 'table' && !b.note && next?.kind === 'text' && isTableNote(next.text)) b.note = next.text; });
  const tables = continuedTables(body.filter((b): b is TableBlock => b.kind === 'table'));
  plan.targets = targetsOf(pid, meta, { tables, rowGoals }, outline, drafts, plan.tasks.map((t) => t.id), { seeds: opts.conventions === 'seeds', seen: used, background: reply.background });
  uniqueIds(plan.targets);
  const targetLines = new Set(plan.targets.map((t) => t.source?.line ?? -1));
  const tablesUsed = new Set(tables.filter((t) => targetLines.has(t.line)));
  plan.unplaced = unplacedLines(outline, tables, { used, targetLines, tablesUsed }, meta.title);
  return plan;
}

/** Lines of a text, run-on lines broken into paragraphs. */
export function textLines(text: string, opts: TextOptions = {}): RawLine[] {
  return joinArticles(toLines(text)).flatMap((l) => (isRunOn(l.text) ? splitRunOn(l.text, opts).map((t) => ({ ...l, text: t })) : [l]));
}

const LONE_ARTICLE = /^第[一二三四五六七八九十百\d]{1,4}条$/;
/** "第三条" on a line of its own (a PDF sets it apart from its text): the article goes on in the next line of text. */
function joinArticles(lines: RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (!LONE_ARTICLE.test(l.text)) { out.push(l); continue; }
    let j = k + 1;
    while (j < lines.length && !lines[j]!.text) j++;
    if (lines[j] && !readNumber(lines[j]!.text)) {
      out.push({ ...lines[j]!, line: l.line, text: `${l.text}　${lines[j]!.text}` });
      k = j;
    } else out.push(l);
  }
  return out;
}

/** A plain text's blocks, and the particulars of the web page it was copied from. */
export function textSource(text: string, opts: TextOptions = {}): { blocks: Block[]; page: PageMeta } {
  const lines = textLines(text, opts);
  return { blocks: toBlocks(lines), page: readPageMeta(lines) };
}

/** All documents of a plain text, in the order they appear. */
export function parsePlainText(fileName: string, text: string, opts: TextOptions = {}, overrides: Partial<DocMeta>[] = []): InterchangePlan[] {
  const { blocks, page } = textSource(text, opts);
  const slices = splitDocuments(blocks);
  return slices.map((s, k) => planOf(fileName, s, page, slices.length === 1, overrides[k], opts));
}
