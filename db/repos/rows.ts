// Small questions about tasks and targets by id that every write path asks: which ids are unknown, a row's name.
import type { DB } from '../connection';
import { stmt } from '../statements';

const TABLE = { task: 'tasks', target: 'targets' } as const;

/** The ids among those given that name no task (or target). */
export function missingIds(db: DB, entity: 'task' | 'target', ids: string[]): string[] {
  const unique = [...new Set(ids)];
  const found = new Set(db.prepare(`SELECT id FROM ${TABLE[entity]} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(unique)) as string[]);
  return unique.filter((id) => !found.has(id));
}

/** A task's title or a target's name, as the planner knows it (the id when the row is gone). */
export function rowName(db: DB, entity: 'task' | 'target', id: string): string {
  const r = stmt(db, entity === 'task' ? 'SELECT title AS t FROM tasks WHERE id = ?' : 'SELECT name AS t FROM targets WHERE id = ?').get(id) as { t: string } | undefined;
  return r?.t ?? id;
}
