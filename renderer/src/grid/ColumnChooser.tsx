// 列: which columns the grid shows, chosen from a list of all of them (the pinned name column always stays). What is
// chosen is kept with the grid's layout, and in a saved view with its columns; 恢复默认 shows them all again.
import { useEffect, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { SELECTION_COL } from './range';

interface Col { id: string; name: string; visible: boolean; fixed: boolean }

const read = (api: GridApi): Col[] => api.getColumns()?.filter((c) => c.getColId() !== SELECTION_COL).map((c) => ({
  id: c.getColId(), name: c.getColDef().headerName ?? c.getColId(), visible: c.isVisible(), fixed: !!c.getColDef().pinned,
})) ?? [];

export function ColumnChooser({ api }: { api(): GridApi | null }) {
  const [open, setOpen] = useState(false);
  const [cols, setCols] = useState<Col[]>([]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const a = api();
    if (a) setCols(read(a));
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (ids: string[], visible: boolean) => {
    const a = api();
    if (!a) return;
    a.setColumnsVisible(ids, visible);
    setCols(read(a));
  };
  const hidden = cols.filter((c) => !c.visible).length;
  return (
    <div className="multi col-chooser" ref={ref} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(false); } }}>
      <button type="button" aria-haspopup="listbox" aria-expanded={open} aria-label="选择显示的列" title="选择表格显示哪些列"
        className={hidden ? 'on' : ''} onClick={() => setOpen(!open)}>列{hidden ? `(隐藏 ${hidden})` : ''} ▾</button>
      {open && (
        <div className="multi-pop col-pop" role="listbox" aria-label="显示的列" aria-multiselectable>
          {cols.map((c) => (
            <label key={c.id} className="multi-item" title={c.fixed ? '固定显示' : undefined}>
              <input type="checkbox" checked={c.visible} disabled={c.fixed} onChange={(e) => set([c.id], e.target.checked)} />{c.name}
            </label>
          ))}
          {hidden > 0 && <button type="button" className="link" onClick={() => set(cols.map((c) => c.id), true)}>恢复默认(全部显示)</button>}
        </div>
      )}
    </div>
  );
}
