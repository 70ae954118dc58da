// Migration 007: the returns board. An export issued again to a unit names the newer workbook that replaces it, and
// records the layout and the headers it was written with; every workbook taken in is a row of returns_received (who
// filled it in, with which contacts, when, from which file, what it changed and how far its review has come); and
// every cell a unit changed in its return is kept as that unit's own input for the task or target (unit_inputs), so
// the planner can set the inputs of several units side by side and compose the final text.
// Never edit after it ships; add a new numbered file instead.
export const sql = `
ALTER TABLE returns_exports ADD COLUMN superseded_by TEXT;
ALTER TABLE returns_exports ADD COLUMN layout INTEGER NOT NULL DEFAULT 1;
ALTER TABLE returns_exports ADD COLUMN headers TEXT NOT NULL DEFAULT '';
CREATE INDEX returns_exports_round ON returns_exports(round_id, unit, created_at);

CREATE TABLE returns_received (
  id INTEGER PRIMARY KEY,
  export_id TEXT NOT NULL REFERENCES returns_exports(id) ON DELETE CASCADE,
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  unit TEXT NOT NULL,
  file TEXT NOT NULL,
  digest TEXT NOT NULL,
  received_at TEXT NOT NULL,
  operator TEXT NOT NULL DEFAULT '',
  filler TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL DEFAULT '',
  filled_on TEXT NOT NULL DEFAULT '',
  rows INTEGER NOT NULL DEFAULT 0,
  changed_rows INTEGER NOT NULL DEFAULT 0,
  pending_rows INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  problems INTEGER NOT NULL DEFAULT 0,
  applied_rows INTEGER NOT NULL DEFAULT 0,
  applied_cells INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'applied', 'partial', 'declined', 'kept', 'nochange', 'replaced')),
  reviewed_at TEXT NOT NULL DEFAULT '',
  UNIQUE (export_id, digest)
);
CREATE INDEX returns_received_round ON returns_received(round_id, unit, id);

CREATE TABLE unit_inputs (
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  unit TEXT NOT NULL,
  entity TEXT NOT NULL CHECK (entity IN ('task', 'target')),
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT,
  problem TEXT,
  line INTEGER NOT NULL DEFAULT 0,
  received_id INTEGER NOT NULL REFERENCES returns_received(id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, entity, entity_id, field, unit)
);
CREATE INDEX unit_inputs_unit ON unit_inputs(round_id, unit);
CREATE INDEX unit_inputs_received ON unit_inputs(received_id);
`;
