// The search index: text is stored as overlapping character pairs, so a two-character Chinese word is one token. Each
// task and target has one row for its definition (round 0) and one per round for its evaluation texts.
import type { DB } from '../connection';
import { changeKey } from '../change-key';
import { stmt } from '../statements';
import {
  TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT, TASK_EVAL_SEARCH_TEXT, TARGET_EVAL_SEARCH_TEXT, indexEvalsSql,
} from '../migrations/search-rebuild';

const RUN = /[\p{L}\p{N}]+/gu;

/** "发展氢能产业" → "发展 展氢 氢能 能产 产业"; single characters stay as they are. */
export function grams(text: string): string {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(RUN)) {
    const chars = Array.from(m[0]);
    if (chars.length === 1) out.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    out.push('|');
  }
  return out.join(' ');
}

/**
 * Turns what the planner typed into FTS5 phrases: every word must appear; a word is matched as the phrase of its pairs.
 * `match` is null when nothing searchable remains (only punctuation), or when every word is a single character,
 * which the caller matches with instr() instead.
 */
export function ftsQuery(input: string): { match: string | null; phrases: string[]; single: string[] } {
  const phrases: string[] = [];
  const single: string[] = [];
  for (const word of input.split(/\s+/).filter(Boolean)) {
    for (const m of word.toLowerCase().matchAll(RUN)) {
      const chars = Array.from(m[0]);
      if (chars.length === 1) { single.push(chars[0]); continue; }
      const pairs: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
      phrases.push('"' + pairs.join(' ').replace(/"/g, '""') + '"');
    }
  }
  return { match: phrases.length ? phrases.join(' AND ') : null, phrases, single };
}

/**
 * Returns a function that (re)indexes one task or target from its stored row: the text is the one SQL expression the
 * rebuild uses too (TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT). Its search_docs row (round 0: the definition) gives the index
 * rowid, and the contentless index drops the old postings by that rowid.
 */
export function indexer(db: DB): (entity: 'task' | 'target', id: string) => void {
  const doc = db.prepare(`INSERT INTO search_docs (entity, entity_id, round_id) VALUES (?, ?, 0)
    ON CONFLICT (entity, entity_id, round_id) DO UPDATE SET entity = excluded.entity RETURNING id`);
  const del = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  const ins = {
    task: db.prepare(`INSERT INTO search_index (rowid, grams) SELECT ?, plan_review_grams(${TASK_SEARCH_TEXT}) FROM tasks t WHERE t.id = ?`),
    target: db.prepare(`INSERT INTO search_index (rowid, grams) SELECT ?, plan_review_grams(${TARGET_SEARCH_TEXT}) FROM targets g WHERE g.id = ?`),
  };
  return (entity, id) => {
    const rowid = (doc.get(entity, id) as { id: number }).id;
    del.run(rowid);
    ins[entity].run(rowid, id);
  };
}

const EVAL_TEXT = {
  task: `SELECT ${TASK_EVAL_SEARCH_TEXT} AS text FROM task_evals e WHERE e.round_id = ? AND e.task_id = ?`,
  target: `SELECT ${TARGET_EVAL_SEARCH_TEXT} AS text FROM target_evals e WHERE e.round_id = ? AND e.target_id = ?`,
};

/**
 * (Re)indexes the evaluation texts of one task or target in one round (TASK_EVAL_SEARCH_TEXT, TARGET_EVAL_SEARCH_TEXT),
 * after a write of one of them; a row whose texts are all empty has no index row.
 */
export function indexEval(db: DB, entity: 'task' | 'target', id: string, roundId: number): void {
  const doc = stmt(db, 'SELECT id FROM search_docs WHERE entity = ? AND entity_id = ? AND round_id = ?').get(entity, id, roundId) as { id: number } | undefined;
  if (doc) stmt(db, 'DELETE FROM search_index WHERE rowid = ?').run(doc.id);
  const text = (stmt(db, EVAL_TEXT[entity]).get(roundId, id) as { text: string | null } | undefined)?.text ?? '';
  if (!text.trim()) {
    if (doc) stmt(db, 'DELETE FROM search_docs WHERE id = ?').run(doc.id);
    return;
  }
  const rowid = doc?.id ?? Number(stmt(db, 'INSERT INTO search_docs (entity, entity_id, round_id) VALUES (?, ?, ?)').run(entity, id, roundId).lastInsertRowid);
  stmt(db, 'INSERT INTO search_index (rowid, grams) VALUES (?, plan_review_grams(?))').run(rowid, text);
}

/** Indexes every evaluation text of a round at once (a round copied from another, a generated city). */
export function indexRoundEvals(db: DB, roundId: number): void {
  db.exec(indexEvalsSql(`e.round_id = ${Math.trunc(roundId)}`));
}

/** Removes the index rows of a round's evaluation texts (the round is being deleted). */
export function unindexRound(db: DB, roundId: number): void {
  db.prepare('DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_docs WHERE round_id = ?)').run(roundId);
  db.prepare('DELETE FROM search_docs WHERE round_id = ?').run(roundId);
}

/** Removes every index row (definitions and evaluations) of the given tasks and targets. */
export function unindexIds(db: DB, ids: string[]): void {
  const list = JSON.stringify(ids);
  db.prepare('DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_docs WHERE entity_id IN (SELECT value FROM json_each(?)))').run(list);
  db.prepare('DELETE FROM search_docs WHERE entity_id IN (SELECT value FROM json_each(?))').run(list);
}

/** Removes the definition rows of a plan's tasks and targets (a re-import indexes them again; evaluations stay). */
export function unindexPlan(db: DB, planId: string): void {
  const ids = JSON.stringify(db.prepare(`SELECT id FROM tasks WHERE plan_id = ? UNION ALL SELECT id FROM targets WHERE plan_id = ?`).pluck().all(planId, planId));
  const docs = `SELECT id FROM search_docs WHERE round_id = 0 AND entity_id IN (SELECT value FROM json_each(?))`;
  db.prepare(`DELETE FROM search_index WHERE rowid IN (${docs})`).run(ids);
  db.prepare(`DELETE FROM search_docs WHERE id IN (${docs})`).run(ids);
}

/**
 * The rows a full-text query matches, kept in a temporary keyed table of this connection. A grid asks for a search page
 * by page, each with its total, so the table serves them all until the database changes (data_version tells of other
 * connections' writes, total_changes() of this one's; the key is read after the table is filled, so filling it does not
 * count as a change). A row matches when each phrase is in its definition or in its evaluation texts of the round.
 */
const MANY_HITS = 5000;
interface HitCache { key: string; tables: Map<string, { table: string; count: number }>; next: number }
const hitCache = new WeakMap<DB, HitCache>();

function hitsTable(db: DB, entity: 'task' | 'target', roundId: number, phrases: string[]): { table: string; count: number } {
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
    db.exec(`CREATE TEMP TABLE "${table}" (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    const one = `SELECT d.entity_id FROM search_index s JOIN search_docs d ON d.id = s.rowid
      WHERE search_index MATCH ? AND d.entity = ? AND d.round_id IN (0, ?)`;
    const params = phrases.flatMap((p) => [`grams : ${p}`, entity, roundId]);
    const count = db.prepare(`INSERT OR IGNORE INTO temp."${table}" (id) ${phrases.map(() => one).join(' INTERSECT ')}`).run(...params).changes;
    cache.tables.set(k, (hit = { table, count }));
  }
  cache.key = changeKey(db);
  return hit;
}

/**
 * The same WHERE text for counting: there the search hits should drive the query (a rare word counts in a few
 * lookups), so the unary + that keeps pages in display order is taken off.
 */
export const forCount = (sql: string): string => sql.replace(/\+(\w+\.id IN \(SELECT id FROM temp\.)/g, '$1');

/** Where a single character is looked for: the definition's text and the evaluation texts of the round. */
const SINGLE = {
  task: { def: TASK_SEARCH_TEXT, evals: (id: string) => `SELECT 1 FROM task_evals e WHERE e.task_id = ${id} AND e.round_id = ? AND instr(lower(${TASK_EVAL_SEARCH_TEXT}), ?) > 0` },
  target: { def: TARGET_SEARCH_TEXT, evals: (id: string) => `SELECT 1 FROM target_evals e WHERE e.target_id = ${id} AND e.round_id = ? AND instr(lower(${TARGET_EVAL_SEARCH_TEXT}), ?) > 0` },
};

/**
 * SQL condition (and its parameters) that keeps rows of `entity` (its table under the alias the search texts use: t for
 * tasks, g for targets) whose text matches the search; with a round, its evaluation texts in that round count too.
 */
export function searchCondition(db: DB, entity: 'task' | 'target', input: string, roundId = 0): { sql: string; params: unknown[] } | null {
  const { phrases, single } = ftsQuery(input);
  const idColumn = entity === 'task' ? 't.id' : 'g.id';
  const parts: string[] = [];
  const params: unknown[] = [];
  if (phrases.length) {
    // Few hits: look them up. Many: the unary + keeps the planner walking rows in display order and checking
    // membership, so a page stops as soon as it is full instead of sorting every hit.
    const hits = hitsTable(db, entity, roundId, phrases);
    parts.push(`${hits.count > MANY_HITS ? '+' : ''}${idColumn} IN (SELECT id FROM temp."${hits.table}")`);
  }
  for (const ch of single) {
    parts.push(`(instr(lower(${SINGLE[entity].def}), ?) > 0 OR EXISTS (${SINGLE[entity].evals(idColumn)}))`);
    params.push(ch, roundId, ch);
  }
  if (!parts.length) return null;
  return { sql: parts.join(' AND '), params };
}
