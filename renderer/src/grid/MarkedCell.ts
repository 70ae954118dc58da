// A text cell with the words of the search marked (the grid's context holds them). A plain DOM component, not a React
// one: a city's grid draws thousands of these while it scrolls, and a text node or two costs next to nothing. A cell of
// one line shows its text from a little before the first match, so the match is not hidden past the cell's end.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { fromFirstHit, pieces } from '../state/highlight';

export interface MarkContext { terms: readonly string[] }

export class MarkedCell implements ICellRendererComp {
  private el = document.createElement('span');

  init(p: ICellRendererParams): void {
    this.el.className = 'pr-marked';
    this.fill(p);
  }

  getGui(): HTMLElement { return this.el; }

  refresh(p: ICellRendererParams): boolean {
    this.fill(p);
    return true;
  }

  private fill(p: ICellRendererParams): void {
    const terms = (p.context as MarkContext | undefined)?.terms ?? [];
    const whole = p.valueFormatted ?? (p.value == null ? '' : String(p.value));
    const text = p.colDef?.wrapText ? whole : fromFirstHit(whole, terms);
    const parts = terms.length ? pieces(text, terms) : [{ text, hit: false }];
    this.el.replaceChildren(...parts.map((x) => {
      if (!x.hit) return document.createTextNode(x.text);
      const m = document.createElement('mark');
      m.className = 'hit';
      m.textContent = x.text;
      return m;
    }));
  }
}
