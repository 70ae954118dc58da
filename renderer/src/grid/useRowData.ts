// The rows of a grid: the first page paints at once and the rest of a large set follows in the background, page by
// page, while the user is not at work in the grid; rows changed anywhere (an edit here, the detail panel, undo, a
// restore) take their fresh data where they stand, from the edit's own answer or, when it brought none, fetched again.
import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { GridSpec } from './spec';
import type { Filters } from '../state/filters';
import type { GroupRow } from './grouping';
import { onChanged, usable } from '../state/changes';
import { firstPageAnswered } from '../state/startup';
import { loadPages, QUIET_AFTER_INPUT_MS } from './pages';
import { replaceById } from './held';
import { toastError } from '../toast';

export interface RowData<T> {
  data: T[] | null;
  total: number | null;
  /** When the user last pressed a key or the pointer in the grid: pages wait while the user is at work. */
  lastInput: MutableRefObject<number>;
}

export function useRowData<T extends { id: string }>(spec: GridSpec<T>, filters: Filters, roundId: number,
  api: () => GridApi | null, groupRows: () => (T | GroupRow)[] | undefined, reload = 0): RowData<T> {
  const [data, setData] = useState<T[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const lastInput = useRef(-Infinity);
  const dataRef = useRef(data);
  dataRef.current = data;
  // Rows changed while a set is loading: a page asked for before the change carries the row as it was, so each page
  // takes these fresh rows in before it is shown.
  const freshSince = useRef<Map<string, T> | null>(null);

  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    let stale = false;
    const f = JSON.parse(filterKey) as Filters;
    const fresh = new Map<string, T>();
    freshSince.current = fresh;
    const cellAtWork = () => !!api()?.getEditingCells().length;
    const loadAll = () => loadPages<T>({
      load: (page) => (page.offset === 0 ? spec.load(f, page).finally(firstPageAnswered) : spec.load(f, page)),
      first: (page) => {
        replaceById(page.rows, fresh);
        // Held at once, so a change answered before React renders the new list lands in it and not in the old one.
        dataRef.current = page.rows;
        setData(page.rows); setTotal(page.total);
      },
      // Appended to what the grid holds now, so rows refreshed in place meanwhile (an edit, an undo) stay fresh.
      more: (rows) => { replaceById(rows, fresh); setData((cur) => (cur ?? []).concat(rows)); },
      editing: () => cellAtWork() || performance.now() - lastInput.current < QUIET_AFTER_INPUT_MS,
      holdFirst: cellAtWork,
      stale: () => stale,
    });
    const t = setTimeout(() => loadAll().catch(toastError).finally(() => {
      if (freshSince.current === fresh) freshSince.current = null;
    }), filters.search ? 200 : 0);
    return () => { stale = true; clearTimeout(t); if (freshSince.current === fresh) freshSince.current = null; };
  }, [spec, filterKey, reload]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => onChanged(async (c, fresh) => {
    const ids = spec.entity === 'task' ? c.tasks : c.targets;
    if (!ids.length || (c.roundId != null && c.roundId !== roundId)) return;
    try {
      const rows = usable<T>(fresh, spec.entity, spec.compareRoundId, ids) ?? await spec.fetch(ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const loading = freshSince.current;
      if (loading) for (const [id, r] of byId) loading.set(id, r);
      // Each row node takes its fresh data where it stands, as in a spreadsheet (rows do not jump after an edit), and the
      // lists the grid was given take the fresh objects too. A new list, or a transaction, would make the grid walk
      // every one of 100 000 rows after each edit.
      const held = [dataRef.current, groupRows()].filter((x): x is (T | GroupRow)[] => !!x);
      for (const list of held) replaceById<T | GroupRow>(list, byId);
      const a = api();
      if (a && !a.isDestroyed()) for (const r of rows) a.getRowNode(r.id)?.setData(r);
    } catch (e) { toastError(e); }
  }), [spec, roundId]); // eslint-disable-line react-hooks/exhaustive-deps

  return { data, total, lastInput };
}
