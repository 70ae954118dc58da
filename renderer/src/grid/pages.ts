// How the grids load a large set: a first page that fills the window and scrolls a while, then the rest in pages small
// enough that an edit made meanwhile waits little behind them, and none asked for while the user is at work in the grid
// (a cell editor open, or a key or the pointer pressed within the last second).
// No DOM or React here: the benches read the sizes and the tests drive loadPages with their own clock.
export const FIRST_PAGE = 400;
export const NEXT_PAGE = 5_000;
/** How long after a key or pointer press in the grid the next page still waits: a double click and a choice follow. */
export const QUIET_AFTER_INPUT_MS = 1000;
/** Time for the first page to paint before the next is asked for. */
export const PAINT_PAUSE_MS = 400;

export interface Page<T> { rows: T[]; total: number }

export interface PagedLoad<T> {
  load(page: { offset: number; limit: number }): Promise<Page<T>>;
  /** The first page arrived: show it. */
  first(page: Page<T>): void;
  /** A later page arrived: add its rows. */
  more(rows: T[]): void;
  /** True while the user is at work in the grid (see QUIET_AFTER_INPUT_MS): the next page waits. */
  editing(): boolean;
  /** True while a cell editor is open: the first page of a new set waits, so the cell at work is not swept away. */
  holdFirst?(): boolean;
  /** True once the filters changed or the grid closed: stop. */
  stale(): boolean;
  sleep?(ms: number): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Loads every page of a set in order; the first page's promise settles before any other is asked for. */
export async function loadPages<T>(p: PagedLoad<T>, firstLimit = FIRST_PAGE, nextLimit = NEXT_PAGE): Promise<void> {
  const sleep = p.sleep ?? realSleep;
  const first = await p.load({ offset: 0, limit: firstLimit });
  while (!p.stale() && p.holdFirst?.()) await sleep(100);
  if (p.stale()) return;
  p.first(first);
  let loaded = first.rows.length;
  if (loaded < first.total) await sleep(PAINT_PAUSE_MS);
  while (!p.stale() && loaded < first.total) {
    while (!p.stale() && p.editing()) await sleep(100);
    if (p.stale()) return;
    const next = await p.load({ offset: loaded, limit: nextLimit });
    if (p.stale() || !next.rows.length) return;
    loaded += next.rows.length;
    p.more(next.rows);
  }
}
