// Copy and paste arrive as the browser's clipboard events while focus is on a cell of this grid (not in an editor):
// the range goes out as TSV and a TSV block from Excel comes in, as one paste action.
import { useEffect, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { copyRange, pasteText, type Ctx } from './commands';
import { inEditor } from './useGridKeys';
import { toast } from '../toast';

export function useClipboard<T extends { id: string }>(host: RefObject<HTMLDivElement | null>, api: () => GridApi | null, ctx: () => Ctx<T>): void {
  useEffect(() => {
    const ours = () => {
      const el = document.activeElement;
      const a = api();
      return !!a && !!host.current?.contains(el) && !inEditor(el) && !a.getEditingCells().length;
    };
    const onCopy = (e: ClipboardEvent) => {
      if (!ours()) return;
      const out = copyRange(ctx());
      if (!out) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', out.text);
      toast(`已复制 ${out.rows} 行 × ${out.cols} 列`);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!ours()) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (text) void pasteText(ctx(), text);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => { document.removeEventListener('copy', onCopy); document.removeEventListener('paste', onPaste); };
  });
}
