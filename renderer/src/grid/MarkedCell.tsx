// A text cell with the words of the search marked (the grid's context holds them).
import type { CustomCellRendererProps } from 'ag-grid-react';
import { Marked } from '../components/Marked';

export interface MarkContext { terms: readonly string[] }

export function MarkedCell(p: CustomCellRendererProps<unknown, string, MarkContext>) {
  const text = p.valueFormatted ?? (p.value == null ? '' : String(p.value));
  return <span className="pr-marked"><Marked text={text} terms={p.context?.terms} /></span>;
}
