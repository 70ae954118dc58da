// The grid's held row lists after an edit (renderer/src/grid/held.ts): fresh rows take the place of the rows with
// their ids, other rows and other lists stay as they were, and a list whose rows were moved is still right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replaceById } from '../../renderer/src/grid/held';

const rows = (n: number, v = 'old') => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, v }));

test('fresh rows replace the rows with their ids where they stand, and nothing else', () => {
  const list = rows(100_000);
  const before = list.slice();
  replaceById(list, new Map([['t5', { id: 't5', v: 'new' }], ['t99999', { id: 't99999', v: 'new' }], ['gone', { id: 'gone', v: 'new' }]]));
  assert.equal(list.length, 100_000);
  assert.deepEqual(list[5], { id: 't5', v: 'new' });
  assert.deepEqual(list[99_999], { id: 't99999', v: 'new' });
  assert.equal(list.filter((r, i) => r !== before[i]).length, 2);
  assert.ok(!list.some((r) => r.id === 'gone'));

  // A second edit on the same list, and one on another list with the same ids.
  replaceById(list, new Map([['t5', { id: 't5', v: 'newer' }]]));
  assert.equal(list[5].v, 'newer');
  const other = rows(10);
  replaceById(other, new Map([['t5', { id: 't5', v: 'other' }]]));
  assert.equal(other[5].v, 'other');
  assert.equal(list[5].v, 'newer');
});

test('a list whose rows were moved after it was first seen still gets each row in the right place', () => {
  const list = rows(10);
  replaceById(list, new Map([['t1', { id: 't1', v: 'a' }]]));
  list.reverse();
  replaceById(list, new Map([['t1', { id: 't1', v: 'b' }], ['t9', { id: 't9', v: 'c' }]]));
  assert.deepEqual(list.map((r) => `${r.id}:${r.v}`), ['t9:c', 't8:old', 't7:old', 't6:old', 't5:old', 't4:old', 't3:old', 't2:old', 't1:b', 't0:old']);
});
