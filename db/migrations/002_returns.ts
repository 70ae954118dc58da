// Migration 002: the record of every returns workbook sent to a responsible unit, so a filled one can be recognised,
// checked for alterations and compared with the edits made here since it left.
export const sql = `
CREATE TABLE returns_exports (
  id TEXT PRIMARY KEY,                 -- the token written into the workbook's hidden metadata sheet
  round_id INTEGER NOT NULL,
  unit TEXT NOT NULL,
  file TEXT NOT NULL,
  max_action_id INTEGER NOT NULL,      -- the newest action when the workbook was written
  checksum TEXT NOT NULL,              -- over the sheet names and the row ids, in order
  sheets TEXT NOT NULL,                -- JSON array of sheet names
  task_count INTEGER NOT NULL,
  target_count INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX returns_exports_unit ON returns_exports(unit, round_id);
`;
