// Migration 003: indexes for city-scale databases. Plans in display order, so the grid query walks plans and their
// tasks (tasks_plan) in order instead of sorting 100 000 rows.
export const sql = `
CREATE INDEX IF NOT EXISTS plans_seq ON plans(seq, id);
`;
