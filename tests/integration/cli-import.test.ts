// The command line's import: a file that yields nothing is refused with its reason and the database stays as it was
// (exit code 1); when anything is imported the command says what it did, lists the files it refused, and exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { tempDir } from '../helpers/db';

const root = path.resolve(__dirname, '..', '..');
const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
const counts = async (file: string) => {
  const db = await openDatabase(file);
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const out = { plans: n('plans'), tasks: n('tasks'), targets: n('targets'), actions: n('actions'), deadline: db.prepare("SELECT deadline FROM tasks WHERE title LIKE '%加氢站%'").pluck().get() };
  db.close();
  return out;
};

const PLAN = `某区氢能产业发展行动方案(2024—2026年)
一、重点任务
1.建设加氢站。新建加氢站3座。(2025年底前;区发展改革委牵头,区交通局配合)
2.培育氢能企业。引进氢能企业10家。(长期坚持;责任单位:区经济信息委)
`;

test('import exits non-zero only when nothing changed, and prints what it did otherwise', async () => {
  const dir = tempDir();
  const dbFile = path.join(dir, 'plans.db');
  (await openDatabase(dbFile)).close();
  const empty = await counts(dbFile);
  const prose = path.join(dir, '会议纪要.txt');
  fs.writeFileSync(prose, '会议听取了有关情况汇报,大家一致认为工作推进有力,下一步要继续抓好落实。\n');
  const good = path.join(dir, '氢能行动方案.txt');
  fs.writeFileSync(good, PLAN);

  const refused = cli(['import', '--db', dbFile, prose]);
  assert.equal(refused.status, 1, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /会议纪要\.txt.*没有识别出任何任务或指标/);
  assert.match(refused.stderr, /数据库未改变/);
  assert.deepEqual(await counts(dbFile), empty, 'nothing written');

  const mixed = cli(['import', '--db', dbFile, prose, good]);
  assert.equal(mixed.status, 0, mixed.stdout + mixed.stderr);
  assert.match(mixed.stderr, /会议纪要\.txt/);
  assert.match(mixed.stdout, /新增 某区氢能产业发展行动方案\(2024—2026年\):2 项任务,2 个指标/);
  assert.match(mixed.stdout, /已导入 1 个规划\(新增 1,更新 0\)/);
  const after = await counts(dbFile);
  assert.deepEqual([after.plans, after.tasks, after.targets, after.deadline], [1, 2, 2, '2025-12-31']);

  const again = cli(['import', '--db', dbFile, good]);
  assert.equal(again.status, 0, again.stdout + again.stderr);
  assert.match(again.stdout, /更新 某区氢能产业发展行动方案/);
  assert.equal((await counts(dbFile)).plans, 1);
  fs.rmSync(dir, { recursive: true, force: true });
});
