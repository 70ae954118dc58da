// The bars around a grid: above it the bulk setting of the checked (or selected) rows, the column chooser, rows that
// grow to their text, and a hint of the keys; below it the status bar with rows shown of all, rows still loading, rows
// checked and the size of the cell range.
import type { ReactNode } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { GridSpec } from './spec';
import { ColumnChooser } from './ColumnChooser';
import type { RangeSize } from './useRange';
import { bulkSet } from '../state/changes';
import { toast, toastError } from '../toast';

export function BulkBar<T extends { id: string }>({ spec, roundId, targetIds, api, grow, onGrow, children }: {
  spec: GridSpec<T>; roundId: number; targetIds(): string[]; api(): GridApi | null; grow: boolean; onGrow(g: boolean): void; children?: ReactNode;
}) {
  const apply = async (value: string) => {
    if (!spec.bulk || !value) return;
    const ids = targetIds();
    if (!ids.length) { toast('请先勾选行,或在表格中选中一些单元格', 'error'); return; }
    try {
      const n = await bulkSet(spec.entity, roundId, ids, spec.bulk.field, value);
      toast(`已将 ${ids.length} 行的${spec.bulk.label}设为「${value}」(改动 ${n} 行)`, 'success');
    } catch (e) { toastError(e); }
  };
  return (
    <div className="grid-bar">
      {spec.bulk && (
        <label className="field bulk">
          <span>批量设置{spec.bulk.label}</span>
          <select aria-label={`批量设置${spec.bulk.label}`} value="" onChange={(e) => void apply(e.target.value)}>
            <option value="">应用到选中行…</option>
            {spec.bulk.options.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
      )}
      <ColumnChooser api={api} />
      <label className="field check" title="行高随内容增加,显示全部文字">
        <input type="checkbox" checked={grow} onChange={(e) => onGrow(e.target.checked)} />
        <span>显示全文</span>
      </label>
      <span className="hint" title="Shift+方向键或 Shift+点击选区 · Ctrl+C/V 复制粘贴 · Ctrl+D 向下填充 · Ctrl+Z/Y 撤销重做 · F2 编辑 · F6 切换窗格 · Ctrl+F 搜索">
        Shift+方向键选区 · Ctrl+C/V 复制粘贴 · Ctrl+D 向下填充 · Ctrl+Z/Y 撤销重做 · F6 切换窗格
      </span>
      {children}
    </div>
  );
}

export function StatusBar({ noun, shown, total, loaded, checked, range, grouping }: {
  noun: string; shown: number; total: number | null; loaded: number; checked: number; range: RangeSize; grouping: boolean;
}) {
  const cells = range.rows * range.cols;
  return (
    <footer className="status-bar" aria-label="状态栏">
      <span>显示 {shown} / 共 {total ?? loaded} {noun}{total != null && loaded < total ? `(正在载入 ${loaded}…)` : ''}</span>
      <span>已勾选 {checked} 行</span>
      <span>选区 {range.rows} 行 × {range.cols} 列{cells > 1 ? `(${cells} 个单元格)` : ''}</span>
      {grouping && <span>按规划与章节分组</span>}
    </footer>
  );
}
