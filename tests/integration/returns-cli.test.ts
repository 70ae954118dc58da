// The returns board on the command line: `returns-status` prints who was issued a workbook, who has returned it (when,
// who filled it in), what waits for review and who is late; `export-reminders` writes the 催报 list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { call } from '../../core/dispatch';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import { fileIn } from '../helpers/files';
import { exportReturn, openBook, put, putContacts, saveAs } from '../helpers/returns';

const ROOT = path.resolve(__dirname, '..', '..');
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('returns-status prints the board of a round, export-reminders writes the units not returned', async () => {
  const f = makeFixture();
  try {
    await call(f.ctx, 'returns.setDue', { roundId: f.roundId, due: '2023-07-10' });
    const gx = await exportReturn(f.ctx, f.roundId, UNITS.GX, path.join(f.dir, 'out'));
    const kj = await exportReturn(f.ctx, f.roundId, UNITS.KJ, path.join(f.dir, 'out'));
    const wb = await openBook(gx);
    putContacts(wb, { filler: '张明', phone: '023-63891234', reviewer: '王建国', filledOn: '2023-07-08' });
    put(wb, '重点任务', 't-3', '进展情况', '全部年度目标已完成,通过验收。');
    await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, await saveAs(wb, gx, '回收'))] });
    f.db.close();

    const r = cli('returns-status', '--db', f.file, '--round', '2023年中期评估');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^2023年中期评估\(截至 2023-06-30\):报送截止 2023-07-10.*已下发 2,已回收 1\(逾期报送 0\),逾期未报 1,待审核 1/);
    assert.match(lines[2], /^单位\s+任务\/指标\s+下发\s+回收\s+填报人\s+联系电话\s+改动行\s+待审核\s+已采纳\s+状态$/);
    const row = (unit: string) => lines.find((l) => l.startsWith(unit)) ?? '';
    assert.match(row(UNITS.GX), /6\/3\s+\d{4}-\d{2}-\d{2}\s+2023-07-08\s+张明\s+023-63891234\s+1\s+1\s+0\s+待审核$/);
    assert.match(row(UNITS.KJ), /—\s+—\s+—\s+0\s+0\s+0\s+逾期未报,已逾期 \d+ 天$/);
    assert.match(row(UNITS.TJ), /未下发$/);

    const out = path.join(f.dir, '催报.xlsx');
    const x = cli('export-reminders', '--db', f.file, '--out', out);
    assert.equal(x.status, 0, x.stderr);
    assert.match(x.stdout, /1 个未报送单位/);
    assert.ok(fs.statSync(out).size > 3000);
    // Taken in on the command line: the lead's rows go in, a sharing unit's text stays its input.
    const kwb = await openBook(kj);
    putContacts(kwb, { filler: '赵敏', phone: '023-61112222', reviewer: '钱进', filledOn: '2023-07-09' });
    put(kwb, '重点任务', 'k-1', '进展情况', '科学中心完成选址。');
    put(kwb, '重点任务', 't-1', '进展情况', '科技局配合引进研发机构。');
    const imported = cli('import-returns', '--db', f.file, await saveAs(kwb, kj, '回收'));
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /已导入 1 行、1 个单元格/);
    assert.match(imported.stdout, /责任单位填报的 1 行已作为单位填报保存/);
    const after = cli('returns-status', '--db', f.file);
    assert.match(after.stdout.split('\n').find((l) => l.startsWith(UNITS.KJ)) ?? '', /2023-07-09\s+赵敏\s+023-61112222\s+2\s+0\s+1\s+已采纳$/);
    const bad = cli('returns-status', '--db', f.file, '--round', '没有这一轮');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /找不到评估轮次:没有这一轮/);
  } finally {
    f.close();
  }
});
