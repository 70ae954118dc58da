// The search index: text is stored as overlapping character pairs, so a two-character Chinese word is one token.
import type { DB } from '../connection';
import { changeKey } from '../change-key';
import { TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT } from '../migrations/search-rebuild';

const RUN = /[\p{L}\p{N}]+/gu;

/** For each UTF-16 unit of the basic plane: 1 when it is a letter or digit (what RUN matches), built on first use. */
let WORD_UNIT: Uint8Array | null = null;
function wordUnits(): Uint8Array {
  if (WORD_UNIT) return WORD_UNIT;
  const t = new Uint8Array(0x10000);
  const one = /^[\p{L}\p{N}]$/u;
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && one.test(String.fromCharCode(c))) t[c] = 1;
  return (WORD_UNIT = t);
}
const ASTRAL_WORD = /^[\p{L}\p{N}]$/u;

/**
 * "发展氢能产业" → "发展 展氢 氢能 能产 产业"; single characters stay as they are. The same as splitting the lowered text
 * into RUN matches, in one pass over its code points (the index of a whole document is built with it).
 */
export function grams(text: string): string {
  const table = wordUnits();
  const s = text.toLowerCase();
  const out: string[] = [];
  let prev = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let ch: string;
    let word: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      ch = s.slice(i, i + 2);
      i++;
      word = ASTRAL_WORD.test(ch);
    } else {
      ch = s[i]!;
      word = table[c] === 1;
    }
    if (word) {
      if (run) out.push(prev + ch);
      prev = ch;
      run++;
    } else if (run) {
      if (run === 1) out.push(prev);
      out.push('|');
      run = 0;
    }
  }
  if (run === 1) out.push(prev);
  if (run) out.push('|');
  return out.join(' ');
}

/**
 * Turns what the planner typed into an FTS5 query: every word must appear; a word is matched as the phrase of its pairs.
 * Returns null when nothing searchable remains (only punctuation), or when a word is a single character,
 * which the caller matches with LIKE instead.
 */
export function ftsQuery(input: string): { match: string | null; single: string[] } {
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
  return { match: phrases.length ? phrases.join(' AND ') : null, single };
}

/**
 * Returns a function that (re)indexes one task or target from its stored row: the text is the one SQL expression the
 * rebuild uses too (TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT). Its search_docs row gives the index rowid, and the
 * contentless index drops the old postings by that rowid.
 */
