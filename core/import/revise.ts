// The planner's changes to a previewed document, applied to its pending copy before anything is written: change an
// item's kind (task, project, measure, safeguard, target, or leave it out), its title, unit and values, move it under
// another heading, place a line the parser left, correct the plan's details, merge into an existing plan, and choose
// per field between a correction and the new document. Every value is checked as a definition edit would be; a bad
// one is refused in Chinese and the copy stays as it was. What was revised is remembered as corrected on commit.
import type { DB } from '../../db/connection';
import type { InterchangeTask, InterchangeTarget } from '../../contract/interchange';
import type { ImportRevision, ImportItemKind } from '../../contract/define';
import { TASK_KINDS, type TaskKind } from '../../contract/model';
import { fieldLabel } from '../../contract/labels';
import { planExists } from '../../db/repos/plans';
import { normalizeDefinition } from '../write/define-values';
import { parseValue } from '../rules/values';
import { AppError, invalid } from '../common/errors';
import type { PendingDoc } from './review';

type Found = { list: 'tasks'; item: InterchangeTask } | { list: 'targets'; item: InterchangeTarget } | { list: 'ignored'; n: number; item: InterchangeTask | InterchangeTarget };

function find(doc: PendingDoc, key: string): Found {
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (kind === 'task') { const item = doc.plan.tasks.find((t) => t.id === id); if (item) return { list: 'tasks', item }; }
  if (kind === 'target') { const item = doc.plan.targets.find((g) => g.id === id); if (item) return { list: 'targets', item }; }
  if (kind === 'ignored') { const x = doc.ignored.find((i) => String(i.n) === id); if (x) return { list: 'ignored', n: x.n, item: (x.task ?? x.target)! }; }
  throw invalid(`预览中找不到这一项(${key.slice(0, 60)}),请刷新预览`);
}

const edited = (item: { edited?: string[] }, field: string) => { if (!(item.edited ?? []).includes(field)) item.edited = [...(item.edited ?? []), field]; };
const isTask = (x: InterchangeTask | InterchangeTarget): x is InterchangeTask => 'title' in x;
const fromDocument = (x: { edited?: string[] }) => !(x.edited ?? []).includes('created');
const freshId = (doc: PendingDoc, base: string, letter: string) => {
  const ids = new Set([...doc.plan.tasks.map((t) => t.id), ...doc.plan.targets.map((g) => g.id)]);
  let id = `${base.slice(0, 94)}-${letter}`;
  for (let n = 2; ids.has(id); n++) id = `${base.slice(0, 90)}-${letter}${n}`;
  return id;
};

/** A target made from a line or a task: "到2026年,新增市场主体达到3万户" → 新增市场主体, 2026 年 3, 万户. */
function targetFrom(doc: PendingDoc, base: string, text: string, units: string[], line: number | null): InterchangeTarget {
  const clean = text.replace(/[。;；]+$/, '').trim();
  const when = clean.match(/^(?:到|至|截至)?\s*((?:19|20)\d{2})\s*年(?:底|末)?\s*[,，]?\s*/);
  const rest = when ? clean.slice(when[0].length) : clean;
  const at = rest.search(/[-+]?\d/);
  const head = at > 0 ? rest.slice(0, at).replace(/(达到|超过|不低于|不少于|保持在?|控制在|提高到|提高至|增长|力争|约|到|至)+$/, '') : rest;
  const name = (head.trim() || rest).slice(0, 500);
  const m = at >= 0 ? rest.slice(at).match(/^([-+]?\d+(?:\.\d+)?)\s*(%|[万亿千百]?[\p{Script=Han}]{0,3})/u) : null;
  const p = parseValue(rest.slice(Math.max(at, 0)));
  const unit = m ? m[2].replace(/(以上|左右|以内|以下)$/, '') : '';
  const year = when ? Number(when[1]) : doc.plan.periodEnd;
  return {
    id: freshId(doc, base, 'g'), code: '', name, unit, category: '', attribute: '', baseline: { year: null, value: null },
    milestones: m && year ? [{ year, value: m[1] + (unit === '%' ? '%' : ''), qualifier: p.qualifier, cumulative: p.cumulative }] : [], scope: 'goal_text', taskId: null,
    responsibleUnits: units, source: { line }, edited: ['created'],
  };
}

