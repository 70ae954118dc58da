// A workbook (or any document) merged into an existing plan the planner picked: its rows matched by name to the plan's
// tasks and targets, the values it gives written over them as the planner's corrections, the rows it adds appended;
// nothing of the plan is removed, and its own details stay. One undoable action.
import type { DB } from '../../db/connection';
import type { Changed } from '../../contract/model';
import { editedFields, readDefinition } from '../../db/repos/definitions';
import { planTitle } from '../../db/repos/plans';
import { checkDefinitions, writeDefinitions, inAction, parseCanonical, type DefEdit } from '../write/definitions';
import { prepareRow, insertRow, type PreparedRow } from '../write/rows';
import { choiceKey, aliasing } from './corrections';
import { documentValues, rowsFor, type PendingDoc } from './review';

/** The fields a merged file may set on rows it matches (what an indicator or 分工 table carries). */
const MERGED = {
  task: ['body', 'leadUnits', 'responsibleUnits', 'deadline', 'taskMilestones'],
  target: ['unit', 'category', 'attribute', 'baselineYear', 'baselineValue', 'milestones', 'responsibleUnits', 'judgeDirection', 'judgeKind'],
} as const;
const NEW = {
  task: ['title', 'code', 'body', 'kind', 'leadUnits', 'responsibleUnits', 'deadline', 'taskMilestones'],
  target: ['name', 'code', 'unit', 'category', 'attribute', 'baselineYear', 'baselineValue', 'milestones', 'responsibleUnits', 'judgeDirection', 'judgeKind'],
} as const;

const says = (v: string | undefined) => v != null && v !== '' && v !== '[]';

export function mergeIntoPlan(db: DB, doc: PendingDoc, client: string): { changed: Changed; added: number; updated: number; tasks: number; targets: number } {
  const planId = doc.mergeInto!;
  const rows = rowsFor(db, doc);
  const alias = aliasing(db);
  const take = new Set(doc.take);
  const edits: DefEdit[] = [];
  const touched = new Set<string>();
  const update = (entity: 'task' | 'target', id: string, values: Record<string, string>) => {
    const corrected = editedFields(db, entity, id);
    for (const field of MERGED[entity]) {
      const v = values[field];
      if (!says(v) || (corrected.includes(field) && !take.has(choiceKey(entity, id, field)))) continue;
      if (v === readDefinition(db, entity, id, field)) continue;
      edits.push({ entity, id, field, value: parseCanonical(field, v) });
      touched.add(`${entity}:${id}`);
    }
  };
  const news: PreparedRow[] = [];
  const add = (entity: 'task' | 'target', values: Record<string, string>, path?: string[]) => {
    const picked = Object.fromEntries(NEW[entity].filter((f) => says(values[f])).map((f) => [f, parseCanonical(f, values[f])]));
    news.push(prepareRow(db, entity, { planId, path, values: picked }, news.filter((n) => n.entity === entity).length));
  };
  for (const t of doc.plan.tasks) {
    const values = documentValues('task', t, () => '', alias);
    const id = rows.tasks.get(t);
    if (id) update('task', id, values); else add('task', values, t.path);
  }
  for (const g of doc.plan.targets) {
    const values = documentValues('target', { ...g, taskId: null }, () => '', alias);
    const id = rows.targets.get(g);
    if (id) update('target', id, values); else add('target', values);
  }
  const checked = checkDefinitions(db, edits);
  const label = `合并「${doc.file}」到「${(planTitle(db, planId) ?? '').slice(0, 30)}」`;
  const changed = inAction(db, { source: 'define', client }, label, (actionId, changes) => {
    writeDefinitions(db, actionId, changes, checked, true);
    for (const n of news) insertRow(db, actionId, changes, n);
  });
  return { changed, added: news.length, updated: touched.size, tasks: doc.plan.tasks.length, targets: doc.plan.targets.length };
}
