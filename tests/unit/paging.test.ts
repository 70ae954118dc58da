// The grids' paging (renderer/src/grid/pages.ts) driven with its own clock: pages in order, none while a cell is edited,
// nothing after the filters change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPages, PAINT_PAUSE_MS, type PagedLoad } from '../../renderer/src/grid/pages';

function rig(total: number, opts: { editingFor?: number; staleAfter?: number } = {}) {
  const asked: { offset: number; limit: number; editing: boolean }[] = [];
  const shown: number[] = [];
  const sleeps: number[] = [];
  let editing = false;
  let stale = false;
  const p: PagedLoad<number> = {
    load: async ({ offset, limit }) => {
      asked.push({ offset, limit, editing });
      if (opts.staleAfter != null && asked.length > opts.staleAfter) stale = true;
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
      return { rows, total };
    },
    first: (page) => {
      shown.push(...page.rows);
      if (opts.editingFor) editing = true; // the user opens a cell editor as soon as the rows are there
    },
    more: (rows) => shown.push(...rows),
    editing: () => editing,
    stale: () => stale,
    sleep: async (ms) => {
      sleeps.push(ms);
      if (editing && sleeps.filter((s) => s === 100).length >= (opts.editingFor ?? 0)) editing = false;
    },
  };
  return { p, asked, shown, sleeps };
}

test('a large set loads page by page in order after a pause for the first page to paint', async () => {
  const r = rig(25);
  await loadPages(r.p, 4, 10);
  assert.deepEqual(r.asked.map((a) => [a.offset, a.limit]), [[0, 4], [4, 10], [14, 10], [24, 10]]);
  assert.deepEqual(r.shown, Array.from({ length: 25 }, (_, i) => i));
  assert.deepEqual(r.sleeps, [PAINT_PAUSE_MS]);
});

test('a set within the first page asks once and does not pause', async () => {
  const r = rig(3);
  await loadPages(r.p, 4, 10);
  assert.deepEqual(r.asked.map((a) => a.offset), [0]);
  assert.deepEqual(r.sleeps, []);
});

test('no page is asked for while a cell editor is open; loading goes on once it closes', async () => {
  const r = rig(25, { editingFor: 5 });
  await loadPages(r.p, 4, 10);
  assert.deepEqual(r.asked.filter((a) => a.editing), [], 'nothing asked while editing');
  assert.equal(r.sleeps.filter((s) => s === 100).length, 5, 'it waited while the editor was open');
  assert.deepEqual(r.shown.length, 25);
});

test('a change of filters stops the loading', async () => {
  const r = rig(25, { staleAfter: 1 });
  await loadPages(r.p, 4, 10);
  assert.deepEqual(r.asked.map((a) => a.offset), [0, 4]);
  assert.deepEqual(r.shown, [0, 1, 2, 3], 'the page that arrived after the change is dropped');
});

test('the first page of a new set waits while a cell editor is open, and is shown once it closes', async () => {
  const r = rig(3);
  let open = 3;
  let shownWhileOpen = false;
  r.p.holdFirst = () => open > 0;
  r.p.first = (page) => { shownWhileOpen ||= open > 0; r.shown.push(...page.rows); };
  r.p.sleep = async (ms) => { r.sleeps.push(ms); open--; };
  await loadPages(r.p, 4, 10);
  assert.equal(shownWhileOpen, false);
  assert.deepEqual(r.shown, [0, 1, 2]);
  assert.deepEqual(r.sleeps, [100, 100, 100]);
});

test('a first page held while the filters change again is never shown', async () => {
  const r = rig(3);
  let stale = false;
  r.p.holdFirst = () => true;
  r.p.stale = () => stale;
  r.p.sleep = async () => { stale = true; };
  await loadPages(r.p, 4, 10);
  assert.deepEqual(r.shown, []);
});
