// Prepared statements kept per connection and SQL text: single-row reads and writes that run thousands of times in a
// bulk change, a returns preview or an import are prepared once.
import type { Statement } from 'better-sqlite3';
import type { DB } from './connection';

const statements = new WeakMap<DB, Map<string, Statement>>();

export function stmt(db: DB, sql: string): Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