function taskFrom(doc: PendingDoc, base: string, title: string, kind: TaskKind, path: string[], units: string[], line: number | null): InterchangeTask {
  return { id: freshId(doc, base, 't'), code: '', path, title: title.slice(0, 2000), body: title, kind, leadUnits: [], responsibleUnits: units, subpoints: [], source: { line }, edited: ['created'] };
}

/** Takes an item out of the lists it is in (a task's targets lose their link to it). */
function takeOut(doc: PendingDoc, f: Found): void {
  if (f.list === 'tasks') {
    doc.plan.tasks = doc.plan.tasks.filter((t) => t !== f.item);
    for (const g of doc.plan.targets) if (g.taskId === f.item.id) g.taskId = null;
  } else if (f.list === 'targets') doc.plan.targets = doc.plan.targets.filter((g) => g !== f.item);
  else doc.ignored = doc.ignored.filter((i) => i.n !== f.n);
}

function setKind(doc: PendingDoc, key: string, kind: ImportItemKind): void {
  const f = find(doc, key);
  const item = f.item;
  const entity = isTask(item) ? 'task' : 'target';
  if (f.list === 'tasks' && (TASK_KINDS as readonly string[]).includes(kind)) { if (f.item.kind !== kind) { f.item.kind = kind as TaskKind; edited(f.item, 'kind'); } return; }
  if ((f.list === 'targets' && kind === 'target') || (f.list === 'ignored' && kind === 'ignore')) return;
  if (f.list === 'ignored' && kind !== 'ignore' && (kind === 'target') === (entity === 'target')) {
    takeOut(doc, f);
    doc.tombstones = doc.tombstones.filter((t) => !(t.entity === entity && t.id === item.id));
    if (isTask(item)) { if (kind !== 'target') item.kind = kind as TaskKind; doc.plan.tasks.push(item); } else doc.plan.targets.push(item);
    return;
  }
  takeOut(doc, f);
  if (fromDocument(item) && f.list !== 'ignored') doc.tombstones.push({ entity, id: item.id });
  if (kind === 'ignore') { doc.ignored.push({ n: doc.nextIgnored++, ...(isTask(item) ? { task: item } : { target: item }) }); return; }
  if (kind === 'target') {
    const t = item as InterchangeTask;
    doc.plan.targets.push(targetFrom(doc, t.id, t.title, [...t.leadUnits, ...t.responsibleUnits], t.source?.line ?? null));
  } else {
    const g = item as InterchangeTarget;
    const task = taskFrom(doc, g.id, g.name, kind as TaskKind, g.category ? [g.category] : [], g.responsibleUnits, g.source?.line ?? null);
    task.body = [g.name, ...g.milestones.map((m) => `${m.year}年${m.value}`)].join(',');
    doc.plan.tasks.push(task);
  }
}

function setField(doc: PendingDoc, key: string, field: string, value: unknown): void {
  const f = find(doc, key);
  if (f.list === 'ignored') throw invalid('这一项已设为“不导入”,请先选择它的类别');
  const entity = f.list === 'tasks' ? 'task' : 'target';
  const target = entity === 'task' ? null : (f.item as InterchangeTarget);
  const task = entity === 'task' ? (f.item as InterchangeTask) : null;
  const real = field === 'title' && target ? 'name' : field;
  const allowed = entity === 'task' ? ['title', 'code', 'leadUnits', 'responsibleUnits', 'deadline'] : ['name', 'code', 'unit', 'baselineYear', 'baselineValue', 'milestones', 'responsibleUnits'];
  if (!allowed.includes(real)) throw invalid(`${entity === 'task' ? '任务' : '指标'}没有“${fieldLabel(real)}”可改`);
  let v: string;
  try {
    v = normalizeDefinition(entity, real, value);
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, `「${(task?.title ?? target!.name).slice(0, 30)}」的${fieldLabel(real)}:${e.message}`);
    throw e;
  }
  if (task) {
    if (real === 'title') task.title = v;
    if (real === 'code') task.code = v;
    if (real === 'leadUnits' || real === 'responsibleUnits') task[real] = JSON.parse(v) as string[];
    if (real === 'deadline') task.deadline = v;
    edited(task, real);
  } else if (target) {
    if (real === 'name' || real === 'code' || real === 'unit') target[real] = v;
    if (real === 'baselineYear') target.baseline = { ...target.baseline, year: v ? Number(v) : null };
    if (real === 'baselineValue') target.baseline = { ...target.baseline, value: v || null };
    if (real === 'milestones') target.milestones = JSON.parse(v);
    if (real === 'responsibleUnits') target.responsibleUnits = JSON.parse(v) as string[];
    edited(target, real);
  }
}

