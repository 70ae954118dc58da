// Pure pieces the window shows values with: 目标值 as the plan writes it (contract/notation.ts), the search words marked
// in a text, and dates typed or shown as YYYY-MM-DD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targetNotation, milestonesCell, milestoneLines } from '../../contract/notation';
import { searchTerms, pieces, fromFirstHit } from '../../renderer/src/state/highlight';
import { maskDay, normalizeDay, parseDay, dateTime } from '../../renderer/src/dates';

const m = (value: string, qualifier = '', cumulative = false) => ({ year: 2025, value, qualifier, cumulative });

test('目标值 keeps the plan\'s qualifiers and period totals, written once', () => {
  assert.equal(targetNotation(m('16', '左右')), '16左右');
  assert.equal(targetNotation(m('200', '', true)), '[200]');
  assert.equal(targetNotation(m('[15]', '', true)), '[15]', 'brackets already written are not doubled');
  assert.equal(targetNotation(m('800', '超过')), '超过800', 'a qualifier written before the figure');
  assert.equal(targetNotation(m('98以上', '以上')), '98以上', 'the value already carries it');
  assert.equal(targetNotation(m('≥40')), '≥40');
  assert.equal(targetNotation(m('＞40')), '＞40', 'a full-width sign counts as a qualifier of its own');
  assert.equal(targetNotation(m('200', '', true), '亿元'), '累计200亿元', 'in running text, with the unit');
  assert.equal(targetNotation(m('3.0', '以上'), '%'), '3.0%以上');
  assert.equal(targetNotation(m('')), '');
  assert.equal(milestonesCell([m('16', '左右')]), '16左右');
  assert.equal(milestonesCell([{ ...m('1200'), year: 2022 }, m('1500', '以上')]), '2022年 1200;2025年 1500以上');
  assert.equal(milestoneLines([{ ...m('1200'), year: 2022 }, m('1500', '以上')]), '2022年：1200\n2025年：1500以上');
});

test('the search words are marked wherever they stand, the longest first, case aside', () => {
  assert.deepEqual(searchTerms('氢能 产业,园区  '), ['氢能', '产业', '园区']);
  assert.deepEqual(searchTerms('5G 5g基站'), ['5g基站', '5g']);
  assert.deepEqual(pieces('发展氢能产业,氢能', ['氢能']), [
    { text: '发展', hit: false }, { text: '氢能', hit: true }, { text: '产业,', hit: false }, { text: '氢能', hit: true },
  ]);
  assert.deepEqual(pieces('5G基站', ['5g基站', '5g']), [{ text: '5G基站', hit: true }]);
  assert.deepEqual(pieces('没有', ['氢能']), [{ text: '没有', hit: false }]);
});

test('a long text on one line is shown from a little before its first match', () => {
  const text = '截至评估时点,已完成年度投资计划的62%,引进龙头企业3家';
  assert.equal(fromFirstHit(text, ['龙头企业']), '…62%,引进龙头企业3家');
  assert.equal(fromFirstHit(text, ['62%', '评估']), text, 'a match near the start: shown as it is');
  assert.equal(fromFirstHit(text, ['园区']), text, 'no match');
  assert.equal(fromFirstHit(text, []), text);
});

test('dates are typed and shown as YYYY-MM-DD whatever the locale', () => {
  assert.equal(maskDay('2023'), '2023');
  assert.equal(maskDay('202306'), '2023-06');
  assert.equal(maskDay('20230630'), '2023-06-30');
  assert.equal(maskDay('2023-06-3'), '2023-06-3');
  assert.equal(maskDay('2023/6'), '2023/6', 'another separator is left for normalizeDay');
  assert.equal(normalizeDay('2023/6/30'), '2023-06-30');
  assert.equal(normalizeDay('2023年6月3日'), '2023-06-03');
  assert.equal(normalizeDay('２０２３.６.３０'), '2023-06-30');
  assert.equal(normalizeDay('2023-02-30'), '2023-02-30', 'a day that does not exist is left as typed, for the service to refuse');
  assert.equal(parseDay('2023-02-30'), null);
  assert.equal(parseDay('2024-02-29')?.getDate(), 29);
  assert.match(dateTime('2025-06-30T02:05:09.000Z', true), /^2025-06-30 \d{2}:05:09$/);
  assert.equal(dateTime('garbage'), 'garbage');
});
