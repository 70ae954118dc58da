// Cell renderers' helpers: status and verdict colours from the shared palette, unit lists, progress.
import type { CellStyle } from 'ag-grid-community';
import { STATUS_COLORS, VERDICT_COLORS, FLAG_COLORS } from '../../../core/contract/colors';
import type { TaskStatus, Verdict, Flag } from '../../../core/contract/model';

export const statusStyle = (s: string | undefined): CellStyle => {
  const c = STATUS_COLORS[s as TaskStatus];
  return c ? { backgroundColor: c.fill, color: c.text, fontWeight: 600 } : {};
};
export const verdictStyle = (v: string | undefined): CellStyle => {
  const c = VERDICT_COLORS[v as Verdict];
  return c ? { backgroundColor: c.fill, color: c.text, fontWeight: 600 } : {};
};
export const flagStyle = (f: string | undefined): CellStyle => {
  const c = FLAG_COLORS[f as Flag];
  return c ? { backgroundColor: c.fill, color: c.text } : {};
};
export const units = (xs: string[] | undefined) => (xs ?? []).join('、');
export const pct = (n: number | null | undefined) => (n == null ? '' : `${Math.round(n * 10) / 10}%`);
