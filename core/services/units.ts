// The unit directory: every unit in use with its tasks and targets, the old names merged into it, the vague ones
// (各区县政府, 有关部门) marked to be grouped, and 未明确责任单位 for the rows without any; renaming and merging units.
import type { Handlers } from '../dispatch';
import type { DB } from '../../db/connection';
import type { UnitEntry } from '../../contract/define';
import { NO_UNIT } from '../../contract/model';
import { unitUses, withoutUnit, listAliases } from '../../db/repos/units';
import { mergeUnits, removeAlias } from '../write/units';

/** Names that stand for a group of units, not one: 各区县政府, 有关部门, 各县市区, 相关单位, 市直各部门… */
export const VAGUE_UNIT = /^(各|有关|相关|其他|其它|所属|全市|全区|全县)|各(区|县|市|镇|乡|街道|部门|单位|级)|(有关|相关)(部门|单位|方面)|等(单位|部门)?$|^(区县|县市区|县区|区市县)(政府)?$/;

export function unitDirectory(db: DB): UnitEntry[] {
  const aliases = new Map<string, string[]>();
  for (const a of listAliases(db)) aliases.set(a.unit, [...(aliases.get(a.unit) ?? []), a.alias]);
  const out: UnitEntry[] = unitUses(db).map((u) => ({ ...u, vague: VAGUE_UNIT.test(u.unit), virtual: false, aliases: aliases.get(u.unit) ?? [] }));
  const none = withoutUnit(db);
  if (none.tasks || none.targets) out.push({ unit: NO_UNIT, tasks: none.tasks, targets: none.targets, leadTasks: 0, responsibleTasks: 0, vague: false, virtual: true, aliases: [] });
  return out;
}

export const unitHandlers: Pick<Handlers, 'units.directory' | 'units.rename' | 'units.merge' | 'units.removeAlias'> = {
  'units.directory': (ctx) => unitDirectory(ctx.db),
  'units.rename': (ctx, { from, to }) => ({ changed: mergeUnits(ctx.db, [from], to, 'rename', { source: 'unit', client: ctx.client }) }),
  'units.merge': (ctx, { from, into }) => ({ changed: mergeUnits(ctx.db, from, into, 'merge', { source: 'unit', client: ctx.client }) }),
  'units.removeAlias': (ctx, { alias }) => ({ changed: removeAlias(ctx.db, alias, { source: 'unit', client: ctx.client }) }),
};