function apply(db: DB, doc: PendingDoc, r: ImportRevision): void {
  switch (r.op) {
    case 'kind': for (const k of r.keys) setKind(doc, k, r.kind); return;
    case 'set': setField(doc, r.key, r.field, r.value); return;
    case 'move': {
      const path = JSON.parse(normalizeDefinition('task', 'path', r.path)) as string[];
      for (const k of r.keys) {
        const f = find(doc, k);
        if (f.list === 'tasks') { f.item.path = path; edited(f.item, 'path'); } else if (f.list === 'targets') { f.item.category = path[path.length - 1] ?? ''; edited(f.item, 'category'); } else throw invalid('这一项已设为“不导入”,请先选择它的类别');
      }
      return;
    }
    case 'place': {
      const line = (doc.plan.unplaced ?? []).find((u) => u.line === r.line);
      if (!line) throw invalid(`第 ${r.line} 行不在未识别的内容中`);
      if (r.as === 'ignore') return;
      doc.plan.unplaced = (doc.plan.unplaced ?? []).filter((u) => u !== line);
      const base = `${doc.plan.id.slice(0, 60)}-L${line.line}`;
      if (r.as === 'target') doc.plan.targets.push(targetFrom(doc, base, line.text, [], line.line));
      else doc.plan.tasks.push(taskFrom(doc, base, line.text.trim(), r.as, r.path ? JSON.parse(normalizeDefinition('task', 'path', r.path)) as string[] : [], [], line.line));
      return;
    }
    case 'plan': {
      const v = normalizeDefinition('plan', r.field, r.value);
      const p = doc.plan;
      if (r.field === 'periodStart' || r.field === 'periodEnd') p[r.field] = v ? Number(v) : null;
      else if (r.field === 'kind') p.kind = v as typeof p.kind;
      else if (r.field === 'title') p.title = v;
      else p[r.field] = v || null;
      if (p.periodStart != null && p.periodEnd != null && p.periodStart > p.periodEnd) throw invalid(`起始年份 ${p.periodStart} 晚于终止年份 ${p.periodEnd}`);
      edited(p, r.field);
      return;
    }
    case 'mergeInto':
      if (r.planId && !planExists(db, r.planId)) throw invalid('找不到要合并到的规划');
      doc.mergeInto = r.planId;
      return;
    case 'choose':
      doc.take = r.take === 'document' ? [...new Set([...doc.take, ...r.keys])] : doc.take.filter((k) => !r.keys.includes(k));
  }
}

/** The document with the revisions applied, in order; on a refusal the pending copy is left as it was. */
export function reviseDoc(db: DB, doc: PendingDoc, revisions: ImportRevision[]): PendingDoc {
  const copy = structuredClone(doc);
  revisions.forEach((r, i) => {
    try {
      apply(db, copy, r);
    } catch (e) {
      if (e instanceof AppError && revisions.length > 1) throw new AppError(e.code, `第 ${i + 1} 项修改:${e.message}。预览未改变。`);
      if (e instanceof AppError) throw new AppError(e.code, `${e.message}。预览未改变。`);
      throw e;
    }
  });
  return copy;
}
