// What a grid of evaluations needs to know about its rows: columns, editable fields, grouping, checks and refresh.
import type { ColDef } from 'ag-grid-community';
import type { Changed } from '../../../contract';
import type { CellEdit, EditSource, Entity } from '../state/changes';
import type { Filters } from '../state/filters';

export interface GroupKey { key: string; label: string }

export interface GridSpec<T extends { id: string }> {
  grid: 'tasks' | 'targets' | 'define-tasks' | 'define-targets';
  entity: Entity;
  /** The comparison round whose values the rows carry: edits ask for their answer's rows with it. */
  compareRoundId: number | undefined;
  /** Counted noun, e.g. "项任务". */
  noun: string;
  columns: ColDef<T>[];
  /** A row's name in messages: a task's title, a target's name. */
  label(row: T): string;
  /** Column ids that are evaluation fields; the column id is the contract's field name. */
  editable: readonly string[];
  /** The plan group and the group inside it (chapter or category). */
  groupOf(row: T): [GroupKey, GroupKey];
  /** A rule over a whole batch of edits (e.g. an override needs a reason); returns the refusal or null. */
  check?(edits: CellEdit[], rowOf: (id: string) => T | undefined): string | null;
  /** The field the "set for all selected" control writes, with its choices. */
  bulk?: { field: string; label: string; options: readonly string[] };
  fetch(ids: string[]): Promise<T[]>;
  /** The value of an editable field as the editors, fill-down and paste see it (default: the evaluation's). */
  cellOf?(row: T, field: string): string | number | null;
  /** Saves a batch of cells as one action (default: the evaluation's edit). */
  save?(edits: CellEdit[], source: EditSource): Promise<Changed>;
  /** One page of the rows the filters select, and how many there are in all. */
  load(filters: Filters, page: { offset: number; limit: number }): Promise<{ rows: T[]; total: number }>;
}

/** The value of an editable field of a row, through the grid's own reader when it has one. */
export const cellValue = <T extends { id: string }>(spec: GridSpec<T>, row: unknown, field: string): string | number | null =>
  (spec.cellOf && row ? spec.cellOf(row as T, field) : evalValue(row, field));

/** The stored value of an evaluation field of a row, as the editors and fill-down see it. */
export function evalValue(row: unknown, field: string): string | number | null {
  const ev = (row as { eval?: Record<string, unknown> } | undefined)?.eval;
  const v = ev?.[field];
  return v == null ? null : (v as string | number);
}
