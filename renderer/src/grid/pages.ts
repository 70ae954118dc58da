// How the grids load a large set: a first page that fills the window and scrolls a while, then the rest in pages small
// enough that an edit made meanwhile waits little behind them. Plain constants (the benches read them too).
export const FIRST_PAGE = 400;
export const NEXT_PAGE = 10_000;
