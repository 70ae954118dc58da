// Temporary real SQLite databases for tests: a fresh file per test, filled with the fixture plans, and a context over it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabaseSync, openRaw, type DB } from '../../db/connection';
import { migrations } from '../../db/migrations';
import { stamp } from '../../db/backup';
import { createContext, type Context } from '../../core/common/context';
import { storePlans } from '../../core/import/store';
import { insertRound } from '../../db/repos/rounds';
import { catchUpIndex } from '../../db/repos/search-pending';
import { fixturePlans } from './fixture';
import type { InterchangePlan } from '../../contract/interchange';

export function tempDir(prefix = 'plan-review-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestDb { db: DB; file: string; dir: string; ctx: Context; roundId: number; close(): void }

/**
 * A database file holding the given plans (stored by the importer's own write path) in a fresh folder, with a context
 * over it. The round is the one named (created when the plans' evaluations did not bring it).
 */
export function databaseWith(plans: InterchangePlan[], round = { name: '2023年中期评估', cutoff: '2023-06-30' }): TestDb {
  const dir = tempDir();
  const file = path.join(dir, 'test.db');
  const db = openDatabaseSync(file);
  if (plans.length) storePlans(db, plans, 'fixture');
  const found = db.prepare('SELECT id FROM rounds WHERE name = ?').get(round.name) as { id: number } | undefined;
  const roundId = found?.id ?? db.transaction(() => insertRound(db, round.name, round.cutoff, null).id)();
  const ctx = createContext(db, file, 'test', path.join(dir, 'exports'));
  // `db` is the context's connection of the moment: a restore replaces it.
  return {
    get db() { return ctx.store.raw ?? db; }, file, dir, ctx, roundId,
    close: () => { if (db.open) db.close(); ctx.store.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A database file with the fixture plans and one round "2023年中期评估" (cut-off 2023-06-30). */
export function fixtureDb(opts: { empty?: boolean } = {}): TestDb {
  return databaseWith(opts.empty ? [] : fixturePlans());
}

/** Every row of every user table, for "nothing changed" assertions. */
export function snapshot(db: DB): string {
  // An import indexes its rows between requests: the index is caught up first, so only what a call changed differs.
  catchUpIndex(db);
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' ORDER BY name`).all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** A database file holding the fixture plans and the round "2023年中期评估", closed, for tests that open it as the app does. */
export function fixtureFile(name: string): string {
  const t = fixtureDb();
  t.db.close();
  const file = path.join(t.dir, name);
  fs.renameSync(t.file, file);
  return file;
}

/** Makes a backup look `hours` older, as if it had been taken then (its name carries the time). */
export function olderBackup(file: string, hours: number): string {
  const older = file.replace(/-\d{8}-\d{6}-\d{3}-/, `-${stamp(new Date(Date.now() - hours * 3600_000))}-`);
  fs.renameSync(file, older);
  return older;
}

/** A database file left at an older schema (migrations up to `version` only), holding one plan titled `planTitle`. */
export function oldSchemaFile(file: string, version: number, planTitle: string): void {
  const raw = openRaw(file);
  for (const m of migrations.filter((x) => x.version <= version)) raw.exec(m.sql);
  raw.pragma(`user_version = ${version}`);
  raw.prepare(`INSERT INTO plans (id, title, kind, imported_at) VALUES ('p1', ?, 'plan', '2021-01-01')`).run(planTitle);
  raw.close();
}
