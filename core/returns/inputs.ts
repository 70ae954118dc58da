// Every unit's own input for a task or target side by side with the value in force, and the tasks more than one unit
// answered for: what the planner composes the final 进展情况 from (take one unit's text, or merge several).
import type { DB } from '../../db/connection';
import type { RowInputs, SharedRow, UnitInputView } from '../../contract/returns';
import { notFound } from '../common/errors';
import { readField, type Entity } from '../write/edits';
import { asText } from '../../db/repos/history';
import { rowHeaders } from '../../db/repos/returns';
import { rowInputs, sharedRows, getReceived, type RowInput } from '../../db/repos/returns-received';
import { comparable } from './diff';

/** The fields a unit fills in, per entity, in the order of its workbook. */
export const INPUT_FIELDS: Record<Entity, string[]> = {
  task: ['status', 'progress', 'evidence', 'problems', 'nextSteps', 'note'],
  target: ['actual', 'dataSource', 'note'],
};
/** The text fields a planner may merge from several units. */
export const MERGEABLE = ['evidence', 'problems', 'nextSteps', 'note'];

export function rowInputsView(db: DB, roundId: number, entity: Entity, id: string): RowInputs {
  const head = rowHeaders(db, entity, [id]).get(id);
  if (!head) throw notFound(entity === 'task' ? '任务' : '指标', id);
  const fields = INPUT_FIELDS[entity];
  const current = Object.fromEntries(fields.map((f) => [f, asText(readField(db, entity, roundId, id, f))]));
  const byUnit = new Map<string, RowInput[]>();
  for (const i of rowInputs(db, roundId, entity, id)) byUnit.set(i.unit, [...(byUnit.get(i.unit) ?? []), i]);
  const names = [...new Set([...head.leadUnits, ...head.responsibleUnits, ...byUnit.keys()])];
  const units: UnitInputView[] = names.map((unit) => {
    const mine = byUnit.get(unit) ?? [];
    const rec = mine.length ? getReceived(db, mine[0].receivedId) : null;
    return {
      unit, role: entity === 'target' || head.leadUnits.includes(unit) || !head.leadUnits.length ? 'lead' : 'responsible',
      receivedId: rec?.id ?? null, receivedAt: rec?.receivedAt ?? null, file: rec?.file ?? null, filler: rec?.filler ?? '', filledOn: rec?.filledOn ?? '',
      values: Object.fromEntries(mine.filter((i) => !i.problem).map((i) => [i.field, i.value])),
      problems: Object.fromEntries(mine.filter((i) => i.problem).map((i) => [i.field, i.problem!])),
    };
  });
  return { entity, id, title: head.title, planTitle: head.planTitle, leadUnits: head.leadUnits, responsibleUnits: head.responsibleUnits, current, fields, units };
}

/** The tasks of a round that more than one unit sent inputs for; whether those differ, and whose text is in force. */
export function sharedTasks(db: DB, roundId: number): SharedRow[] {
  const shared = sharedRows(db, roundId, 'task');
  const heads = rowHeaders(db, 'task', shared.map((s) => s.id));
  return shared.flatMap((s) => {
    const head = heads.get(s.id);
    if (!head) return [];
    const inputs = rowInputs(db, roundId, 'task', s.id).filter((i) => !i.problem);
    const evidence = inputs.filter((i) => i.field === 'evidence');
    const differs = MERGEABLE.some((f) => new Set(inputs.filter((i) => i.field === f).map((i) => comparable(f, i.value))).size > 1)
      || MERGEABLE.some((f) => { const n = inputs.filter((i) => i.field === f).length; return n > 0 && n < s.units.length; });
    const now = comparable('evidence', readField(db, 'task', roundId, s.id, 'evidence'));
    const taken = evidence.filter((i) => comparable('evidence', i.value) === now).map((i) => i.unit);
    const order = (u: string) => (head.leadUnits.includes(u) ? 0 : 1);
    return [{
      id: s.id, title: head.title, planTitle: head.planTitle, units: [...s.units].sort((a, b) => order(a) - order(b)), fields: s.fields, differs,
      takenFrom: taken.length === 1 ? taken[0] : taken.length > 1 ? taken.join('、') : null,
    }];
  });
}
