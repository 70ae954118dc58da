// Tasks of a document: the smallest items with their own number or lead phrase in the parts that say what will be done,
// each with its units and deadline (task-units.ts) and the notes that speak for many items applied.
import type { TaskKind } from '../../../../contract/model';
import type { GroupNote } from './notes';
import { pathOf, type OutlineNode, type Para } from './outline';
import { itemFacts, proseUnits, type ItemFacts, type UnitContext } from './task-units';
import { isGoalArticle } from './goal-parts';
import { unitLine } from './units';
import { readNumber } from './numbering';

export interface DraftTask {
  code: string; position: string; path: string[]; title: string; body: string; kind: TaskKind;
  leadUnits: string[]; responsibleUnits: string[]; subpoints: string[]; line: number; deadline: string;
  /** A row of a task or project table: its columns say who does it, a part's unit line does not. */
  row?: boolean;
}

/** Numberings of headings and items that an annex leaves out when it names them. */
const HEADING_STYLES = new Set(['chapter', 'section', 'cn', 'cn-paren', 'arabic-paren']);

/**
 * A 附表 重点任务分工表 whose rows name the body's tasks by their lead phrase: each row gives its task the units (and
 * deadline) it names, and is no task of its own.
 */
export function applyTaskAnnex(drafts: DraftTask[]): DraftTask[] {
  // (A heading is named without its number: "第一节 健全应急指挥机制" as "健全应急指挥机制".)
  const key = (s: string) => { const n = readNumber(s); return (n && HEADING_STYLES.has(n.style) ? n.rest : s).replace(/[^\p{L}\p{N}]/gu, ''); };
  const rows = drafts.filter((d) => d.row);
  if (rows.length < 3) return drafts;
  // The body's tasks by their title, and by each heading above them ("健全应急指挥机制" naming a 节 names its tasks).
  const body = new Map<string, DraftTask[]>();
  const add = (k: string, d: DraftTask) => {
    if (k.length < 4) return;
    const list = body.get(k);
    if (list) list.push(d);
    else body.set(k, [d]);
  };
  for (const d of drafts) if (!d.row) { add(key(d.title), d); for (const h of d.path) add(key(h), d); }
  const named = new Set(rows.filter((r) => body.has(key(r.title))));
  if (named.size < 3 || named.size < rows.length * 0.6) return drafts;
  for (const r of named) {
    for (const t of new Set(body.get(key(r.title))!)) {
      if (!t.leadUnits.length && !t.responsibleUnits.length) { t.leadUnits = [...r.leadUnits]; t.responsibleUnits = [...r.responsibleUnits]; }
      if (!t.deadline && r.deadline) t.deadline = r.deadline;
    }
  }
  return drafts.filter((d) => !named.has(d));
}

/** Headings of background, principles and goals: no tasks beneath them. */
export const NOT_TASKS = /^前言$|^序言$|^引言$|^附表\s*\d*$|规划基础|发展回顾|工作回顾|目标$|目的$|背景|^发展环境$|^发展条件$|^面临的?形势$|新起点|新环境|新要求|外部形势|发展形势|形势与|使命|诊断|本底|发展基础|现状|存在问题|发展问题|机遇|挑战|发展优势|发展劣势|指导思想|总体要求|基本原则|发展原则|总体思路|发展思路|发展定位|发展目标|主要目标|远景目标|附录|编制依据|规划依据|主要指标|工作目标|具体目标|总体目标|预期目标|指标分解|基本情况|情况说明|工作开展情况|办理情况|工作成效|主要成效|取得的成效|存在的不足|存在不足|问题和不足|不足之处|附则|适用范围|考评对象|考核对象|考评方式|考核方式|考评程序|结果运用|评分标准|名词解释|关于您提出的/;
const SAFEGUARD = /保障措施|保障机制|组织保障|实施保障|组织实施|实施机制|工作要求|推进机制|工作保障|政策保障|政府自身建设/;
/** Parts whose unnumbered paragraphs are requirements, not tasks (their numbered items are safeguards). */
const REQUIREMENTS = /工作要求|有关要求|其他事项|附则/;
const MEASURES = /支持政策|政策措施|扶持政策|考评内容|考核内容|评价内容|奖补政策/;

const LEAD_MAX = 33;
/** The lead sentence that opens a paragraph ("引导优化汽车整车结构。"), or null. */
export function leadOf(text: string, labels = false): string | null {
  if (labels) {
    const m = text.match(/^([^,，。:：;；]{2,15})[:：]/);
    if (m) return m[1]!;
  }
  const stop = text.indexOf('。');
  if (stop < 0 || stop + 1 > LEAD_MAX || text.length - stop - 1 < 10) return null;
  const s = text.slice(0, stop);
  if (/^(到|至|截至)?\s*20\d\d|^[一二三四五六七八九十]是|^(目前|近年来|当前)|^.{2,12}方面[,，]/.test(s)) return null;
  return s;
}

