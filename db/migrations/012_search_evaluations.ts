// Migration 012: the search index covers the evaluation texts of every round (进展情况, 存在问题, 下步打算, 备注, 填报单位;
// a target's 数据来源, 说明, 调整理由) and the units of every task and target. A search_docs row names a task or target
// and the round whose texts it holds (0: the definition); the index is rebuilt from the one definition of its text.
import { REBUILD_SEARCH_SQL } from './search-rebuild';

export const sql = `
DROP TABLE search_docs;
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('task','target')),
  entity_id TEXT NOT NULL,
  round_id INTEGER NOT NULL DEFAULT 0,
  UNIQUE (entity, entity_id, round_id)
);
${REBUILD_SEARCH_SQL}
`;
