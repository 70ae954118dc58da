// Key-value settings kept in the database (thresholds, column layouts, the current round) and saved grid views.
import type { DB } from '../connection';
import { nowIso } from '../json';

export function getSetting<T>(db: DB, key: string, fallback: T): T {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!r) return fallback;
  try {
    return JSON.parse(r.value) as T;
  } catch {
    return fallback;
  }
}

export function setSetting(db: DB, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export interface ViewRow { id: number; grid: string; name: string; state: string; created_at: string }

export function listViews(db: DB, grid: string): ViewRow[] {
  return db.prepare('SELECT * FROM saved_views WHERE grid = ? ORDER BY name').all(grid) as ViewRow[];
}

export function saveView(db: DB, grid: string, name: string, state: unknown): ViewRow {
  db.prepare(`INSERT INTO saved_views (grid, name, state, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(grid, name) DO UPDATE SET state = excluded.state`).run(grid, name, JSON.stringify(state ?? null), nowIso());
  return db.prepare('SELECT * FROM saved_views WHERE grid = ? AND name = ?').get(grid, name) as ViewRow;
}

export function deleteView(db: DB, id: number): number {
  return db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes;
}
