// The unit directory: every unit in use with its tasks and targets (as lead and as responsible), the rows that have no
// unit at all, the rows that name a unit, and the aliases (old names merged into another) the importer maps.
import type { DB } from '../connection';
import { stmt } from '../statements';
import { nowIso } from '../json';

export interface UnitUse { unit: string; tasks: number; targets: number; leadTasks: number; responsibleTasks: number }

export function unitUses(db: DB): UnitUse[] {
  return db.prepare(`SELECT unit,
      count(DISTINCT CASE WHEN entity = 'task' THEN entity_id END) AS tasks,
      count(DISTINCT CASE WHEN entity = 'target' THEN entity_id END) AS targets,
      count(DISTINCT CASE WHEN entity = 'task' AND role = 'lead' THEN entity_id END) AS leadTasks,
      count(DISTINCT CASE WHEN entity = 'task' AND role = 'responsible' THEN entity_id END) AS responsibleTasks
    FROM entity_units GROUP BY unit ORDER BY tasks + targets DESC, unit`).all() as UnitUse[];
}

/** How many tasks and targets have no unit at all (neither lead nor responsible). */
export function withoutUnit(db: DB): { tasks: number; targets: number } {
  return db.prepare(`SELECT
      (SELECT count(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM entity_units u WHERE u.entity = 'task' AND u.entity_id = t.id)) AS tasks,
      (SELECT count(*) FROM targets g WHERE NOT EXISTS (SELECT 1 FROM entity_units u WHERE u.entity = 'target' AND u.entity_id = g.id)) AS targets`)
    .get() as { tasks: number; targets: number };
}

/** The tasks and targets that name a unit (as lead or responsible), each once. */
export function rowsNaming(db: DB, unit: string): { entity: 'task' | 'target'; id: string }[] {
  return stmt(db, 'SELECT DISTINCT entity, entity_id AS id FROM entity_units WHERE unit = ? ORDER BY entity, entity_id').all(unit) as { entity: 'task' | 'target'; id: string }[];
}

export function unitInUse(db: DB, unit: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM entity_units WHERE unit = ? LIMIT 1').get(unit);
}

export function listAliases(db: DB): { alias: string; unit: string }[] {
  return db.prepare('SELECT alias, unit FROM unit_aliases ORDER BY unit, alias').all() as { alias: string; unit: string }[];
}

/** The unit an alias stands for, or null. */
export function readAlias(db: DB, alias: string): string | null {
  return (stmt(db, 'SELECT unit FROM unit_aliases WHERE alias = ?').get(alias) as { unit: string } | undefined)?.unit ?? null;
}

/** Sets (or, with null, removes) an alias. */
export function writeAlias(db: DB, alias: string, unit: string | null): void {
  if (unit == null) stmt(db, 'DELETE FROM unit_aliases WHERE alias = ?').run(alias);
  else stmt(db, `INSERT INTO unit_aliases (alias, unit, created_at) VALUES (?, ?, ?) ON CONFLICT (alias) DO UPDATE SET unit = excluded.unit`).run(alias, unit, nowIso());
}

/** The aliases that stand for a unit. */
export function aliasesOf(db: DB, unit: string): string[] {
  return stmt(db, 'SELECT alias FROM unit_aliases WHERE unit = ? ORDER BY alias').pluck().all(unit) as string[];
}
