// The text of the search index, once: the SQL expressions of a task's and a target's searchable text, and the SQL that
// fills the whole index from them (migration 004, a restore); db/repos/search.ts indexes single rows with the same.
// It calls plan_review_grams(), the bigram function db/connection.ts registers on every connection.
export const TASK_SEARCH_TEXT = `t.title || char(10) || t.body || char(10) || COALESCE((SELECT group_concat(value, char(10)) FROM json_each(t.subpoints)), '')`;
export const TARGET_SEARCH_TEXT = `g.name || ' ' || g.category`;

export const REBUILD_SEARCH_SQL = `
DELETE FROM search_docs;
INSERT INTO search_index (search_index) VALUES ('delete-all');
INSERT INTO search_docs (entity, entity_id) SELECT 'task', id FROM tasks ORDER BY rowid;
INSERT INTO search_docs (entity, entity_id) SELECT 'target', id FROM targets ORDER BY rowid;
INSERT INTO search_index (rowid, grams)
  SELECT d.id, plan_review_grams(${TASK_SEARCH_TEXT}) FROM search_docs d JOIN tasks t ON d.entity = 'task' AND t.id = d.entity_id;
INSERT INTO search_index (rowid, grams)
  SELECT d.id, plan_review_grams(${TARGET_SEARCH_TEXT}) FROM search_docs d JOIN targets g ON d.entity = 'target' AND g.id = d.entity_id;
`;
