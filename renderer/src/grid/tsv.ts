// Tab-separated text as Excel writes and reads it on the clipboard: quoted fields may hold tabs, quotes and line breaks.
// Text that Excel would run as a formula (= + - @ first) goes out with Excel's text mark ' before it, as the Excel
// export keeps it text; plain numbers (-5, +3.2%) stay numbers. The mark is taken off again when pasted back here.

// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[\u0000-\u0008\u000b\u000c\u000e-\u001f]*[=+\-@]/;
const NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/** A value as it may go onto the clipboard for Excel: never a formula. */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

export function toTsv(rows: string[][]): string {
  const cell = (raw: string) => {
    const s = neutralise(raw);
    return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join('\t')).join('\r\n');
}

/** A pasted value with the text mark of a neutralised formula taken off ("'=A1" is the text "=A1"). */
const unmark = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);

export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === '\t') { row.push(unmark(field)); field = ''; i++; continue; }
    if (ch === '\r' || ch === '\n') {
      row.push(unmark(field)); rows.push(row); row = []; field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch; i++;
  }
  if (field !== '' || row.length) { row.push(unmark(field)); rows.push(row); }
  return rows;
}
