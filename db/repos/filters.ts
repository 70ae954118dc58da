// Builds the WHERE clause shared by the task and target queries: plan, chapter, unit, text search, ids, changed since.
import { searchCondition } from './search-hits';
import type { DB } from '../connection';
import { NO_UNIT } from '../../contract/model';

export interface CommonFilters {
  /** The round whose evaluation texts the search looks in too. */
  roundId?: number;
  planIds?: string[]; chapter?: string[]; unit?: string; search?: string; changedSince?: string; ids?: string[];
}

export interface Where {
  clauses: string[]; params: unknown[];
  /** How many rows the search alone matches, when it is known without a query. */
  searchHits?: number | null;
}

/** `alias` is the table alias of tasks or targets; `entity` names it in entity_units, history and the search index. */
export function commonWhere(db: DB, entity: 'task' | 'target', alias: string, f: CommonFilters): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let searchHits: number | null = null;
  if (f.planIds?.length) {
    clauses.push(`${alias}.plan_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(f.planIds));
  }
  if (f.ids) {
    clauses.push(`${alias}.id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(f.ids));
  }
  if (f.chapter?.length && entity === 'task') {
    const prefix = f.chapter.join(' / ');
    clauses.push(`(${alias}.chapter = ? OR substr(${alias}.chapter, 1, ?) = ?)`);
    params.push(prefix, prefix.length + 3, prefix + ' / ');
  }
  if (f.unit) {
    const u = unitCondition(entity, `${alias}.id`, f.unit);
    clauses.push(u.sql);
    params.push(...u.params);
  }
  if (f.search?.trim()) {
    const s = searchCondition(db, entity, f.search.trim(), f.roundId);
    if (s) {
      clauses.push(s.sql);
      params.push(...s.params);
      if (clauses.length === 1) searchHits = s.hits;
    }
  }
  if (f.changedSince) {
    clauses.push(`${alias}.id IN (SELECT h.entity_id FROM history h JOIN actions a ON a.id = h.action_id WHERE h.entity = ? AND a.at >= ?)`);
    params.push(entity, f.changedSince);
  }
  return { clauses, params, searchHits: clauses.length === 1 ? searchHits : null };
}

export const whereSql = (w: Where): string => (w.clauses.length ? 'WHERE ' + w.clauses.join(' AND ') : '');

/** Rows that name a unit (lead or responsible); for 未明确责任单位, the rows that name none. */
export function unitCondition(entity: 'task' | 'target', idColumn: string, unit: string): { sql: string; params: unknown[] } {
  if (unit === NO_UNIT) return { sql: `NOT EXISTS (SELECT 1 FROM entity_units nu WHERE nu.entity = ? AND nu.entity_id = ${idColumn})`, params: [entity] };
  return { sql: `${idColumn} IN (SELECT entity_id FROM entity_units WHERE entity = ? AND unit = ?)`, params: [entity, unit] };
}