/** The first sentence of an item: its title. */
export function firstSentence(text: string): string {
  const stop = text.search(/[。;；]/);
  return (stop < 0 ? text : text.slice(0, stop)).trim();
}

/** Inline 一是…二是… of a body. */
export function subpointsOf(body: string): string[] {
  const marks = [...body.matchAll(/(?:^|(?<=[。;；:：,，\n]))\s*[一二三四五六七八九十]是/g)].map((m) => m.index!);
  if (marks.length < 2) return [];
  return marks.map((at, k) => body.slice(at, marks[k + 1] ?? body.length).trim().replace(/[;；]$/, ''));
}

/** A note's reach over the tasks: from an index to an index, to the end of the part it sits in (-1), or to the end (-2). */
interface Reach { note: GroupNote; from: number; to: number }
interface Walk extends UnitContext {
  out: DraftTask[]; notes: Reach[]; proseUnits: boolean; topStart: number; used: Set<number>;
}

function draft(f: ItemFacts, title: string, code: string, position: string, path: string[], kind: TaskKind, line: number, w: Walk): DraftTask {
  const body = f.body.join('\n').trim();
  let { lead, responsible } = f;
  if (!lead.length && !responsible.length && (w.proseUnits || kind === 'safeguard')) ({ lead, responsible } = proseUnits(body));
  return {
    code, position, path, title: title.replace(/[。;；]$/, '').trim(), body, kind, leadUnits: lead, responsibleUnits: responsible,
    subpoints: subpointsOf(body), line, deadline: f.deadline,
  };
}

const posOf = (n: OutlineNode, index: number) => {
  const keys: string[] = [];
  for (let p: OutlineNode | null = n; p && p.style !== 'root'; p = p.parent) keys.unshift(p.key || String(p.index));
  return [...keys, ...(index ? [`p${index}`] : [])].join('.');
};

/** Paragraph-level facts of a node: unit lines and notes that belong to the node itself rather than to one task. */
function nodeFacts(paras: Para[], w: Walk): { own: Para[]; facts: ItemFacts } {
  const facts = itemFacts(['', ...paras.map((p) => p.text)], w);
  const kept = new Set(facts.body);
  for (const p of paras) if (!kept.has(p.text)) w.used.add(p.line);
  return { own: paras.filter((p) => kept.has(p.text)), facts };
}

function fromParas(n: OutlineNode, paras: Para[], kind: TaskKind, path: string[], w: Walk): void {
  let cur: { title: string; texts: string[]; line: number; index: number } | null = null;
  const flush = () => {
    if (cur) for (const p of paras.slice(cur.index - 1, cur.index - 1 + cur.texts.length)) w.used.add(p.line);
    if (cur) w.out.push(draft(itemFacts(cur.texts, w), cur.title, '', posOf(n, cur.index), path, kind, cur.line, w));
    cur = null;
  };
  paras.forEach((p, i) => {
    // (Scoring rules and the closing words of a speech open paragraphs too: no tasks.)
    if (BOILERPLATE.test(p.text)) { flush(); w.used.add(p.line); return; }
    const lead = leadOf(p.text, n.style === 'box');
    if (lead) { flush(); cur = { title: lead, texts: [p.text], line: p.line, index: i + 1 }; } else if (cur) cur.texts.push(p.text);
  });
  flush();
}

/** Applies "以上N项…" lines: the units go to the item and the N−1 before it that have none of their own. */
function applyGroupLine(w: Walk, start: number, f: ItemFacts): void {
  if (!f.group) return;
  const items = w.out.slice(Math.max(start, w.out.length - f.group.count));
  for (const t of items) {
    if (t.leadUnits.length || t.responsibleUnits.length) continue;
    t.leadUnits = [...f.group.units.lead];
    t.responsibleUnits = [...f.group.units.responsible];
  }
}

/** Where a note reaches: below it to the end of its part (or of the document), above it back to its chapter's start. */
function noteReach(w: Walk, note: GroupNote, at: number, end: -1 | -2, self = false): void {
  if (note.of === 'targets') return;
  if (note.reach === 'below') w.notes.push({ note, from: at, to: end });
  else w.notes.push({ note, from: w.topStart, to: self ? at + 1 : at });
}

