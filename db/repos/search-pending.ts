// Plans whose rows were written without their search index, and the catch-up that indexes them: all at once (on open,
// before a search, before a row is indexed on its own) or a slice per transaction (after an import, between requests).
import type { DB } from '../connection';
import { stmt } from '../statements';
import { TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT, indexRowid } from '../migrations/search-rebuild';

const KEY = 'search_pending';

/** The plans marked, and the search_docs id from which their rows still lack an index row (null: not begun). */
interface Pending { plans: string[]; next: number | null }

function read(db: DB): Pending | null {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  const v = JSON.parse(row.value) as string[] | Pending;
  // A database left by an older version holds the list of plans alone.
  return Array.isArray(v) ? { plans: v, next: null } : v;
}

function write(db: DB, p: Pending | null): void {
  if (!p) stmt(db, 'DELETE FROM settings WHERE key = ?').run(KEY);
  else stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(p));
}

/**
 * Marks plans whose rows were written without their index (in the same transaction as the rows). A catch-up under way
 * starts again from the beginning, so rows it indexed before this write are indexed anew with it.
 */
export function markIndexPending(db: DB, planIds: string[]): void {
  write(db, { plans: [...new Set([...(read(db)?.plans ?? []), ...planIds])], next: null });
}

/** Whether a catch-up is pending: asked before every search and every row indexed on its own, so the mark is not read. */
export const indexPending = (db: DB): boolean => !db.readonly && db.open && stmt(db, 'SELECT 1 FROM settings WHERE key = ?').get(KEY) !== undefined;

/** The two kinds of row indexed, each with its table, the alias its search text is written for, and that text. */
const KINDS = [
  { entity: 'task', table: 'tasks', alias: 't', text: TASK_SEARCH_TEXT },
  { entity: 'target', table: 'targets', alias: 'g', text: TARGET_SEARCH_TEXT },
] as const;
const OF_PLANS = 'plan_id IN (SELECT value FROM json_each(@ids))';
const PENDING_DOC = `(${KINDS.map((k) => `(d.entity = '${k.entity}' AND d.entity_id IN (SELECT id FROM ${k.table} WHERE ${OF_PLANS}))`).join(' OR ')})`;
const RANGE = 'd.id >= @from AND (@last IS NULL OR d.id <= @last)';
const SQL = {
  drop: `DELETE FROM search_index WHERE rowid IN (SELECT ${indexRowid('d.id', 'd.entity', '0')} FROM search_docs d WHERE ${PENDING_DOC})`,
  docs: KINDS.map((k) => `INSERT OR IGNORE INTO search_docs (entity, entity_id) SELECT '${k.entity}', id FROM ${k.table} WHERE ${OF_PLANS} ORDER BY rowid`),
  first: `SELECT min(d.id) FROM search_docs d WHERE ${PENDING_DOC}`,
  last: `SELECT d.id FROM search_docs d WHERE d.id >= @from AND ${PENDING_DOC} ORDER BY d.id LIMIT 1 OFFSET @skip`,
  // search_docs drives (CROSS JOIN keeps it outside): a slice reads its own range, not every row of the plans.
  index: KINDS.map((k) => `INSERT INTO search_index (rowid, grams) SELECT ${indexRowid('d.id', `'${k.entity}'`, '0')}, plan_review_grams(${k.text})
    FROM search_docs d CROSS JOIN ${k.table} ${k.alias} ON ${k.alias}.id = d.entity_id WHERE d.entity = '${k.entity}' AND ${RANGE} AND ${k.alias}.${OF_PLANS} ORDER BY d.id`),
};

/** Drops the definitions' index rows (round 0) of the plans' rows and gives every row its search_docs row. */
function begin(db: DB, ids: string): number | null {
  stmt(db, SQL.drop).run({ ids });
  for (const sql of SQL.docs) stmt(db, sql).run({ ids });
  return stmt(db, SQL.first).pluck().get({ ids }) as number | null;
}

/**
 * Indexes the plans' rows whose search_docs id is from `from` on, at most `limit` of them (all without a limit), in
 * rising rowid order: the full-text index writes a run of rising rowids in one go. Returns the id to go on from.
 */
function slice(db: DB, ids: string, from: number, limit: number | null): { next: number | null; rows: number } {
  const last = limit === null ? null : stmt(db, SQL.last).pluck().get({ ids, from, skip: limit - 1 }) as number | undefined ?? null;
  let rows = 0;
  for (const sql of SQL.index) rows += stmt(db, sql).run({ ids, from, last }).changes;
  return { next: last === null ? null : last + 1, rows };
}

/**
 * One step of the catch-up, in its own transaction: at most `limit` rows indexed (every row left without a limit).
 * Returns whether rows are still pending after it.
 */
export function catchUpStep(db: DB, limit: number | null): { rows: number; more: boolean } {
  if (db.readonly || !db.open) return { rows: 0, more: false };
  return db.transaction(() => {
    const p = read(db);
    if (!p) return { rows: 0, more: false };
    const ids = JSON.stringify(p.plans);
    const from = p.next ?? begin(db, ids);
    const done = from === null ? { next: null, rows: 0 } : slice(db, ids, from, limit);
    write(db, done.next === null ? null : { plans: p.plans, next: done.next });
    return { rows: done.rows, more: done.next !== null };
  })();
}

/** Indexes every row still pending, in one transaction. Returns the number of rows indexed. */
export const catchUpIndex = (db: DB): number => catchUpStep(db, null).rows;
