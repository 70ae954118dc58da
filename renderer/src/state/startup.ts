// The order of the first requests when the window opens: the grid's first page is answered before the side panel's
// chapter tree and unit list are asked for, so the rows paint first and the panel fills in while they do.
let markAnswered: () => void = () => {};
const answered = new Promise<void>((resolve) => { markAnswered = resolve; });

/** Called by a grid when its first page has arrived (or failed). */
export const firstPageAnswered = (): void => markAnswered();

/** Resolves once a grid's first page has arrived, or after `fallbackMs` when no grid is shown (the dashboard tab). */
export const afterFirstPage = (fallbackMs = 1500): Promise<void> =>
  Promise.race([answered, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
