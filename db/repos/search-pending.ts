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

export const indexPending = (db: DB): boolean => !db.readonly && db.open && read(db) !== null;

const IN_PLANS = (table: string) => `(SELECT id FROM ${table} WHERE plan_id IN (SELECT value FROM json_each(@ids)))`;
const PENDING_DOC = `((d.entity = 'task' AND d.entity_id IN ${IN_PLANS('tasks')}) OR (d.entity = 'target' AND d.entity_id IN ${IN_PLANS('targets')}))`;

/** Drops the definitions' index rows (round 0) of the plans' rows and gives every row its search_docs row. */
function begin(db: DB, ids: string): number | null {
  db.prepare(`DELETE FROM search_index WHERE rowid IN (SELECT ${indexRowid('d.id', 'd.entity', '0')} FROM search_docs d WHERE ${PENDING_DOC})`).run({ ids });
  db.prepare(`INSERT OR IGNORE INTO search_docs (entity, entity_id) SELECT 'task', id FROM tasks WHERE plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY rowid`).run({ ids });
  db.prepare(`INSERT OR IGNORE INTO search_docs (entity, entity_id) SELECT 'target', id FROM targets WHERE plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY rowid`).run({ ids });
  return db.prepare(`SELECT min(d.id) FROM search_docs d WHERE ${PENDING_DOC}`).pluck().get({ ids }) as number | null;
}

/**
 * Indexes the plans' rows whose search_docs id is from `from` on, at most `limit` of them (all without a limit), in
 * rising rowid order: the full-text index writes a run of rising rowids in one go. Returns the id to go on from.
 */
function slice(db: DB, ids: string, from: number, limit: number | null): { next: number | null; rows: number } {
  const last = limit === null ? null : db.prepare(`SELECT d.id FROM search_docs d WHERE d.id >= @from AND ${PENDING_DOC} ORDER BY d.id LIMIT 1 OFFSET @skip`)
    .pluck().get({ ids, from, skip: limit - 1 }) as number | undefined ?? null;
  const range = `d.id >= @from AND (@last IS NULL OR d.id <= @last)`;
  // search_docs drives (CROSS JOIN keeps it outside): a slice reads its own range, not every row of the plans.
  let rows = db.prepare(`INSERT INTO search_index (rowid, grams) SELECT ${indexRowid('d.id', "'task'", '0')}, plan_review_grams(${TASK_SEARCH_TEXT})
    FROM search_docs d CROSS JOIN tasks t ON t.id = d.entity_id WHERE d.entity = 'task' AND ${range} AND t.plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY d.id`)
    .run({ ids, from, last }).changes;
  rows += db.prepare(`INSERT INTO search_index (rowid, grams) SELECT ${indexRowid('d.id', "'target'", '0')}, plan_review_grams(${TARGET_SEARCH_TEXT})
    FROM search_docs d CROSS JOIN targets g ON g.id = d.entity_id WHERE d.entity = 'target' AND ${range} AND g.plan_id IN (SELECT value FROM json_each(@ids)) ORDER BY d.id`)
    .run({ ids, from, last }).changes;
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
