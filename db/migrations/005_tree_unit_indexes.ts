// Migration 005: covering indexes for the side panel at city scale. The chapter tree groups task paths per plan
// without reading task rows (tasks_tree), and the unit list counts distinct tasks and targets per unit from the index
// alone (entity_units_count, which also serves the unit filter and replaces entity_units_unit).
export const sql = `
CREATE INDEX IF NOT EXISTS tasks_tree ON tasks(plan_id, path, seq);
CREATE INDEX IF NOT EXISTS entity_units_count ON entity_units(unit, entity, entity_id);
DROP INDEX IF EXISTS entity_units_unit;
`;
