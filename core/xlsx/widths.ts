// Column widths of a table from the text of its rows: measured over a first pass, narrowed to the printed page or
// widened into the room a narrow table leaves, in column units (a wide character is two units of display width).
import { displayWidth, widestLine } from './text';
import type { CellInput, ColumnSpec } from './table';

/**
 * Column units for a display width (a wide character is two), and the display width a column holds on a line. Excel
 * gives a column unit 7 px and a wide character of 11 pt 14.7 px, so a column holds about 0.95 units of display width
 * per unit after the cell padding; 0.92 less half a unit leaves room for a character pushed to the next line by the
 * line-breaking rules (LibreOffice's columns are wider still).
 */
export const unitsFor = (w: number): number => Math.ceil((w + 0.5) / 0.92);
export const textRoom = (units: number): number => Math.max(2, units * 0.92 - 0.5);

function shown(v: CellInput): string {
  if (v == null) return '';
  if (typeof v === 'object') {
    if (v.numFmt.endsWith('%')) return `${(v.value * 100).toFixed(2)}%`;
    const digits = String(v.value);
    return digits + ' '.repeat(Math.floor(digits.length / 3) + 1);
  }
  return typeof v === 'number' ? String(v) : v;
}

/** Rows whose every cell is measured: enough to tell how wide and how much text each column holds. */
const SAMPLE = 2000;

/** Collects the widest text of every column over a first pass, then fixes the widths. */
export class Layout<R> {
  private maxWidth: number[];
  /** The text width from which a column is as wide as it may get: past it (and the sample), its rows need no more measuring. */
  private full: number[];
  /** Whether any row measured has a value in the column. */
  private filled: boolean[];
  /** The widest line and the display width of text per column, over the sampled rows. */
  private sampleWidest: number[];
  private mass: number[];
  private sampled = 0;
  constructor(readonly columns: ColumnSpec<R>[]) {
    this.maxWidth = columns.map((c) => Math.min(displayWidth(c.header), 8));
    this.full = columns.map((c) => textRoom(c.max ?? 40));
    this.filled = columns.map(() => false);
    this.sampleWidest = [...this.maxWidth];
    this.mass = columns.map(() => 0);
  }
  measure(r: R): void {
    const sample = this.sampled++ < SAMPLE;
    for (let i = 0; i < this.columns.length; i++) {
      if (!sample && this.maxWidth[i] >= this.full[i] && this.filled[i]) continue;
      const text = shown(this.columns[i].value(r));
      if (!text) continue;
      this.filled[i] = true;
      const w = widestLine(text);
      if (w > this.maxWidth[i]) this.maxWidth[i] = w;
      if (sample) {
        if (w > this.sampleWidest[i]) this.sampleWidest[i] = w;
        this.mass[i] += text.includes('\n') ? displayWidth(text) : w;
      }
    }
  }
  widths(): number[] {
    return this.columns.map((c, i) => {
      const units = unitsFor(this.maxWidth[i]);
      return Math.max(c.min ?? 6, Math.min(c.max ?? 40, units));
    });
  }
  /**
   * What fitWidths needs to share out the room a narrow table leaves: the width at which each column's sampled texts
   * fit on one line (at most 60 units), and how much text it holds.
   */
  growth(): Growth {
    return {
      wanted: this.columns.map((c, i) => Math.max(c.min ?? 6, Math.min(60, unitsFor(this.sampleWidest[i])))),
      mass: [...this.mass],
    };
  }
  /** The columns to print: those marked to keep and those some row has a value in. */
  used(): boolean[] {
    return this.columns.map((c, i) => !!c.keep || this.filled[i]);
  }
}

export interface Growth { wanted: number[]; mass: number[] }

/**
 * Narrows the columns to `budget` units, taking from each the share of its room above its minimum; null when even
 * every column at its minimum is wider. A table narrower than the page shares the room left among the columns whose
 * text wraps (`grow`), in proportion to how much text each holds, so their rows take about as many lines in each.
 */
export function fitWidths<R>(columns: ColumnSpec<R>[], widths: number[], budget: number, grow?: Growth): number[] | null {
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= budget) return grow ? widen(widths, grow, budget) : widths;
  const mins = columns.map((c, i) => Math.min(widths[i], c.min ?? 6));
  const room = widths.reduce((a, w, i) => a + (w - mins[i]), 0);
  const floor = total - room;
  if (floor > budget) return null;
  const share = (budget - floor) / room;
  return widths.map((w, i) => Math.floor((mins[i] + (w - mins[i]) * share) * 4) / 4);
}

/**
 * The wrapping columns widened to `budget` together: each to a width in proportion to its text, never below its
 * width now nor above the width it wants; those a bound holds leave the rest to the others.
 */
function widen(widths: number[], grow: Growth, budget: number): number[] {
  const out = [...widths];
  let open = widths.map((_, i) => i).filter((i) => grow.wanted[i] > widths[i] && grow.mass[i] > 0);
  for (let settled = false; open.length && !settled;) {
    const rest = budget - out.reduce((a, w, i) => a + (open.includes(i) ? 0 : w), 0);
    const mass = open.reduce((a, i) => a + grow.mass[i], 0);
    const want = (i: number) => (rest * grow.mass[i]) / mass;
    const held = open.filter((i) => want(i) < widths[i] || want(i) > grow.wanted[i]);
    for (const i of held) out[i] = want(i) < widths[i] ? widths[i] : grow.wanted[i];
    if (held.length) open = open.filter((i) => !held.includes(i));
    else {
      for (const i of open) out[i] = Math.floor(want(i) * 4) / 4;
      settled = true;
    }
  }
  return out;
}

