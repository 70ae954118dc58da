// The parsing worker's limits: a file that takes longer than the wall-clock limit, or more memory than the worker may
// have, ends with a Chinese message naming it; the worker is replaced and the next file is read as usual.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { call } from '../../core/dispatch';
import { setParseLimits, endParseWorkers } from '../../core/files/in-worker';
import { fixtureDb } from '../helpers/db';
import { bigIndicatorTable } from '../helpers/hostile';

const upload = (name: string, data: Buffer) => ({ files: [{ name, base64: data.toString('base64') }] });
const defaults = setParseLimits({});
after(async () => { setParseLimits(defaults); await endParseWorkers(); });

test('a parse over the time limit is stopped with a message; over the memory limit likewise; then all is as before', { timeout: 180_000 }, async () => {
  const t = fixtureDb();
  try {
    const table = await bigIndicatorTable(8000);
    await endParseWorkers();
    setParseLimits({ timeoutMs: 200 });
    const slow = await call(t.ctx, 'import.preview', upload('慢.xlsx', table));
    assert.match(slow.problems.map((p) => p.message).join(), /「慢\.xlsx」在 200 毫秒内没有读完.*已停止读取/);
    setParseLimits({ timeoutMs: defaults.timeoutMs, heapMb: 24 });
    const big = await call(t.ctx, 'import.preview', upload('大.xlsx', table));
    assert.match(big.problems.map((p) => p.message).join(), /「大\.xlsx」过大或结构过于复杂.*内存上限/);
    setParseLimits(defaults);
    const fine = await call(t.ctx, 'import.preview', upload('正常.xlsx', await bigIndicatorTable(20)));
    assert.deepEqual(fine.problems, []);
    assert.equal(fine.documents[0].targetCount, 20);
  } finally {
    t.close();
  }
});
