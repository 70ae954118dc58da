// The search index: text is stored as overlapping character pairs, so a two-character Chinese word is one token. Each
// task and target has an index row for its definition and one per round for its evaluation texts, all under rowids
// made from its search_docs row (see indexRowid); this file keeps them in step with the data.
import type { DB } from '../connection';
import { stmt } from '../statements';
import { catchUpIndex, indexPending } from './search-pending';
import {
  TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT, TASK_EVAL_SEARCH_TEXT, TARGET_EVAL_SEARCH_TEXT, indexEvalsSql, indexRowid, ROWID_DOC, ROWID_ROUND,
} from '../migrations/search-rebuild';

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

/** The search_docs row of a task or target, made on first need: its id is the stem of every index rowid of the row. */
function docId(db: DB, entity: 'task' | 'target', id: string): number {
  return (stmt(db, `INSERT INTO search_docs (entity, entity_id) VALUES (?, ?)
    ON CONFLICT (entity, entity_id) DO UPDATE SET entity = excluded.entity RETURNING id`).get(entity, id) as { id: number }).id;
}
const ROWID = `SELECT ${indexRowid('?', '?', '?')} AS r`;
const rowidOf = (db: DB, doc: number, entity: 'task' | 'target', round: number) => (stmt(db, ROWID).get(doc, entity, round) as { r: number }).r;

/**
 * Returns a function that (re)indexes one task or target's definition from its stored row: the text is the one SQL
 * expression the rebuild uses too (TASK_SEARCH_TEXT, TARGET_SEARCH_TEXT); the contentless index drops the old postings
 * by their rowid.
 */
export function indexer(db: DB): (entity: 'task' | 'target', id: string) => void {
  const del = db.prepare('DELETE FROM search_index WHERE rowid = ?');
  const ins = {
    task: db.prepare(`INSERT INTO search_index (rowid, grams) SELECT ?, plan_review_grams(${TASK_SEARCH_TEXT}) FROM tasks t WHERE t.id = ?`),
    target: db.prepare(`INSERT INTO search_index (rowid, grams) SELECT ?, plan_review_grams(${TARGET_SEARCH_TEXT}) FROM targets g WHERE g.id = ?`),
  };
  return (entity, id) => {
    // Rows of a catch-up under way are indexed first: one of them indexed here would otherwise be indexed twice.
    if (indexPending(db)) catchUpIndex(db);
    const rowid = rowidOf(db, docId(db, entity, id), entity, 0);
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
 * after a write of one of them; texts that are all empty leave no index row.
 */
export function indexEval(db: DB, entity: 'task' | 'target', id: string, roundId: number): void {
  const rowid = rowidOf(db, docId(db, entity, id), entity, roundId);
  stmt(db, 'DELETE FROM search_index WHERE rowid = ?').run(rowid);
  const text = (stmt(db, EVAL_TEXT[entity]).get(roundId, id) as { text: string | null } | undefined)?.text ?? '';
  if (text.trim()) stmt(db, 'INSERT INTO search_index (rowid, grams) VALUES (?, plan_review_grams(?))').run(rowid, text);
}

/** Indexes every evaluation text of a round at once (a round copied from another, a generated city). */
export function indexRoundEvals(db: DB, roundId: number): void {
  db.exec(indexEvalsSql(`e.round_id = ${Math.trunc(roundId)}`));
}

/** The index rowids of the evaluation texts the given rows have (in every round, or in one). */
const evalRowids = (rows: string, round: string) => `
  SELECT ${indexRowid('d.id', "'task'", 'e.round_id')} FROM task_evals e JOIN search_docs d ON d.entity = 'task' AND d.entity_id = e.task_id
    WHERE ${rows.replace(/@id/g, 'e.task_id')} AND ${round}
  UNION ALL
  SELECT ${indexRowid('d.id', "'target'", 'e.round_id')} FROM target_evals e JOIN search_docs d ON d.entity = 'target' AND d.entity_id = e.target_id
    WHERE ${rows.replace(/@id/g, 'e.target_id')} AND ${round}`;

/** Removes the index rows of a round's evaluation texts (before the round is deleted, while its rows are there). */
export function unindexRound(db: DB, roundId: number): void {
  db.prepare(`DELETE FROM search_index WHERE rowid IN (${evalRowids('1', 'e.round_id = ?')})`).run(roundId, roundId);
}

/** Removes every index row (definitions and evaluations) of the given tasks and targets, before they are deleted. */
export function unindexIds(db: DB, ids: string[]): void {
  const list = JSON.stringify(ids);
  const inList = '@id IN (SELECT value FROM json_each(?))';
  db.prepare(`DELETE FROM search_index WHERE rowid IN (${evalRowids(inList, '1')})`).run(list, list);
  db.prepare(`DELETE FROM search_index WHERE rowid IN (SELECT ${indexRowid('id', 'entity', '0')} FROM search_docs WHERE entity_id IN (SELECT value FROM json_each(?)))`).run(list);
  db.prepare('DELETE FROM search_docs WHERE entity_id IN (SELECT value FROM json_each(?))').run(list);
}

/**
 * Removes the definitions of a plan's tasks and targets from the index (a re-import indexes them again). Their
 * search_docs rows stay, so the rowids of their evaluation texts stay valid.
 */
export function unindexPlan(db: DB, planId: string): void {
  db.prepare(`DELETE FROM search_index WHERE rowid IN (SELECT ${indexRowid('d.id', 'd.entity', '0')} FROM search_docs d WHERE d.entity_id IN
    (SELECT id FROM tasks WHERE plan_id = ? UNION ALL SELECT id FROM targets WHERE plan_id = ?))`).run(planId, planId);
}

/** Every (row, round) the index holds text for, read off the rowids: for checks of the index itself. */
export function indexedRows(db: DB): { entity: string; id: string; round: number }[] {
  return db.prepare(`SELECT d.entity, d.entity_id AS id, r.round FROM (SELECT ${ROWID_DOC} AS doc, ${ROWID_ROUND} AS round FROM search_index) r
    JOIN search_docs d ON d.id = r.doc ORDER BY d.entity, d.entity_id, r.round`).all() as { entity: string; id: string; round: number }[];
}
