// A target value is written once, in the plan's own notation, whether the document's text already carries its
// qualifier or brackets or the importer kept them apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targetNotation, milestoneLines } from '../../contract/notation';
import { milestoneCell } from '../../core/report/sheets';

const m = (value: string, qualifier = '', cumulative = false) => ({ value, qualifier, cumulative });

test('a value that already holds its qualifier or brackets is written as it stands', () => {
  assert.equal(targetNotation(m('98以上', '以上')), '98以上');
  assert.equal(targetNotation(m('5.5以内', '以内')), '5.5以内');
  assert.equal(targetNotation(m('[200]', '', true)), '[200]');
  assert.equal(targetNotation(m('〔200〕', '', true)), '〔200〕');
  assert.equal(targetNotation(m('>40.0', '>')), '>40.0');
  assert.equal(targetNotation(m('≥40%', '≥')), '≥40%');
  assert.equal(targetNotation(m('超过800', '超过')), '超过800');
  assert.equal(targetNotation(m('累计500', '', true)), '累计500');
  assert.equal(targetNotation(m('市级下达')), '市级下达');
});

test('parts kept apart are put together in the order a plan writes them', () => {
  assert.equal(targetNotation(m('800', '超过')), '超过800');
  assert.equal(targetNotation(m('98', '以上')), '98以上');
  assert.equal(targetNotation(m('15', '左右')), '15左右');
  assert.equal(targetNotation(m('200', '', true)), '[200]');
  assert.equal(targetNotation(m('500', '以上', true)), '[500]以上');
  assert.equal(targetNotation(m('40', '≥')), '≥40');
  assert.equal(targetNotation(m('1300')), '1300');
  assert.equal(targetNotation(m('')), '');
});

test('in running text the unit follows the figure and a period total is said in words', () => {
  assert.equal(targetNotation(m('1300', '以上'), '亿元'), '1300亿元以上');
  assert.equal(targetNotation(m('98以上', '以上'), '%'), '98%以上');
  assert.equal(targetNotation(m('200', '', true), '亿元'), '累计200亿元');
  assert.equal(targetNotation(m('[200]', '', true), '亿元'), '[200]亿元');
  assert.equal(targetNotation(m('≥40%', '≥'), '%'), '≥40%');
  assert.equal(targetNotation(m('800', '超过'), '家'), '超过800家');
  assert.equal(milestoneLines([{ year: 2022, ...m('1200') }, { year: 2025, ...m('1500', '以上') }]), '2022年：1200\n2025年：1500以上');
});

test('the report cell: a plain figure as a number, anything else as the text written once', () => {
  assert.deepEqual(milestoneCell({ year: 2025, ...m('1500') }), { value: 1500, numFmt: '#,##0' });
  assert.equal(milestoneCell({ year: 2025, ...m('98以上', '以上') }), '98以上');
  assert.equal(milestoneCell({ year: 2025, ...m('13.5', '', true) }), '[13.5]');
  assert.equal(milestoneCell(undefined), null);
});
