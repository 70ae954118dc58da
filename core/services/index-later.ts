// After an import the search index of its rows is written a slice per transaction, between the app's requests, so the
// import returns once its rows are committed; a search or an index write before the end indexes the rest at once.
import type { DB } from '../../db/connection';
import { catchUpStep } from '../../db/repos/search-pending';

/** Rows per slice: about a twentieth of a second on an office PC, short enough not to hold up a request. */
const SLICE = 2000;
const running = new WeakSet<DB>();

/**
 * Goes on with the catch-up in the background until nothing is pending or the database is closed. A slice that fails
 * leaves the mark as it was, so the next search, index write or opening of the file indexes those rows again.
 */
export function catchUpLater(db: DB, onDone?: (error?: unknown) => void): void {
  if (running.has(db)) return;
  running.add(db);
  const step = () => {
    let more = false;
    let error: unknown;
    try {
      more = catchUpStep(db, SLICE).more;
    } catch (e) {
      error = e;
    }
    if (more) { setImmediate(step); return; }
    running.delete(db);
    onDone?.(error);
  };
  setImmediate(step);
}
