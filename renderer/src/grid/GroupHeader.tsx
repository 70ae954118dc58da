// A group header row of the grid (a plan, or a chapter or category inside it): click or Enter to fold and unfold.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GroupRow } from './grouping';

export interface GroupContext { collapsed: Set<string>; toggle(key: string): void }

export function GroupHeader(p: CustomCellRendererProps<GroupRow, unknown, GroupContext>) {
  const g = p.data?.group;
  if (!g) return null;
  const open = !p.context.collapsed.has(g.key);
  return (
    <div className={`pr-group pr-group-${g.level}`} onClick={() => p.context.toggle(g.key)} title={g.label}>
      <span className="twisty" aria-hidden>{open ? '▾' : '▸'}</span>
      <span className="label">{g.label}</span>
      <span className="count">{g.count} 项</span>
    </div>
  );
}