/** A unit line after the last of several items, none with units of its own, covers the whole group: move it up. */
function liftGroupNote(n: OutlineNode, w: Walk): void {
  // The rows of a 专栏 table after the items have their own units (or none) and do not end the group.
  const items = n.children.filter((c) => c.item && !c.row);
  const last = items[items.length - 1];
  if (items.length < 2 || !last || n.children.slice(n.children.indexOf(last) + 1).some((c) => c.item && !c.row)) return;
  const lines = last.paras.filter((p) => unitLine(p.text, w));
  if (!lines.length) return;
  const unitsOf = (c: OutlineNode) => itemFacts([c.title, ...c.paras.map((p) => p.text)], w);
  const others = items.slice(0, -1).some((c) => { const f = unitsOf(c); return f.lead.length || f.responsible.length; });
  const own = itemFacts([last.title], w);
  if (others || own.lead.length || own.responsible.length) return;
  last.paras = last.paras.filter((p) => !lines.includes(p));
  n.paras.push(...lines);
}

/** Items that only say why, for whom and from when the document holds ("第一条　为…，制定本政策", "本措施自…起施行"). */
const BOILERPLATE = /^附\s*则(?:[。.:：\s]|$)|^各位代表[！!，,]|^(?:考核|考评|评价)(?:实行|采取|采用)[^。]{0,20}(?:百分制|千分制|计分)|^为[^。]{4,120}?(?:特)?制定本(?:政策|办法|措施|细则|规定|方案)|^本(?:政策|办法|措施|细则|规定|方案)(?:适用于|所称|由[^。]{2,30}负责解释|自[^。]{2,30}(?:施行|实施)|有效期)/;

/**
 * "（二）推进“交邮融合”发展。" over points 1.…2.…3.… whose last alone names the units ("（省交通运输厅、省邮政管理局负责，
 * 2025年底前完成）"): the units and the deadline are the whole item's, one task whose points are its subpoints.
 */
function sharedNote(n: OutlineNode, kind: TaskKind, path: string[], w: Walk): boolean {
  const kids = n.children;
  if (!n.item || n.row || kids.length < 2 || !kids.every((c) => c.item && !c.children.length && !c.row)) return false;
  const texts = (c: OutlineNode) => [c.title, ...c.paras.map((p) => p.text)];
  const noted = (texts: string[]) => { const f = itemFacts(texts, w); return f.lead.length + f.responsible.length > 0; };
  // (The last point first: most items' points each name their own units, and the first of them says so.)
  if (!noted(texts(kids[kids.length - 1]!)) || kids.slice(0, -1).some((c) => noted(texts(c))) || noted(texts(n))) return false;
  const f = itemFacts([n.title, ...n.paras.map((p) => p.text), ...kids.flatMap(texts)], w);
  for (const c of [n, ...kids]) { w.used.add(c.line); for (const p of c.paras) w.used.add(p.line); }
  const t = draft(f, firstSentence(n.title), n.code, posOf(n, 0), path, kind, n.line, w);
  t.subpoints = kids.map((c) => texts(c).join('').replace(/[(（][^()（）]*(?:负责|牵头|配合)[^()（）]*[)）]\s*$/, '').trim());
  w.out.push(t);
  return true;
}

