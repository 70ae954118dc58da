// A key that changes whenever the database does: data_version tells of other connections' writes, total_changes() of
// this connection's. Caches of derived answers (unit list, search hits) keep their value while the key stays the same.
import type { DB } from './connection';

export const changeKey = (db: DB): string =>
  `${db.pragma('data_version', { simple: true })}:${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}`;
