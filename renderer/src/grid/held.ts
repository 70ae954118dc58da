// The row lists the grid was given, updated in place after an edit: where each row sits is found once per list, so an
// edit swaps in its fresh rows without walking every one of 100 000 rows.
const positions = new WeakMap<readonly { id: string }[], Map<string, number>>();

/** Puts each fresh row where the row with its id stands in `list`; rows not in the list are left out. */
export function replaceById<R extends { id: string }>(list: R[], fresh: ReadonlyMap<string, R>): void {
  let at = positions.get(list);
  for (const [id, row] of fresh) {
    let i = at?.get(id);
    // A list seen for the first time, or one whose rows were moved since, is looked over once.
    if (!at || (i !== undefined && list[i]?.id !== id)) {
      at = new Map();
      for (let k = 0; k < list.length; k++) at.set(list[k].id, k);
      positions.set(list, at);
      i = at.get(id);
    }
    if (i !== undefined) list[i] = row;
  }
}
