// Searching: the rows a search matches, found from the index rowids alone (row, kind and round are read off each
// rowid, see indexRowid), kept in a temporary table per search until the database changes, and the SQL condition the
// task and target queries filter with.
import type { DB } from '../connection';
import { changeKey } from '../change-key';
import { ftsQuery } from './search';
import { catchUpIndex, indexPending } from './search-pending';
import { TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT, TASK_EVAL_SEARCH_TEXT, TARGET_EVAL_SEARCH_TEXT, ROWID_DOC, ROWID_TARGET, ROWID_ROUND } from '../migrations/search-rebuild';

/**
 * The search_docs ids a full-text query matches, kept in a temporary keyed table of this connection. A grid asks for a
 * search page by page, each with its total, so the table serves them all until the database changes (data_version
 * tells of other connections' writes, total_changes() of this one's; the key is read after the table is filled, so
 * filling it does not count as a change). A row matches when each phrase is in its definition or in its evaluation
 * texts of the round; no join is needed to tell, so a word of 90 000 hits fills its table quickly.
 */
const MANY_HITS = 5000;
interface Hits { table: string; count: number }
interface HitCache { key: string; tables: Map<string, Hits>; next: number }
const hitCache = new WeakMap<DB, HitCache>();

function hitsTable(db: DB, entity: 'task' | 'target', roundId: number, phrases: string[]): Hits {
  let cache = hitCache.get(db);
  if (!cache || cache.key !== changeKey(db)) {
    for (const t of cache?.tables.values() ?? []) db.exec(`DROP TABLE IF EXISTS temp."${t.table}"`);
    hitCache.set(db, (cache = { key: '', tables: new Map(), next: cache?.next ?? 1 }));
  }
  const k = `${entity}\u0000${roundId}\u0000${phrases.join(' ')}`;
  let hit = cache.tables.get(k);
  if (hit === undefined) {
    if (cache.tables.size >= 20) {
      const [oldKey, old] = cache.tables.entries().next().value!;
      db.exec(`DROP TABLE IF EXISTS temp."${old.table}"`);
      cache.tables.delete(oldKey);
    }
    const table = `search_hits_${cache.next++}`;
    db.exec(`CREATE TEMP TABLE "${table}" (doc INTEGER PRIMARY KEY)`);
    const one = `SELECT ${ROWID_DOC} FROM search_index WHERE search_index MATCH ? AND ${ROWID_TARGET} = ? AND ${ROWID_ROUND} IN (0, ?)`;
    const params = phrases.flatMap((p) => [`grams : ${p}`, entity === 'target' ? 1 : 0, roundId]);
    const count = db.prepare(`INSERT OR IGNORE INTO temp."${table}" (doc) ${phrases.map(() => one).join(' INTERSECT ')}`).run(...params).changes;
    cache.tables.set(k, (hit = { table, count }));
  }
  cache.key = changeKey(db);
  return hit;
}

/** Where a single character is looked for: the definition's text and the evaluation texts of the round. */
const SINGLE = {
  task: { def: TASK_SEARCH_TEXT, evals: `SELECT 1 FROM task_evals e WHERE e.task_id = t.id AND e.round_id = ? AND instr(lower(${TASK_EVAL_SEARCH_TEXT}), ?) > 0` },
  target: { def: TARGET_SEARCH_TEXT, evals: `SELECT 1 FROM target_evals e WHERE e.target_id = g.id AND e.round_id = ? AND instr(lower(${TARGET_EVAL_SEARCH_TEXT}), ?) > 0` },
};

export interface SearchCondition {
  sql: string; params: unknown[];
  /** How many rows the words match, when that is the whole condition (no single characters): a count needs no query. */
  hits: number | null;
}

/**
 * SQL condition (and its parameters) that keeps rows of `entity` (its table under the alias the search texts use: t for
 * tasks, g for targets) whose text matches the search; with a round, its evaluation texts in that round count too.
 */
export function searchCondition(db: DB, entity: 'task' | 'target', input: string, roundId = 0): SearchCondition | null {
  // Rows imported a moment ago may still be waiting for their index: a search sees every row.
  if (indexPending(db)) catchUpIndex(db);
  const { phrases, single } = ftsQuery(input);
  const id = entity === 'task' ? 't.id' : 'g.id';
  const parts: string[] = [];
  const params: unknown[] = [];
  let hits: number | null = null;
  if (phrases.length) {
    const h = hitsTable(db, entity, roundId, phrases);
    hits = h.count;
    // Many hits: each row, walked in display order, is looked up in the hits, so a page stops as soon as it is full.
    // Few: the hits drive, each found by its id.
    parts.push(h.count > MANY_HITS
      ? `EXISTS (SELECT 1 FROM search_docs d JOIN temp."${h.table}" h ON h.doc = d.id WHERE d.entity = '${entity}' AND d.entity_id = ${id})`
      : `${id} IN (SELECT d.entity_id FROM temp."${h.table}" h JOIN search_docs d ON d.id = h.doc)`);
  }
  for (const ch of single) {
    parts.push(`(instr(lower(${SINGLE[entity].def}), ?) > 0 OR EXISTS (${SINGLE[entity].evals}))`);
    params.push(ch, roundId, ch);
  }
  if (!parts.length) return null;
  return { sql: parts.join(' AND '), params, hits: single.length ? null : hits };
}
