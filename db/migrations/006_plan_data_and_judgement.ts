// Migration 006: what the planner owns and what judgement needs. Every action records the window it came from (each
// has its own undo stack) and the operator's name. Tasks get a deadline (a date, a year or 长期) and dated milestones;
// targets an override of how they are judged. Fields a planner corrected are listed so a re-import keeps them. Unit
// names merged into another stay as aliases. Actual values carry the date their figure refers to (数据截至), and a round
// its kind, the default data date, the deadline for returns and whether it is finalised (定稿).
// Never edit after it ships; add a new numbered file instead.
export const sql = `
ALTER TABLE actions ADD COLUMN client TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN operator TEXT NOT NULL DEFAULT '';
CREATE INDEX actions_client ON actions(client, state, id);

ALTER TABLE tasks ADD COLUMN deadline TEXT NOT NULL DEFAULT '';
CREATE TABLE task_milestones (
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  due TEXT NOT NULL,
  what TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (task_id, seq)
);

ALTER TABLE targets ADD COLUMN judge_direction TEXT NOT NULL DEFAULT '' CHECK (judge_direction IN ('', 'up', 'down'));
ALTER TABLE targets ADD COLUMN judge_kind TEXT NOT NULL DEFAULT ''
  CHECK (judge_kind IN ('', 'level', 'cumulative', 'growth', 'control', 'manual'));

CREATE TABLE edited_fields (
  entity TEXT NOT NULL CHECK (entity IN ('plan', 'task', 'target')),
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  action_id INTEGER REFERENCES actions(id) ON DELETE SET NULL,
  PRIMARY KEY (entity, entity_id, field)
);

CREATE TABLE unit_aliases (
  alias TEXT PRIMARY KEY,
  unit TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX unit_aliases_unit ON unit_aliases(unit);

ALTER TABLE target_evals ADD COLUMN data_date TEXT NOT NULL DEFAULT '';

ALTER TABLE rounds ADD COLUMN kind TEXT NOT NULL DEFAULT '中期评估';
ALTER TABLE rounds ADD COLUMN data_date TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN returns_due TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN finalized_at TEXT NOT NULL DEFAULT '';
`;
