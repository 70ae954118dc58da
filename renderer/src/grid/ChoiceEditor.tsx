// The dropdown of a choice column (评估状态, 调整结论): the choices in their palette colours, open at once under the cell.
// A press on a choice, or Enter, or its number key, saves it straight away; the grid only closes the list afterwards.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { Swatch } from '../../../contract/colors';

export interface ChoiceEditorParams { values: readonly string[]; colors: Record<string, Swatch>; blank?: string }

/** What the grid hands its editors: a way to save one cell as the grid's own edits are saved. */
export interface ChoiceContext { choose(id: string, field: string, value: string | null): Promise<unknown> | undefined }

/**
 * A choice is taken on the press; the release and click that follow would land on whatever is under the list once it
 * is gone (another cell) and move the focus there. They are kept from the page, once, for a moment.
 */
function swallowRelease(): void {
  const types = ['pointerup', 'mouseup', 'click'] as const;
  const stop = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
    if (e.type === 'click') end();
  };
  const end = () => types.forEach((t) => window.removeEventListener(t, stop, true));
  types.forEach((t) => window.addEventListener(t, stop, true));
  setTimeout(end, 1000);
}

export function ChoiceEditor(props: CustomCellEditorProps<{ id: string }, string> & ChoiceEditorParams) {
  const { values, colors, blank, value, eventKey, api, column, data } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const digit = eventKey && /^[1-9]$/.test(eventKey) ? Number(eventKey) - 1 : -1;
  const [at, setAt] = useState(() => Math.max(0, values.indexOf(value ?? '')));

  /** AG Grid's popup around the list (the list itself if there is none). */
  const popupRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    popupRef.current = listRef.current?.closest<HTMLElement>('.ag-popup-editor') ?? listRef.current;
    if (popupRef.current) popupRef.current.style.willChange = 'opacity';
    // A number key typed on the cell sets that choice at once, as typing a value into a spreadsheet cell does.
    if (digit >= 0 && digit < values.length) choose(digit, true);
    else listRef.current?.focus({ preventScroll: true });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${at}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  /**
   * Saves first, then closes. The list vanishes at once, but the grid takes the editor down only once the save is
   * answered (or after a moment): its teardown and the frame after it would otherwise hold the answer up.
   */
  const chosen = useRef(false);
  const choose = (i: number, close: boolean) => {
    const v = values[i];
    if (v === undefined || chosen.current) return;
    const saved = data ? (props.context as ChoiceContext).choose(data.id, column.getColId(), v === '' ? null : v) : undefined;
    if (!close) return;
    chosen.current = true;
    // Made see-through, not removed: the popup is a layer of its own (see the mount), so the page is not painted again
    // before the answer is in, and the release still lands on the list.
    if (popupRef.current) popupRef.current.style.opacity = '0';
    const row = props.node.rowIndex;
    let done = false;
    const takeDown = () => {
      if (done || api.isDestroyed()) return;
      done = true;
      if (api.getEditingCells().some((c) => c.rowIndex === row && c.column === column)) api.stopEditing(true);
      // The keyboard stays with the cell, as after an edit typed in it.
      if (row != null) api.setFocusedCell(row, column);
    };
    void Promise.resolve(saved).finally(takeDown);
    setTimeout(takeDown, 250);
  };

  // A native listener on the list: it runs before the grid's own one on the popup and can keep arrows from it.
  const keyRef = useRef((_: KeyboardEvent) => {});
  keyRef.current = (e: KeyboardEvent) => {
    if (chosen.current) { e.preventDefault(); e.stopPropagation(); return; }
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: values.length, PageUp: -values.length, Home: -values.length, End: values.length };
    const move = steps[e.key];
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      setAt((i) => Math.min(values.length - 1, Math.max(0, i + move)));
    } else if (e.key === 'Enter') {
      // The grid then closes the editor and moves down, as after any edit; the cell's own value is left as it was.
      choose(at, false);
    } else if (/^[1-9]$/.test(e.key) && Number(e.key) <= values.length) {
      e.preventDefault();
      e.stopPropagation();
      choose(Number(e.key) - 1, true);
    }
  };
  useEffect(() => {
    const el = listRef.current;
    const listener = (e: KeyboardEvent) => keyRef.current(e);
    el?.addEventListener('keydown', listener);
    return () => el?.removeEventListener('keydown', listener);
  }, []);

  return (
    <div ref={listRef} className="pr-choice-editor" role="listbox" tabIndex={-1} aria-label={props.colDef.headerName}
      aria-activedescendant={`pr-choice-${at}`}>
      {values.map((v, i) => {
        const c = colors[v];
        return (
          <div key={v || '∅'} id={`pr-choice-${i}`} data-index={i} role="option" aria-label={v || blank} aria-selected={i === at}
            className={`pr-choice${i === at ? ' active' : ''}${v === (value ?? '') ? ' current' : ''}`}
            onPointerMove={() => { if (i !== at) setAt(i); }}
            onPointerDown={(e) => { if (e.button === 0) { e.preventDefault(); swallowRelease(); choose(i, true); } }}>
            <span className="pr-choice-key">{i < 9 ? i + 1 : ''}</span>
            <span className="pr-choice-swatch" style={c ? { background: c.fill, color: c.text } : undefined}>{v || blank}</span>
          </div>
        );
      })}
    </div>
  );
}
