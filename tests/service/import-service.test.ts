// Importing through the service layer: preview then commit, re-import in place, bad files refused with nothing changed,
// and the embedded seed database with every seed document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { call, dispatch } from '../../core/dispatch';
import { buildSeedDatabase } from '../../core/app-db';
import { openDatabaseSync } from '../../db/connection';
import { fixtureDb, snapshot, tempDir } from '../helpers/db';
import { fileIn } from '../helpers/files';

const PLAN = `某区数字经济发展三年行动方案(2024—2026年)
一、发展目标
到2026年,数字经济核心产业增加值达到500亿元。
二、重点任务
(一)建设新型基础设施。加快5G网络建设,新建基站2000个。(责任单位:区经济信息委、区通信办)
(二)培育氢能产业。建设加氢站3座,引进氢能企业10家。(责任单位:区发展改革委)
三、保障措施
(一)加强组织领导。建立工作推进机制。(责任单位:区政府办公室)
`;

test('a plan text is previewed, then committed; importing it again updates it in place and keeps the evaluations', async () => {
  const t = fixtureDb();
  const file = path.join(t.dir, '数字经济行动方案.txt');
  fs.writeFileSync(file, PLAN);
  const preview = await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, file)] });
  assert.equal(preview.problems.length, 0);
  assert.equal(preview.documents.length, 1);
  const doc = preview.documents[0];
  assert.equal(doc.title, '某区数字经济发展三年行动方案(2024—2026年)');
  assert.equal(doc.existing, false);
  assert.ok(doc.taskCount >= 3, `tasks: ${doc.taskCount}`);
  const before = snapshot(t.db);
  assert.equal(snapshot(t.db), before, 'a preview writes nothing');
  const r = await call(t.ctx, 'import.commit', { previewId: preview.previewId });
  assert.equal(r.added, 1);
  const planId = (t.db.prepare('SELECT id FROM plans WHERE title = ?').get(doc.title) as { id: string }).id;
  const tasks = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, planIds: [planId] })).rows;
  const h2 = tasks.find((x) => x.title.includes('氢能'))!;
  assert.deepEqual(h2.responsibleUnits, ['区发展改革委']);
  assert.equal(tasks.find((x) => x.title.includes('组织领导'))?.kind, 'safeguard');
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: h2.id, field: 'evidence', value: '已建成加氢站1座' }] });

  const again = await call(t.ctx, 'import.preview', { files: [{ name: '数字经济行动方案.txt', base64: Buffer.from(PLAN).toString('base64') }] });
  assert.equal(again.documents[0].existing, true);
  const r2 = await call(t.ctx, 'import.commit', { previewId: again.previewId });
  assert.deepEqual([r2.added, r2.updated], [0, 1]);
  assert.equal((t.db.prepare('SELECT count(*) AS n FROM plans WHERE title = ?').get(doc.title) as { n: number }).n, 1);
  assert.equal((t.db.prepare('SELECT count(*) AS n FROM tasks WHERE plan_id = ?').get(planId) as { n: number }).n, tasks.length);
  assert.equal((await call(t.ctx, 'tasks.get', { id: h2.id, roundId: t.roundId })).eval.evidence, '已建成加氢站1座');
  const backups = await call(t.ctx, 'backups.list', {});
  assert.ok(backups.some((b) => /before-import/.test(b.name)), 'a backup is taken before each import');
  t.close();
});

test('broken, empty, binary and oversized files get a clear Chinese message and change nothing', async () => {
  const t = fixtureDb();
  const before = snapshot(t.db);
  const dir = tempDir();
  const write = (name: string, data: Buffer | string) => { const p = path.join(dir, name); fs.writeFileSync(p, data); return fileIn(t.ctx, p); };
  const big = path.join(dir, '巨大.txt');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 200 * 1024 * 1024);
  const files = [
    write('空.txt', ''),
    write('乱码.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
    write('不是压缩包.docx', '这不是一个 docx 文件'),
    write('坏表格.xlsx', Buffer.from('PK\u0003\u0004broken')),
    write('坏数据.json', '{"format":"plan-review","version":1,"plans":[{"id":1}]}'),
    fileIn(t.ctx, big),
    fileIn(t.ctx, path.join(dir, '不存在.txt')),
  ];
  const r = await call(t.ctx, 'import.preview', { files });
  assert.equal(r.previewId, '');
  assert.equal(r.documents.length, 0);
  assert.equal(r.problems.length, files.length);
  for (const p of r.problems) assert.match(p.message, /[\u4e00-\u9fa5]/, `Chinese message for ${p.file}: ${p.message}`);
  assert.match(r.problems[0].message, /空/);
  assert.match(r.problems.find((p) => p.file.endsWith('巨大.txt'))!.message, /超过 50\.0 MB/);
  assert.match(r.problems.find((p) => p.file.endsWith('不存在.txt'))!.message, /找不到文件/);
  const expired = await dispatch(t.ctx, 'import.commit', { previewId: 'no-such-preview' });
  assert.equal(expired.ok, false);
  if (!expired.ok) assert.match(expired.error.message, /预览已失效/);
  assert.equal(snapshot(t.db), before);
  fs.rmSync(dir, { recursive: true, force: true });
  t.close();
});

test('the embedded default database holds every seed document, and building it twice gives the same ids', async () => {
  const dir = tempDir();
  const a = path.join(dir, 'a.db');
  const b = path.join(dir, 'b.db');
  const ra = await buildSeedDatabase(a);
  await buildSeedDatabase(b);
  assert.equal(ra.plans, 13);
  const ids = (f: string) => {
    const db = openDatabaseSync(f);
    const out = {
      plans: db.prepare('SELECT id FROM plans ORDER BY id').all(),
      tasks: db.prepare('SELECT id FROM tasks ORDER BY id').all(),
      targets: db.prepare('SELECT id FROM targets ORDER BY id').all(),
      kinds: db.prepare('SELECT kind, count(*) AS n FROM plans GROUP BY kind ORDER BY kind').all(),
      rounds: db.prepare('SELECT name, cutoff FROM rounds').all(),
    };
    db.close();
    return out;
  };
  const x = ids(a);
  assert.deepEqual(x, ids(b));
  assert.equal(x.tasks.length, ra.tasks);
  assert.equal(x.targets.length, ra.targets);
  assert.ok(ra.tasks > 300 && ra.targets > 100, `${ra.tasks} tasks, ${ra.targets} targets`);
  assert.deepEqual(x.kinds, [
    { kind: 'action_plan', n: 6 }, { kind: 'measures', n: 2 }, { kind: 'notice_only', n: 2 }, { kind: 'plan', n: 2 }, { kind: 'reply', n: 1 },
  ]);
  assert.deepEqual(x.rounds, [{ name: '2025年中期评估', cutoff: '2025-06-30' }]);
  fs.rmSync(dir, { recursive: true, force: true });
});