export function indexer(db: DB): (entity: 'task' | 'target', id: string) => void {
  const doc = db.prepare('INSERT INTO search_docs (entity, entity_id) VALUES (?, ?) ON CONFLICT (entity, entity_id) DO UPDATE SET entity = excluded.entity RETURNING id');
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

/** Removes the index rows of the given tasks and targets (by their search_docs rows). */
export function unindexIds(db: DB, ids: string[]): void {
  const list = JSON.stringify(ids);
  db.prepare('DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_docs WHERE entity_id IN (SELECT value FROM json_each(?)))').run(list);
  db.prepare('DELETE FROM search_docs WHERE entity_id IN (SELECT value FROM json_each(?))').run(list);
}

/** Removes every index row of a plan's tasks and targets. */
export function unindexPlan(db: DB, planId: string): void {
  const ids = db.prepare(`SELECT id FROM tasks WHERE plan_id = ? UNION ALL SELECT id FROM targets WHERE plan_id = ?`).pluck().all(planId, planId) as string[];
  unindexIds(db, ids);
}

/**
 * The rows a full-text query matches, kept in a temporary keyed table of this connection. A grid asks for a search page
 * by page, each with its total, so the table serves them all until the database changes (data_version tells of other
 * connections' writes, total_changes() of this one's; the key is read after the table is filled, so filling it does not
 * count as a change).
 */
const MANY_HITS = 5000;
interface HitCache { key: string; tables: Map<string, { table: string; count: number }>; next: number }
const hitCache = new WeakMap<DB, HitCache>();

function hitsTable(db: DB, entity: 'task' | 'target', match: string): { table: string; count: number } {
  let cache = hitCache.get(db);
  if (!cache || cache.key !== changeKey(db)) {
    for (const t of cache?.tables.values() ?? []) db.exec(`DROP TABLE IF EXISTS temp."${t.table}"`);
    hitCache.set(db, (cache = { key: '', tables: new Map(), next: cache?.next ?? 1 }));
  }
  const k = `${entity}\u0000${match}`;
  let hit = cache.tables.get(k);
  if (hit === undefined) {
    if (cache.tables.size >= 20) {
      const [oldKey, old] = cache.tables.entries().next().value!;
      db.exec(`DROP TABLE IF EXISTS temp."${old.table}"`);
      cache.tables.delete(oldKey);
    }
    const table = `search_hits_${cache.next++}`;
    db.exec(`CREATE TEMP TABLE "${table}" (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    const count = db.prepare(`INSERT OR IGNORE INTO temp."${table}" (id) SELECT d.entity_id FROM search_index s JOIN search_docs d ON d.id = s.rowid
      WHERE search_index MATCH ? AND d.entity = ?`).run(match, entity).changes;
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

/** SQL condition (and its parameters) that keeps rows of `entity` whose text matches the search. */
export function searchCondition(db: DB, entity: 'task' | 'target', idColumn: string, textColumns: string[], input: string): { sql: string; params: unknown[] } | null {
  const { match, single } = ftsQuery(input);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (match) {
    // Few hits: look them up. Many: the unary + keeps the planner walking rows in display order and checking
    // membership, so a page stops as soon as it is full instead of sorting every hit.
    const hits = hitsTable(db, entity, `grams : (${match})`);
    parts.push(`${hits.count > MANY_HITS ? '+' : ''}${idColumn} IN (SELECT id FROM temp."${hits.table}")`);
  }
  for (const ch of single) {
    parts.push('(' + textColumns.map((c) => `instr(${c}, ?) > 0`).join(' OR ') + ')');
    for (let i = 0; i < textColumns.length; i++) params.push(ch);
  }
  if (!parts.length) return null;
  return { sql: parts.join(' AND '), params };
}

const PENDING = 'search_pending';

/** Marks plans whose rows were written without their index (in the same transaction as the rows). */
export function markIndexPending(db: DB, planIds: string[]): void {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(PENDING) as { value: string } | undefined;
  const ids = [...new Set([...(row ? (JSON.parse(row.value) as string[]) : []), ...planIds])];
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(PENDING, JSON.stringify(ids));
}

/**
 * Indexes the tasks and targets of the plans marked pending, in one transaction that also clears the mark: right after
 * an import's commit, before a search, and on open after a crash. Returns the number of rows indexed.
 */
export function catchUpIndex(db: DB): number {
  if (db.readonly || !db.open) return 0;
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(PENDING) as { value: string } | undefined;
  if (!row) return 0;
  const ids = JSON.stringify(JSON.parse(row.value) as string[]);
  return db.transaction(() => {
    const docs = `SELECT id FROM search_docs WHERE entity_id IN (SELECT id FROM tasks WHERE plan_id IN (SELECT value FROM json_each(@ids))
      UNION ALL SELECT id FROM targets WHERE plan_id IN (SELECT value FROM json_each(@ids)))`;
    db.prepare(`DELETE FROM search_index WHERE rowid IN (${docs})`).run({ ids });
    db.prepare(`INSERT OR IGNORE INTO search_docs (entity, entity_id) SELECT 'task', id FROM tasks WHERE plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY rowid`).run({ ids });
    db.prepare(`INSERT OR IGNORE INTO search_docs (entity, entity_id) SELECT 'target', id FROM targets WHERE plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY rowid`).run({ ids });
    // In rowid order: the full-text index writes a run of rising rowids in one go, but flushes what it holds each time a
    // rowid comes lower than the one before (rows in id order made that nearly every row, a small segment each).
    let n = db.prepare(`INSERT INTO search_index (rowid, grams) SELECT d.id, plan_review_grams(${TASK_SEARCH_TEXT}) FROM tasks t
      JOIN search_docs d ON d.entity = 'task' AND d.entity_id = t.id WHERE t.plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY d.id`).run({ ids }).changes;
    n += db.prepare(`INSERT INTO search_index (rowid, grams) SELECT d.id, plan_review_grams(${TARGET_SEARCH_TEXT}) FROM targets g
      JOIN search_docs d ON d.entity = 'target' AND d.entity_id = g.id WHERE g.plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY d.id`).run({ ids }).changes;
    db.prepare('DELETE FROM settings WHERE key = ?').run(PENDING);
    return n;
  })();
}
