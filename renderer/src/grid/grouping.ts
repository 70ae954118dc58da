// Grouping by plan and chapter (or category) inside the grid: group header rows inserted among the data, collapsed by an
// external filter, and kept above their members whatever column the grid is sorted by.
import type { IRowNode, PostSortRowsParams } from 'ag-grid-community';
import type { GroupKey } from './spec';

export interface GroupRow { id: string; group: { level: 0 | 1; key: string; label: string; count: number; parent: string | null } }

export const isGroup = (d: unknown): d is GroupRow => !!d && typeof d === 'object' && 'group' in (d as object);

export interface Grouping<T> {
  rows: (T | GroupRow)[];
  /** Order of each group key (plan groups and inner groups alike). */
  order: Map<string, number>;
  keysOf(row: T): [string, string];
}

/** Inserts a header before each plan and each inner group, in the order the groups first appear. */
export function withGroups<T extends { id: string }>(data: T[], groupOf: (r: T) => [GroupKey, GroupKey]): Grouping<T> {
  const plans = new Map<string, { label: string; subs: Map<string, { label: string; rows: T[] }> }>();
  for (const r of data) {
    const [p, s] = groupOf(r);
    let plan = plans.get(p.key);
    if (!plan) plans.set(p.key, (plan = { label: p.label, subs: new Map() }));
    const sk = `${p.key}\u0001${s.key}`;
    let sub = plan.subs.get(sk);
    if (!sub) plan.subs.set(sk, (sub = { label: s.label, rows: [] }));
    sub.rows.push(r);
  }
  const rows: (T | GroupRow)[] = [];
  const order = new Map<string, number>();
  for (const [pk, plan] of plans) {
    order.set(pk, order.size);
    const count = [...plan.subs.values()].reduce((n, s) => n + s.rows.length, 0);
    rows.push({ id: `g:${pk}`, group: { level: 0, key: pk, label: plan.label, count, parent: null } });
    for (const [sk, sub] of plan.subs) {
      order.set(sk, order.size);
      rows.push({ id: `g:${sk}`, group: { level: 1, key: sk, label: sub.label || '(未分章节)', count: sub.rows.length, parent: pk } });
      rows.push(...sub.rows);
    }
  }
  const keysOf = (r: T): [string, string] => {
    const [p, s] = groupOf(r);
    return [p.key, `${p.key}\u0001${s.key}`];
  };
  return { rows, order, keysOf };
}

/** Keeps the sorted rows inside their groups: plan header, then each inner header followed by its rows in sorted order. */
export function regroup<T>(g: Grouping<T>, params: PostSortRowsParams): void {
  const pos = new Map<IRowNode, number>(params.nodes.map((n, i) => [n, i]));
  const rank = (n: IRowNode): [number, number, number] => {
    const d = n.data as T | GroupRow;
    if (isGroup(d)) {
      return d.group.level === 0 ? [g.order.get(d.group.key) ?? 0, -1, -1] : [g.order.get(d.group.parent ?? '') ?? 0, g.order.get(d.group.key) ?? 0, -1];
    }
    const [p, s] = g.keysOf(d);
    return [g.order.get(p) ?? 0, g.order.get(s) ?? 0, pos.get(n) ?? 0];
  };
  const ranks = new Map(params.nodes.map((n) => [n, rank(n)]));
  params.nodes.sort((a, b) => {
    const x = ranks.get(a)!, y = ranks.get(b)!;
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

/** Whether a row shows under the collapsed groups. */
export function visibleUnder<T>(g: Grouping<T>, collapsed: Set<string>, data: T | GroupRow): boolean {
  if (isGroup(data)) return data.group.level === 0 || !collapsed.has(data.group.parent ?? '');
  const [p, s] = g.keysOf(data);
  return !collapsed.has(p) && !collapsed.has(s);
}
