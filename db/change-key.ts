// A key that changes whenever the database does: data_version tells of other connections' writes, total_changes() of
// this connection's. Caches of derived answers (unit list, search hits) keep their value while the key stays the same.
import type { DB } from './connection';

export const changeKey = (db: DB): string =>
  `${db.pragma('data_version', { simple: true })}:${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}`;

/**
 * Wraps a derived answer (the unit list, the dashboard's counts) so that it is computed once per connection and
 * argument and given again until the database changes. A few arguments are kept; the oldest goes first.
 */
export function keptUntilChange<A, R>(compute: (db: DB, arg: A) => R, keep = 8): (db: DB, arg: A) => R {
  const kept = new WeakMap<DB, { key: string; answers: Map<string, R> }>();
  return (db, arg) => {
    const key = changeKey(db);
    let entry = kept.get(db);
    if (!entry || entry.key !== key) kept.set(db, (entry = { key, answers: new Map() }));
    const k = JSON.stringify(arg) ?? '';
    let answer = entry.answers.get(k);
    if (answer === undefined) {
      answer = compute(db, arg);
      if (entry.answers.size >= keep) entry.answers.delete(entry.answers.keys().next().value!);
      entry.answers.set(k, answer);
    }
    return answer;
  };
}
