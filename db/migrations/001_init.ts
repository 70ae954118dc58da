// Migration 001: the whole first schema — plans, tasks, targets, rounds, evaluations, history, settings, search.
// Never edit after it ships; add a new numbered file instead.
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  doc_number TEXT,
  issuer TEXT,
  issued TEXT,
  period_start INTEGER,
  period_end INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('plan','action_plan','measures','reply','notice_only')),
  source_file TEXT,
  source_line INTEGER,
  seq INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL
);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  code TEXT NOT NULL DEFAULT '',
  path TEXT NOT NULL DEFAULT '[]',
  chapter TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('task','project','measure','safeguard')),
  lead_units TEXT NOT NULL DEFAULT '[]',
  responsible_units TEXT NOT NULL DEFAULT '[]',
  subpoints TEXT NOT NULL DEFAULT '[]',
  seq INTEGER NOT NULL DEFAULT 0,
  source_line INTEGER
);
CREATE INDEX tasks_plan ON tasks(plan_id, seq);
CREATE INDEX tasks_chapter ON tasks(plan_id, chapter);

CREATE TABLE targets (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  attribute TEXT NOT NULL DEFAULT '',
  baseline_year INTEGER,
  baseline_value TEXT,
  scope TEXT NOT NULL CHECK (scope IN ('table','goal_text','in_task')),
  responsible_units TEXT NOT NULL DEFAULT '[]',
  seq INTEGER NOT NULL DEFAULT 0,
  source_line INTEGER
);
CREATE INDEX targets_plan ON targets(plan_id, seq);
CREATE INDEX targets_task ON targets(task_id);

CREATE TABLE target_milestones (
  target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  value TEXT NOT NULL,
  qualifier TEXT NOT NULL DEFAULT '',
  cumulative INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (target_id, year)
);

-- One row per (entity, unit, role): lets the grid filter and the exports split by unit at city scale.
CREATE TABLE entity_units (
  entity TEXT NOT NULL CHECK (entity IN ('task','target')),
  entity_id TEXT NOT NULL,
  unit TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('lead','responsible')),
  PRIMARY KEY (entity, entity_id, unit, role)
);
CREATE INDEX entity_units_unit ON entity_units(unit, entity);

CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  cutoff TEXT NOT NULL,
  based_on INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE task_evals (
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT '待评估',
  progress REAL,
  evidence TEXT NOT NULL DEFAULT '',
  problems TEXT NOT NULL DEFAULT '',
  next_steps TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  reporter TEXT NOT NULL DEFAULT '',
  reported_on TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (round_id, task_id)
);
CREATE INDEX task_evals_status ON task_evals(round_id, status);

CREATE TABLE target_evals (
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  target_id TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  actual TEXT NOT NULL DEFAULT '',
  data_source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  verdict_override TEXT NOT NULL DEFAULT '',
  override_reason TEXT NOT NULL DEFAULT '',
  reporter TEXT NOT NULL DEFAULT '',
  reported_on TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (round_id, target_id)
);

-- An action is one user step (an edit, a bulk change, a paste, an import, an undo); history holds its cells.
CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  source TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done','undone','final')),
  reverts INTEGER REFERENCES actions(id)
);
CREATE INDEX actions_state ON actions(state, id);

CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  round_id INTEGER,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX history_entity ON history(entity, entity_id, id);
CREATE INDEX history_action ON history(action_id);

CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  grid TEXT NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (grid, name)
);

-- Full-text search over titles and bodies, indexed as overlapping character pairs so two-character words match.
CREATE VIRTUAL TABLE search_index USING fts5(entity UNINDEXED, entity_id UNINDEXED, grams, tokenize = 'unicode61');
`;
