// Renaming and merging units across every task and target that names them, as one undoable action: the old name is
// kept as an alias (the next import maps it), aliases of the old name follow it, and each changed unit list is a cell.
import type { DB } from '../../db/connection';
import type { Changed } from '../../contract/model';
import { readDefinition, planOf } from '../../db/repos/definitions';
import { rowsNaming, unitInUse, readAlias, aliasesOf } from '../../db/repos/units';
import { inAction, putCell, type DefineOptions } from './definitions';
import { normalizeUnitName } from './define-values';
import { AppError, invalid } from '../common/errors';

function named(v: string, what: string): string {
  try {
    return normalizeUnitName(v);
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, `${what}:${e.message}。未做任何修改。`);
    throw e;
  }
}

/** Moves every use of the `from` units to `into`; `rename` refuses when `into` is already a unit (merge it instead). */
export function mergeUnits(db: DB, fromNames: string[], intoName: string, mode: 'rename' | 'merge', opts: DefineOptions): Changed {
  const into = named(intoName, mode === 'rename' ? '新名称' : '合并后的单位');
  const from = [...new Set(fromNames.map((f) => named(f, '原单位')))].filter((f) => f !== into);
  if (!from.length) throw invalid('原单位与新名称相同,未做任何修改。');
  for (const f of from) if (!unitInUse(db, f)) throw invalid(`找不到单位「${f}」(没有任务或指标写到它)。未做任何修改。`);
  if (mode === 'rename' && unitInUse(db, into)) throw invalid(`已有单位「${into}」,要把「${from[0]}」并入它,请用“合并”。未做任何修改。`);
  const label = mode === 'rename' ? `重命名单位「${from[0]}」为「${into}」` : `合并单位${from.map((f) => `「${f}」`).join('')}到「${into}」`;
  return inAction(db, opts, label, (actionId, changes) => {
    for (const f of from) {
      for (const r of rowsNaming(db, f)) {
        const planId = planOf(db, r.entity, r.id);
        for (const field of r.entity === 'task' ? ['leadUnits', 'responsibleUnits'] : ['responsibleUnits']) {
          const list = JSON.parse(readDefinition(db, r.entity, r.id, field) ?? '[]') as string[];
          if (!list.includes(f)) continue;
          const next = [...new Set(list.map((u) => (u === f ? into : u)))];
          if (putCell(db, actionId, r.entity, r.id, field, JSON.stringify(next), false)) changes.add(r.entity, r.id, planId);
        }
      }
      for (const a of aliasesOf(db, f)) if (putCell(db, actionId, 'unit', a, 'alias', into, false)) changes.add('unit', a);
      if (putCell(db, actionId, 'unit', f, 'alias', into, false)) changes.add('unit', f);
    }
    // The new name is a unit of its own now, no longer an alias of another.
    if (readAlias(db, into) != null && putCell(db, actionId, 'unit', into, 'alias', null, false)) changes.add('unit', into);
  });
}

/** Drops an alias: the next import keeps the old name as it is written. */
export function removeAlias(db: DB, alias: string, opts: DefineOptions): Changed {
  if (readAlias(db, alias) == null) throw invalid(`「${alias.slice(0, 40)}」不是曾用名。未做任何修改。`);
  return inAction(db, opts, `删除曾用名「${alias.slice(0, 30)}」`, (actionId, changes) => {
    if (putCell(db, actionId, 'unit', alias, 'alias', null, false)) changes.add('unit', alias);
  });
}
