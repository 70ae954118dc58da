// What surrounds a table in text: the caption above it ("表1 主要指标") and the 备注 lines under it.
import type { Block } from './blocks';
import type { RawLine } from './clean';
import { readNumber } from './numbering';

const CAPTION_MAX = 45;

/** The short line just above a table that names it ("表1 主要指标"), taken off the paragraphs. */
export function takeCaption(out: Block[]): string {
  const prev = out[out.length - 1];
  if (prev?.kind === 'text' && prev.text.length <= CAPTION_MAX && !/[。]$/.test(prev.text) && !readNumber(prev.text)?.style.startsWith('arabic')) {
    out.pop();
    return prev.text;
  }
  return '';
}

/** 备注/注 lines right under a table: they belong to it (and may say which cells are empty). */
export const isTableNote = (s: string) => /^(备注|注[:：]|注\d|说明[:：])/.test(s);

/** Reads the 备注 lines that follow a table (a note of several numbered lines included). */
export function readNote(lines: RawLine[], i: number): { note: string; next: number } {
  let k = i;
  while (k < lines.length && !lines[k]!.text) k++;
  if (k >= lines.length || !isTableNote(lines[k]!.text)) return { note: '', next: i };
  const parts = [lines[k]!.text];
  k++;
  while (k < lines.length && /^\d{1,2}[.、．]/.test(lines[k]!.text) && lines[k]!.text.length <= 120 && /[“”]|指标|数据|计算|累计|基数|不设/.test(lines[k]!.text)) parts.push(lines[k++]!.text);
  return { note: parts.join('\n'), next: k };
}

