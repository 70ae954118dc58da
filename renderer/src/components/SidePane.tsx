// A side pane of the window (the plan tree, the detail panel): a title bar with a button that folds it to a narrow
// strip (and opens it again), and for a pane that may be widened a splitter on its inner edge, dragged with the mouse
// or moved with ←/→ when focused. The pane itself takes the focus F6 gives it.
import { useRef, type ReactNode } from 'react';

interface Props {
  side: 'left' | 'right'; title: string; open: boolean; onOpen(open: boolean): void; children: ReactNode;
  width: number; onWidth?(w: number): void; min?: number; max?: number; paneRef?: React.Ref<HTMLElement>; className?: string;
}

export function SidePane({ side, title, open, onOpen, children, width, onWidth, min = 200, max = 700, paneRef, className }: Props) {
  const drag = useRef<{ x: number; w: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(max, Math.max(min, w)));
  const fold = side === 'left' ? (open ? '«' : '»') : (open ? '»' : '«');
  if (!open) {
    return (
      <aside className={`pane pane-${side} folded`} aria-label={title} ref={paneRef}>
        <button type="button" className="pane-rail" onClick={() => onOpen(true)} aria-expanded={false} aria-label={`展开${title}`} title={`展开${title}`}>
          <span aria-hidden>{fold}</span><span className="pane-rail-text">{title}</span>
        </button>
      </aside>
    );
  }
  return (
    <aside className={`pane pane-${side} ${className ?? ''}`} aria-label={title} style={{ width }} ref={paneRef} tabIndex={-1}>
      {onWidth && (
        <div className="pane-splitter" role="separator" aria-orientation="vertical" aria-label={`调整${title}宽度`} tabIndex={0}
          aria-valuenow={width} aria-valuemin={min} aria-valuemax={max}
          onPointerDown={(e) => { drag.current = { x: e.clientX, w: width }; e.currentTarget.setPointerCapture(e.pointerId); e.preventDefault(); }}
          onPointerMove={(e) => { const d = drag.current; if (d) onWidth(clamp(d.w + (side === 'right' ? d.x - e.clientX : e.clientX - d.x))); }}
          onPointerUp={() => { drag.current = null; }}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowLeft' ? 1 : e.key === 'ArrowRight' ? -1 : 0;
            if (step) { e.preventDefault(); onWidth(clamp(width + (side === 'right' ? step : -step) * 20)); }
          }} />
      )}
      <div className="pane-head">
        <span className="pane-title">{title}</span>
        <button type="button" className="pane-fold" onClick={() => onOpen(false)} aria-expanded aria-label={`收起${title}`} title={`收起${title}`}>{fold}</button>
      </div>
      <div className="pane-body">{children}</div>
    </aside>
  );
}
