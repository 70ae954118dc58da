// The editor of a long text cell (进展情况, 存在问题, 下步打算, 备注): a box of several lines over the cell, with the count
// of characters. Enter starts a new line, Ctrl+Enter (or a click outside) saves, Esc leaves the cell as it was.
import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';

/** The grid leaves every key but Esc and Tab to an editor of ours while it is open (Enter is a new line, or picks a day). */
export const ownKeysWhileEditing = (editing: boolean, e: KeyboardEvent, otherwise: (e: KeyboardEvent) => boolean) =>
  editing ? e.key !== 'Escape' && e.key !== 'Tab' : otherwise(e);

export function TextEditor(props: CustomCellEditorProps<unknown, string>) {
  const { eventKey, onValueChange, stopEditing, column, colDef } = props;
  // A printable key that opened the editor replaces the text, as in a spreadsheet; F2, Enter or a double click keep it.
  const [text, setText] = useState(() => (eventKey && eventKey.length === 1 ? eventKey : String(props.value ?? '')));
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
    if (text !== props.value) onValueChange(text);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const width = Math.max(column.getActualWidth(), 440);
  return (
    <div className="pr-text-editor" style={{ width }}>
      <textarea ref={box} aria-label={`编辑${colDef.headerName ?? ''}`} value={text} rows={7}
        onChange={(e) => { setText(e.target.value); onValueChange(e.target.value); }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); e.stopPropagation(); stopEditing(); }
        }}
        />
      <div className="pr-text-foot">
        <span className="pr-text-count">{Array.from(text).length} 字</span>
        <span>Enter 换行 · Ctrl+Enter 保存 · Esc 取消</span>
      </div>
    </div>
  );
}
