// The import preview as the planner reviews it: every item found with its kind, the headings to move items under, the
// lines left unplaced, the rows each item updates (on a re-import, or when merged into a plan by name), and every field
// a planner corrected that the new document says otherwise, with the choice made for it.
import type { DB } from '../../db/connection';
import type { InterchangePlan, InterchangeTask, InterchangeTarget } from '../../contract/interchange';
import type { ImportReview, ImportItem, ImportConflict } from '../../contract/define';
import { definitionText } from '../../contract/define';
import { fieldLabel } from '../../contract/labels';
import { editedFields, editedIds, readDefinition, rowExists, type DefEntity } from '../../db/repos/definitions';
import { missingIds } from '../../db/repos/rows';
import { planItems } from '../../db/repos/plan-rows';
import { planTitle } from '../../db/repos/plans';
import { matchExisting } from './store';
import { choiceKey, aliasing } from './corrections';
import { normaliseTitle } from './parse/ids';

/** A document waiting in the preview, as the planner has revised it so far. */
export interface PendingDoc {
  key: string; file: string; plan: InterchangePlan;
  /** Items set to 不导入, by number. */
  ignored: { n: number; task?: InterchangeTask; target?: InterchangeTarget }[];
  nextIgnored: number;
  /** The existing plan to merge into (rows matched by name), or null. */
  mergeInto: string | null;
  /** Corrected fields given to the document ('task:ID:field'). */
  take: string[];
  /** Items of the document the planner left out or reclassified: later imports leave them out too. */
  tombstones: { entity: 'task' | 'target'; id: string }[];
  unitAliases?: { alias: string; unit: string }[];
}

const json = JSON.stringify;
const NOUN = { plan: '规划', task: '任务', target: '指标' } as const;

/** What the document says for each definition field of an item, as canonical text (the stored form). */
export function documentValues(entity: DefEntity, item: InterchangePlan | InterchangeTask | InterchangeTarget, taskId: (id: string) => string, alias: (u: string[]) => string[]): Record<string, string> {
  if (entity === 'plan') {
    const p = item as InterchangePlan;
    return { title: p.title, docNumber: p.docNumber ?? '', issuer: p.issuer ?? '', issued: p.issued ?? '', periodStart: p.periodStart == null ? '' : String(p.periodStart), periodEnd: p.periodEnd == null ? '' : String(p.periodEnd), kind: p.kind };
  }
  if (entity === 'task') {
    const t = item as InterchangeTask;
    return {
      code: t.code ?? '', title: t.title, body: t.body ?? '', kind: t.kind, path: json(t.path ?? []), leadUnits: json(alias(t.leadUnits)),
      responsibleUnits: json(alias(t.responsibleUnits)), subpoints: json(t.subpoints ?? []),
      ...(t.deadline != null ? { deadline: t.deadline } : {}), ...(t.milestones ? { taskMilestones: json(t.milestones.map((m) => ({ due: m.due, what: m.what }))) } : {}),
    };
  }
  const g = item as InterchangeTarget;
  const byYear = new Map<number, { year: number; value: string; qualifier: string; cumulative: boolean }>();
  for (const m of g.milestones ?? []) if (!byYear.has(m.year)) byYear.set(m.year, { year: m.year, value: m.value, qualifier: m.qualifier ?? '', cumulative: !!m.cumulative });
  return {
    code: g.code ?? '', name: g.name, unit: g.unit ?? '', category: g.category ?? '', attribute: g.attribute ?? '',
    baselineYear: g.baseline?.year == null ? '' : String(g.baseline.year), baselineValue: g.baseline?.value ?? '',
    milestones: json([...byYear.values()].sort((a, b) => a.year - b.year)), responsibleUnits: json(alias(g.responsibleUnits)),
    taskId: g.taskId ? taskId(g.taskId) : '',
    ...(g.judgeDirection != null ? { judgeDirection: g.judgeDirection } : {}), ...(g.judgeKind != null ? { judgeKind: g.judgeKind } : {}),
  };
}

/** Of the ids given, those stored and those of rows the planner deleted: asked once for a whole document. */
function rowStates(db: DB, entity: 'task' | 'target', ids: Iterable<string>): { stored: (id: string) => boolean; deleted: (id: string) => boolean } {
  const list = [...ids];
  const missing = new Set(missingIds(db, entity, list));
  const deleted = editedIds(db, entity, 'deleted');
  return { stored: (id) => !missing.has(id), deleted: (id) => deleted.has(id) };
}

/** The stored rows a document's items update: by id and title on a re-import, by name when merged into a plan. */
export function rowsFor(db: DB, doc: PendingDoc): { planId: string | null; tasks: Map<InterchangeTask, string>; targets: Map<InterchangeTarget, string> } {
  if (!doc.mergeInto) {
    const m = matchExisting(db, doc.plan);
    const live = <T>(map: Map<T, string>, entity: 'task' | 'target') => {
      const state = rowStates(db, entity, map.values());
      return new Map([...map].filter(([, id]) => state.stored(id) || state.deleted(id)));
    };
    return { planId: m.planId, tasks: live(m.tasks, 'task'), targets: live(m.targets, 'target') };
  }
  const byName = (entity: 'task' | 'target') => {
    const out = new Map<string, string>();
    for (const r of planItems(db, entity, doc.mergeInto!)) if (!out.has(normaliseTitle(r.title))) out.set(normaliseTitle(r.title), r.id);
    return out;
  };
  const tasks = byName('task');
  const targets = byName('target');
  const pick = <T>(items: T[], name: (x: T) => string, from: Map<string, string>) => {
    const out = new Map<T, string>();
    const used = new Set<string>();
    for (const it of items) { const id = from.get(normaliseTitle(name(it))); if (id && !used.has(id)) { used.add(id); out.set(it, id); } }
    return out;
  };
  return { planId: doc.mergeInto, tasks: pick(doc.plan.tasks, (t) => t.title, tasks), targets: pick(doc.plan.targets, (g) => g.name, targets) };
}

