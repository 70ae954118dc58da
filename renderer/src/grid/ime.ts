// Typing Chinese into a cell that is not yet editing. AG Grid only starts an editor for printable keys, so an input
// method's first keystroke (key "Process") would go to the cell and be lost. On that keydown a text box is put over the
// cell and focused at once, before the composition starts; the input method composes in it, and Enter, Tab or leaving
// the box saves the text through the same path as any other edit. Esc discards it.

export type ImeMove = 'down' | 'right' | 'stay';

export const isImeKey = (e: KeyboardEvent) => e.key === 'Process' || e.keyCode === 229;

export function captureComposition(host: HTMLElement, cell: HTMLElement, done: (text: string | null, move: ImeMove) => void): HTMLTextAreaElement {
  const box = document.createElement('textarea');
  box.className = 'pr-ime-editor';
  box.setAttribute('aria-label', '输入单元格内容');
  const h = host.getBoundingClientRect();
  const c = cell.getBoundingClientRect();
  Object.assign(box.style, {
    left: `${c.left - h.left}px`, top: `${c.top - h.top}px`, width: `${Math.max(c.width, 160)}px`, height: `${Math.max(c.height, 34)}px`,
  });
  let finished = false;
  const finish = (text: string | null, move: ImeMove) => {
    if (finished) return;
    finished = true;
    box.remove();
    done(text, move);
  };
  box.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter' && !e.altKey) { e.preventDefault(); finish(box.value, 'down'); }
    else if (e.key === 'Tab') { e.preventDefault(); finish(box.value, 'right'); }
    else if (e.key === 'Escape') { e.preventDefault(); finish(null, 'stay'); }
  });
  box.addEventListener('blur', () => finish(box.value, 'stay'));
  host.appendChild(box);
  box.focus();
  return box;
}