/** Walks a task part of the outline and appends its tasks. */
function walk(n: OutlineNode, kind: TaskKind, w: Walk): void {
  if (NOT_TASKS.test(n.title) && !n.item) return;
  const path = pathOf(n);
  const mine = n.style === 'box' && kind === 'task' ? 'project' : kind;
  const start = w.out.length;
  w.used.add(n.line);
  if (n.item && !n.children.length) {
    for (const p of n.paras) w.used.add(p.line);
    if (isGoalArticle(n) || BOILERPLATE.test(n.title)) return;
    const f = n.row ? { body: [n.row.body], lead: n.row.lead, responsible: n.row.responsible, deadline: n.row.deadline, group: null, notes: [] } : itemFacts([n.title, ...n.paras.map((p) => p.text)], w);
    w.out.push(draft(f, firstSentence(n.title), n.code, posOf(n, 0), path, mine, n.line, w));
    if (n.row) w.out[w.out.length - 1]!.row = true;
    applyGroupLine(w, 0, f);
    for (const note of f.notes) noteReach(w, note, start, -1, true);
    return;
  }
  liftGroupNote(n, w);
  const { own, facts } = nodeFacts(n.paras, w);
  const hasLeads = own.some((p) => leadOf(p.text, n.style === 'box'));
  const notesAt = w.out.length;
  if (REQUIREMENTS.test(n.title) && !n.children.length) { for (const p of n.paras) w.used.add(p.line); return; }
  // In a reply, a part written as one run of 一是…二是… holds one task for each of them.
  const points = w.proseUnits && !n.children.length ? own.flatMap((p) => subpointsOf(p.text).map((text) => ({ text, line: p.line }))) : [];
  if (points.length >= 2) {
    for (const p of n.paras) w.used.add(p.line);
    points.forEach((p, k) => {
      const m = p.text.match(/^([一二三四五六七八九十]+是)\s*(.*)$/s)!;
      w.out.push(draft(itemFacts([m[2]!], w), firstSentence(m[2]!), m[1]!, posOf(n, k + 1), [...path, n.label], mine, p.line, w));
    });
    return;
  }
  // A heading over one paragraph, or over paragraphs without lead phrases, is itself the task; so is a numbered line
  // over nothing but its unit and deadline lines ("1.建设高标准农田2万亩。" / "牵头单位：县农业农村局").
  const onlyFacts = !own.length && n.code !== '' && (facts.lead.length + facts.responsible.length > 0 || !!facts.deadline);
  if (!n.item && !n.children.length && (own.length || onlyFacts) && (!hasLeads || own.length === 1 || onlyFacts)) {
    if (BOILERPLATE.test(n.title)) { for (const p of n.paras) w.used.add(p.line); return; }
    const f = itemFacts([n.title, ...n.paras.map((p) => p.text)], w);
    // "（1）5G网络精品工程：新建5G基站1.2万个以上，…" broken at a box's edge: no heading but a sentence's first line,
    // its body too ("X工程" the title).
    // (A heading may hold a comma, "突出精准联动招商，引育优质市场主体", but not a project's figures or a full line's length.)
    const broken = !/[。；;！？]$/.test(n.title) && f.body.length > 1 && ((/[：:]/.test(n.title) && /\d/.test(n.title)) || (n.title.length >= 28 && /[，,]/.test(n.title)));
    f.body = onlyFacts ? [n.title] : broken ? [n.title + f.body[1]!, ...f.body.slice(2)] : f.body.slice(1);
    for (const p of n.paras) w.used.add(p.line);
    w.out.push(draft(f, broken ? n.title.split(/[：:，,]/)[0]! : n.title, n.code, posOf(n, 0), path, mine, n.line, w));
    for (const note of f.notes) noteReach(w, note, start, -1, true);
    return;
  }
  if (sharedNote(n, mine, path, w)) return;
  fromParas(n, own, mine, [...path, n.label], w);
  for (const c of n.children) walk(c, mine, w);
  // Unit lines under a group heading (after its items, or before them) apply to each item without units of its own;
  // the units of paragraphs that are tasks themselves stay theirs.
  const group = hasLeads ? itemFacts(['', ...n.paras.filter((p) => !own.includes(p)).map((p) => p.text)], w) : facts;
  for (const t of w.out.slice(start)) {
    if (t.row || t.leadUnits.length || t.responsibleUnits.length || (!group.lead.length && !group.responsible.length)) continue;
    t.leadUnits = [...group.lead];
    t.responsibleUnits = [...group.responsible];
  }
  for (const note of facts.notes) noteReach(w, note, notesAt, -1);
  for (const r of w.notes) if (r.to === -1 && r.from >= start) r.to = w.out.length;
}

/** Options of a document's task reading. */
export interface TaskOptions extends UnitContext {
  /** Ordinary items are measures (a 政策措施 list). */
  measures: boolean;
  /** Read units named in prose for items without a note (a reply). */
  proseUnits: boolean;
  /** Lines of top-level sections that tell what was done (a reply's account before its next steps): no tasks. */
  background?: ReadonlySet<number>;
  /** Filled with the source lines the tasks, their headings and their unit and deadline lines took. */
  used?: Set<number>;
}

/** All tasks of a document, with notes for many items applied. */
export function tasksOf(root: OutlineNode, opts: TaskOptions): DraftTask[] {
  const w: Walk = { ...opts, out: [], notes: [], topStart: 0, used: opts.used ?? new Set() };
  const rootFacts = nodeFacts(root.paras, w).facts;
  for (const note of rootFacts.notes) noteReach(w, note, 0, -2);
  for (const top of root.children) {
    if ((NOT_TASKS.test(top.title) && !top.item) || opts.background?.has(top.line)) continue;
    const kind: TaskKind = SAFEGUARD.test(top.title) ? 'safeguard' : opts.measures || MEASURES.test(top.title) ? 'measure' : 'task';
    w.topStart = w.out.length;
    walk(top, kind, w);
  }
  for (const r of w.notes) {
    const to = r.to < 0 ? w.out.length : r.to;
    for (const t of w.out.slice(r.from, to)) {
      if (t.kind === 'safeguard' && r.to === -2) continue;
      for (const u of r.note.units) if (!t.leadUnits.includes(u) && !t.responsibleUnits.includes(u)) t.responsibleUnits.push(u);
    }
  }
  return w.out;
}
