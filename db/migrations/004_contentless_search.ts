// Migration 004: the search index keeps no copy of its text. A contentless FTS5 table holds only the bigram postings,
// keyed by search_docs.id, which names the task or target; the index is rebuilt from the tasks and targets.
import { REBUILD_SEARCH_SQL } from './search-rebuild';

export const sql = `
DROP TABLE search_index;
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('task','target')),
  entity_id TEXT NOT NULL,
  UNIQUE (entity, entity_id)
);
CREATE VIRTUAL TABLE search_index USING fts5(grams, content = '', contentless_delete = 1, tokenize = 'unicode61');
${REBUILD_SEARCH_SQL}
`;