function itemOf(kind: ImportItem['kind'], key: string, t: InterchangeTask | undefined, g: InterchangeTarget | undefined, existingId: string | null, keptOut = false): ImportItem {
  return {
    key, kind, code: (t ?? g)!.code ?? '', title: t ? t.title : g!.name, path: t?.path ?? (g?.category ? [g.category] : []),
    unit: g?.unit ?? '', baseline: g?.baseline ?? { year: null, value: null }, milestones: g?.milestones ?? [],
    leadUnits: t?.leadUnits ?? [], responsibleUnits: (t ?? g)!.responsibleUnits ?? [], deadline: t?.deadline ?? '',
    line: (t ?? g)!.source?.line ?? null, existingId, keptOut,
  };
}

/** The fields where a stored correction and the document disagree (in merge mode, only where the file says something). */
function conflictsOf(db: DB, doc: PendingDoc, rows: ReturnType<typeof rowsFor>): ImportConflict[] {
  const alias = aliasing(db);
  const byId = new Map<string, InterchangeTask>();
  for (const t of doc.plan.tasks) if (!byId.has(t.id)) byId.set(t.id, t);
  const taskId = (id: string) => { const t = byId.get(id); return (t && rows.tasks.get(t)) ?? ''; };
  const take = new Set(doc.take);
  const out: ImportConflict[] = [];
  // Most rows have no corrected field: those are skipped without a question each.
  const corrected = { plan: editedIds(db, 'plan'), task: editedIds(db, 'task'), target: editedIds(db, 'target') };
  const compare = (entity: DefEntity, id: string, item: InterchangePlan | InterchangeTask | InterchangeTarget) => {
    if (!corrected[entity].has(id)) return;
    const edited = editedFields(db, entity, id);
    const title = entity === 'plan' ? planTitle(db, id) ?? id : readDefinition(db, entity, id, entity === 'task' ? 'title' : 'name') ?? (item as InterchangeTask).title ?? (item as InterchangeTarget).name;
    if (edited.includes('deleted') && entity !== 'plan' && !rowExists(db, entity, id)) {
      const key = choiceKey(entity, id, 'deleted');
      out.push({ key, entity, id, title: (item as InterchangeTask).title ?? (item as InterchangeTarget).name, field: 'deleted', label: '删除',
        stored: '已删除', document: '文件中仍有此项', take: take.has(key) ? 'document' : 'keep' });
      return;
    }
    const says = documentValues(entity, item, taskId, alias);
    for (const field of edited) {
      if (!(field in says) || field === 'seq') continue;
      // A document that says nothing for a field does not contradict what the planner filled in.
      if (says[field] === '' || says[field] === '[]') continue;
      const stored = readDefinition(db, entity, id, field) ?? '';
      if (stored === says[field]) continue;
      const key = choiceKey(entity, id, field);
      out.push({ key, entity, id, title, field, label: `${NOUN[entity]}的${fieldLabel(field)}`, stored: definitionText(field, stored),
        document: definitionText(field, says[field]), take: take.has(key) ? 'document' : 'keep' });
    }
  };
  if (rows.planId && !doc.mergeInto) compare('plan', rows.planId, doc.plan);
  for (const [t, id] of rows.tasks) compare('task', id, t);
  for (const [g, id] of rows.targets) compare('target', id, g);
  return out;
}

export function reviewOf(db: DB, doc: PendingDoc): ImportReview {
  const rows = rowsFor(db, doc);
  const state = { task: rowStates(db, 'task', rows.tasks.values()), target: rowStates(db, 'target', rows.targets.values()) };
  const live = (entity: 'task' | 'target', id: string | undefined) => (id && state[entity].stored(id) ? id : null);
  const take = new Set(doc.take);
  const out = (entity: 'task' | 'target', id: string | undefined) =>
    !!id && !state[entity].stored(id) && state[entity].deleted(id) && !take.has(choiceKey(entity, id, 'deleted'));
  const items: ImportItem[] = [
    ...doc.plan.tasks.map((t) => itemOf(t.kind, `task:${t.id}`, t, undefined, live('task', rows.tasks.get(t)), out('task', rows.tasks.get(t)))),
    ...doc.plan.targets.map((g) => itemOf('target', `target:${g.id}`, undefined, g, live('target', rows.targets.get(g)), out('target', rows.targets.get(g)))),
    ...doc.ignored.map((x) => itemOf('ignore', `ignored:${x.n}`, x.task, x.target, null)),
  ];
  const headings: string[][] = [];
  const seen = new Set<string>();
  const addPath = (p: string[]) => { for (let i = 1; i <= p.length; i++) { const k = json(p.slice(0, i)); if (!seen.has(k)) { seen.add(k); headings.push(p.slice(0, i)); } } };
  for (const t of doc.plan.tasks) addPath(t.path ?? []);
  if (rows.planId) for (const r of planItems(db, 'task', rows.planId)) addPath(JSON.parse(r.path ?? '[]') as string[]);
  return {
    items, headings, unplaced: doc.plan.unplaced ?? [], conflicts: conflictsOf(db, doc, rows),
    mergeInto: doc.mergeInto ? { planId: doc.mergeInto, title: planTitle(db, doc.mergeInto) ?? doc.mergeInto } : null,
  };
}
