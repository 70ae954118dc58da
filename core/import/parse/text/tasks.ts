// Tasks of a document: the smallest items with their own number or lead phrase in the parts that say what will be done.
import type { TaskKind } from '../../../../contract/model';
import { pathOf, type OutlineNode, type Para } from './outline';
import { findUnitNotes, isUnitNoteOnly } from './units';

export interface DraftTask {
  code: string; position: string; path: string[]; title: string; body: string; kind: TaskKind;
  leadUnits: string[]; responsibleUnits: string[]; subpoints: string[]; line: number;
}

/** Headings of background, principles and goals: no tasks beneath them. */
export const NOT_TASKS = /背景|新起点|新环境|新要求|外部形势|发展形势|形势与|使命|诊断|本底|发展基础|现状|存在问题|发展问题|机遇|挑战|发展优势|发展劣势|指导思想|总体要求|基本原则|发展原则|总体思路|发展思路|发展定位|发展目标|主要目标|远景目标|附录|编制依据|规划依据/;
const SAFEGUARD = /保障|组织实施|实施机制/;

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

function draft(body: string, title: string, code: string, position: string, path: string[], kind: TaskKind, line: number): DraftTask {
  const lead: string[] = [];
  const resp: string[] = [];
  for (const n of findUnitNotes(body)) { lead.push(...n.lead); resp.push(...n.responsible); }
  return {
    code, position, path, title: title.replace(/[。;；]$/, '').trim(), body: body.trim(), kind,
    leadUnits: [...new Set(lead)], responsibleUnits: [...new Set(resp)], subpoints: subpointsOf(body), line,
  };
}

const posOf = (n: OutlineNode, index: number) => {
  const keys: string[] = [];
  for (let p: OutlineNode | null = n; p && p.style !== 'root'; p = p.parent) keys.unshift(p.key || String(p.index));
  return [...keys, ...(index ? [`p${index}`] : [])].join('.');
};

function fromParas(n: OutlineNode, paras: Para[], kind: TaskKind, path: string[], out: DraftTask[]): { notes: string[] } {
  const notes: string[] = [];
  let cur: { title: string; body: string[]; line: number; index: number } | null = null;
  const flush = () => {
    if (cur) out.push(draft(cur.body.join('\n'), cur.title, '', posOf(n, cur.index), path, kind, cur.line));
    cur = null;
  };
  paras.forEach((p, i) => {
    if (isUnitNoteOnly(p.text)) { notes.push(p.text); return; }
    const lead = leadOf(p.text, n.style === 'box');
    if (lead) { flush(); cur = { title: lead, body: [p.text], line: p.line, index: i + 1 }; } else if (cur) cur.body.push(p.text);
  });
  flush();
  return { notes };
}

/** A note after the last of several items, none with units of its own, covers the whole group: move it up. */
function liftGroupNote(n: OutlineNode): void {
  const items = n.children.filter((c) => c.item);
  const last = items[items.length - 1];
  if (items.length < 2 || !last) return;
  const notes = last.paras.filter((p) => isUnitNoteOnly(p.text));
  const others = items.slice(0, -1).some((c) => findUnitNotes([c.title, ...c.paras.map((p) => p.text)].join('\n')).length);
  if (!notes.length || others || findUnitNotes(last.title).length) return;
  last.paras = last.paras.filter((p) => !notes.includes(p));
  n.paras.push(...notes);
}

/** Walks a task part of the outline and appends its tasks to `out`. */
function walk(n: OutlineNode, kind: TaskKind, out: DraftTask[]): void {
  if (NOT_TASKS.test(n.title) && !n.item) return;
  const path = pathOf(n);
  const mine = n.style === 'box' && kind === 'task' ? 'project' : kind;
  const start = out.length;
  if (n.item && !n.children.length) {
    const body = [n.title, ...n.paras.filter((p) => !isUnitNoteOnly(p.text)).map((p) => p.text)].join('\n');
    out.push(draft(body, firstSentence(n.title), n.code, posOf(n, 0), path, mine, n.line));
    return;
  }
  liftGroupNote(n);
  const own = n.paras.filter((p) => !isUnitNoteOnly(p.text));
  const hasLeads = own.some((p) => leadOf(p.text, n.style === 'box'));
  let notes: string[] = [];
  // A heading over one paragraph, or over paragraphs without lead phrases, is itself the task.
  if (!n.item && !n.children.length && own.length && (!hasLeads || own.length === 1)) {
    out.push(draft(own.map((p) => p.text).join('\n'), n.title, n.code, posOf(n, 0), path, mine, n.line));
    notes = n.paras.filter((p) => isUnitNoteOnly(p.text)).map((p) => p.text);
  } else {
    notes = fromParas(n, n.paras, mine, [...path, n.label], out).notes;
  }
  for (const c of n.children) walk(c, mine, out);
  // A note under a group (责任单位 after items 1–4) applies to each item without units of its own.
  for (const text of notes) {
    for (const note of findUnitNotes(text)) {
      for (const t of out.slice(start)) {
        if (t.leadUnits.length || t.responsibleUnits.length) continue;
        t.leadUnits = [...note.lead];
        t.responsibleUnits = [...note.responsible];
      }
    }
  }
}

/** All tasks of a document; `measures` makes the kind of ordinary items "measure". */
export function tasksOf(root: OutlineNode, measures: boolean): DraftTask[] {
  const out: DraftTask[] = [];
  for (const top of root.children) {
    if (NOT_TASKS.test(top.title) && !top.item) continue;
    const kind: TaskKind = SAFEGUARD.test(top.title) ? 'safeguard' : measures ? 'measure' : 'task';
    walk(top, kind, out);
  }
  return out;
}
