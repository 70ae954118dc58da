// Migration 012: the search index covers the evaluation texts of every round (进展情况, 存在问题, 下步打算, 备注, 填报单位;
// a target's 数据来源, 说明, 调整理由) and the units of every task and target. Each text is kept under a rowid that names
// its row, its kind and its round (0: the definition); the index is rebuilt from the one definition of its text.
import { REBUILD_SEARCH_SQL } from './search-rebuild';

export const sql = REBUILD_SEARCH_SQL;
