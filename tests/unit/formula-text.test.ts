// Text that a spreadsheet could run: the Excel export judges it after the control characters it removes (so they
// cannot hide a leading =), and clipboard copies carry Excel's text mark before = + - @ (taken off when pasted back).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeFormula, cellText } from '../../core/xlsx/text';
import { toTsv, parseTsv, neutralise } from '../../renderer/src/grid/tsv';

test('a control character before = does not hide the formula from the export', () => {
  for (const s of ['\u0001=1+1', '\u0007\u0008+A1', '\u001f-cmd', '\u000b@SUM(A1)']) {
    assert.equal(looksLikeFormula(s), true, JSON.stringify(s));
    assert.match(cellText(s), /^[=+\-@]/, 'the written text starts with the formula mark');
  }
  assert.equal(looksLikeFormula('完成\u0001=1'), false);
  assert.equal(looksLikeFormula('1+1'), false);
});

test('copies for the clipboard neutralise = + - @ as the Excel export does, numbers stay numbers', () => {
  assert.equal(neutralise('=1+1'), "'=1+1");
  assert.equal(neutralise('+A1'), "'+A1");
  assert.equal(neutralise('-cmd|" /C calc"!A0'), `'-cmd|" /C calc"!A0`);
  assert.equal(neutralise('@SUM(A1:A9)'), "'@SUM(A1:A9)");
  assert.equal(neutralise('\u0001=1'), "'\u0001=1");
  for (const n of ['-5', '+3', '-0.5', '12.5%', '序时推进', '']) assert.equal(neutralise(n), n);
  const rows = [['=HYPERLINK("http://x","点击")', '-5', '普通文字'], ['+A1', '@a', 'a\tb "c"']];
  const text = toTsv(rows);
  assert.ok(!/(^|\t|\n)[=+@]/.test(text), text);
  assert.deepEqual(parseTsv(text), rows, 'pasted back into the grid, the values are what was copied');
});
