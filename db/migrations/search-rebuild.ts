// The text of the search index, once: the SQL expressions of a task's and a target's searchable text (the definition,
// with its units) and of their evaluation texts in one round, the index rowid each is kept under, and the SQL that
// fills the whole index from them (migrations, a restore); db/repos/search.ts indexes single rows with the same.
// It calls plan_review_grams(), the bigram function db/connection.ts registers on every connection.
const NL = 'char(10)';
const list = (col: string) => `COALESCE((SELECT group_concat(value, ${NL}) FROM json_each(${col})), '')`;

/** A task as the plan defines it (alias t): title, body, subpoints, lead and responsible units. */
export const TASK_SEARCH_TEXT = `t.title || ${NL} || t.body || ${NL} || ${list('t.subpoints')} || ${NL} || ${list('t.lead_units')} || ${NL} || ${list('t.responsible_units')}`;
/** A target as the plan defines it (alias g): name, category, responsible units. */
export const TARGET_SEARCH_TEXT = `g.name || ' ' || g.category || ${NL} || ${list('g.responsible_units')}`;

/** A task's evaluation in one round (alias e of task_evals): 进展情况, 存在问题, 下步打算, 备注, 填报单位. */
export const TASK_EVAL_SEARCH_TEXT = `e.evidence || ${NL} || e.problems || ${NL} || e.next_steps || ${NL} || e.note || ${NL} || e.reporter`;
/** A target's evaluation in one round (alias e of target_evals): 数据来源, 说明, 调整理由, 填报单位. */
export const TARGET_EVAL_SEARCH_TEXT = `e.data_source || ${NL} || e.note || ${NL} || e.override_reason || ${NL} || e.reporter`;

/** The evaluation text columns: a write of one of these re-indexes the row's evaluation in its round. */
export const TASK_EVAL_TEXT_COLUMNS = ['evidence', 'problems', 'next_steps', 'note', 'reporter'] as const;
export const TARGET_EVAL_TEXT_COLUMNS = ['data_source', 'note', 'override_reason', 'reporter'] as const;

/**
 * The index rowid of a text: the row's search_docs id (bits 0–30), 1 in bit 31 for a target, and above them the round
 * whose evaluation texts it holds (0: the definition). A search reads row, kind and round off the rowid alone.
 */
export const indexRowid = (docId: string, entity: string, round: string) =>
  `(${docId} + (CASE ${entity} WHEN 'target' THEN 2147483648 ELSE 0 END) + ((${round}) << 32))`;
export const ROWID_DOC = '(rowid & 2147483647)';
export const ROWID_TARGET = '((rowid >> 31) & 1)';
export const ROWID_ROUND = '(rowid >> 32)';

/**
 * The evaluation texts of the rounds `roundFilter` names (e.g. 'e.round_id = 3', or '1' for all): one index row per row
 * and round that has any text, under the rowid of its definition's search_docs row and the round.
 */
export const indexEvalsSql = (roundFilter: string) => `
INSERT INTO search_index (rowid, grams)
  SELECT ${indexRowid('d.id', "'task'", 'e.round_id')}, plan_review_grams(${TASK_EVAL_SEARCH_TEXT}) FROM task_evals e
  JOIN search_docs d ON d.entity = 'task' AND d.entity_id = e.task_id WHERE (${roundFilter}) AND (${TASK_EVAL_SEARCH_TEXT}) <> '';
INSERT INTO search_index (rowid, grams)
  SELECT ${indexRowid('d.id', "'target'", 'e.round_id')}, plan_review_grams(${TARGET_EVAL_SEARCH_TEXT}) FROM target_evals e
  JOIN search_docs d ON d.entity = 'target' AND d.entity_id = e.target_id WHERE (${roundFilter}) AND (${TARGET_EVAL_SEARCH_TEXT}) <> '';
`;

/** The whole index: a search_docs row for every task and target, their definitions and every round's evaluation texts. */
export const REBUILD_SEARCH_SQL = `
DELETE FROM search_docs;
INSERT INTO search_index (search_index) VALUES ('delete-all');
INSERT INTO search_docs (entity, entity_id) SELECT 'task', id FROM tasks ORDER BY rowid;
INSERT INTO search_docs (entity, entity_id) SELECT 'target', id FROM targets ORDER BY rowid;
INSERT INTO search_index (rowid, grams)
  SELECT ${indexRowid('d.id', "'task'", '0')}, plan_review_grams(${TASK_SEARCH_TEXT}) FROM search_docs d JOIN tasks t ON d.entity = 'task' AND t.id = d.entity_id;
INSERT INTO search_index (rowid, grams)
  SELECT ${indexRowid('d.id', "'target'", '0')}, plan_review_grams(${TARGET_SEARCH_TEXT}) FROM search_docs d JOIN targets g ON d.entity = 'target' AND g.id = d.entity_id;
${indexEvalsSql('1')}`;
