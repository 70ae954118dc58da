// A collection as a planner runs one: 30 units, about 10 000 rows. Every unit gets its workbook; 25 fill theirs in as
// units do (five after the deadline, two answering for the same task, one changing a cell changed here meanwhile, one
// without 填报人) and all 25 are taken in at once. The board, the stored unit inputs, the history and the final values
// are checked; then the conflict is decided per cell, the missing contacts entered, and 进展情况 composed from two units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { currentRound } from '../../core/common/settings';
import { cachedSynthDb, workingCopy } from '../../core/synth/cache';
import { today } from '../../core/returns/contacts';
import { fileIn, folderTo, writtenPath } from '../helpers/files';
import { openBook, put, putContacts, saveAs, idsOf, CONTACTS_OK, validationRanges, assertNoOverlap } from '../helpers/returns';

const shift = (days: number) => today(new Date(Date.now() + days * 86400000));

test('30 units, 10 000 rows: issued, 25 returned and taken in at once, board, inputs, history and final values', async () => {
  const cache = cachedSynthDb({ plans: 12, tasks: 3600, units: 30 });
  const work = workingCopy(cache.file, 'plan-review-collection-');
  const db = await openDatabase(work.file);
  const ctx = createContext(db, work.file, 'test', path.join(work.dir, 'exports'));
  try {
    const round = currentRound(db);
    const due = shift(-10);
    await call(ctx, 'returns.setDue', { roundId: round.id, due });
    const issued = await call(ctx, 'export.returns', { roundId: round.id, folder: folderTo(ctx, path.join(work.dir, 'out')) });
    assert.equal(issued.files.length, 30);
    const rows = issued.files.reduce((n, f) => n + f.rows, 0);
    assert.ok(rows >= 10_000 && rows < 11_000, `${rows} rows`);
    for (const f of issued.files.slice(0, 3)) assertNoOverlap(await validationRanges(writtenPath(ctx, f.handle)), f.unit);

    const units = issued.files.map((f) => f.unit);
    const returning = units.slice(0, 25);
    const late = new Set(returning.slice(0, 5));
    const leads = new Map<string, string>(
      (db.prepare(`SELECT entity_id, min(unit) FROM entity_units WHERE entity = 'task' AND role = 'lead' GROUP BY entity_id`).raw().all() as [string, string][]));
    const firstResp = new Map<string, string>(
      (db.prepare(`SELECT entity_id, min(unit) FROM entity_units WHERE entity = 'target' GROUP BY entity_id`).raw().all() as [string, string][]));
    // Two units answering for one task: its lead and a unit that only shares it, both among those returning.
    const [sharedTask, sharedLead, sharedOther] = db.prepare(`SELECT l.entity_id, l.unit, r.unit FROM entity_units l
      JOIN entity_units r ON r.entity = 'task' AND r.entity_id = l.entity_id AND r.role = 'responsible'
      WHERE l.entity = 'task' AND l.role = 'lead' AND l.unit IN (SELECT value FROM json_each(?)) AND r.unit IN (SELECT value FROM json_each(?))
        AND l.unit = (SELECT min(unit) FROM entity_units WHERE entity = 'task' AND role = 'lead' AND entity_id = l.entity_id)
        AND (SELECT count(*) FROM entity_units WHERE entity = 'task' AND entity_id = l.entity_id AND role = 'lead') = 1
      ORDER BY l.entity_id LIMIT 1`).raw().get(JSON.stringify(returning.slice(5, 15)), JSON.stringify(returning.slice(15, 25))) as [string, string, string];
    const conflictUnit = returning.find((u) => u !== sharedLead && u !== sharedOther && !late.has(u))!;
    const noFiller = returning.find((u) => ![sharedLead, sharedOther, conflictUnit].includes(u) && !late.has(u))!;

    const byUnit = new Map(issued.files.map((f) => [f.unit, writtenPath(ctx, f.handle)]));
    let conflictTask = '';
    const filled: string[] = [];
    const wrote = new Map<string, string>();
    for (const unit of returning) {
      const wb = await openBook(byUnit.get(unit)!);
      putContacts(wb, { ...CONTACTS_OK, filler: unit === noFiller ? null : `${unit.slice(1, 3)}联络员`, filledOn: late.has(unit) ? shift(-3) : shift(-12) });
      idsOf(wb.getWorksheet('重点任务')!).forEach((id, i) => {
        if (leads.get(id) !== unit && !(id === sharedTask && unit === sharedOther)) return;
        const text = `${unit}:第${i + 1}项按计划推进,完成年度投资${(i % 9) + 1}亿元。`;
        put(wb, '重点任务', id, '评估状态', ['序时推进', '超序时', '滞后', '已完成'][i % 4]);
        put(wb, '重点任务', id, '进展情况', text);
        if (unit !== sharedOther) wrote.set(id, text);
        if (unit === conflictUnit && !conflictTask) conflictTask = id;
      });
      for (const id of idsOf(wb.getWorksheet('主要指标')!)) if (firstResp.get(id) === unit) put(wb, '主要指标', id, '实际值', 123.5);
      filled.push(await saveAs(wb, byUnit.get(unit)!, '回收'));
    }
    // Changed here after the workbooks left: the same cell the unit changes.
    await call(ctx, 'tasks.edit', { roundId: round.id, source: 'edit', edits: [{ id: conflictTask, field: 'evidence', value: '本机核实后的进展' }] });

    const p = await call(ctx, 'returns.preview', { files: filled.map((f) => fileIn(ctx, f)) });
    assert.deepEqual(p.files.filter((f) => f.error), []);
    assert.deepEqual(p.files.filter((f) => f.blocked).map((f) => f.unit), [noFiller]);
    assert.match(p.files.find((f) => f.unit === noFiller)!.blocked!, /未填写填报人/);
    assert.deepEqual(p.rows.filter((r) => r.conflict).map((r) => [r.unit, r.entityId]), [[conflictUnit, conflictTask]]);
    const other = p.rows.find((r) => r.entityId === sharedTask && r.unit === sharedOther)!;
    assert.deepEqual([other.role, other.takenByDefault], ['responsible', false]);
    assert.equal(p.rows.find((r) => r.entityId === sharedTask && r.unit === sharedLead)!.takenByDefault, true);

    const applied = await call(ctx, 'returns.apply', { previewId: p.previewId, accept: 'all' });
    const blockedRows = p.rows.filter((r) => r.unit === noFiller).length;
    assert.equal(applied.skippedConflicts, 1);
    assert.equal(applied.skippedBlocked, blockedRows);
    assert.equal(applied.appliedRows, p.rows.filter((r) => r.role === 'lead').length - 1 - blockedRows);

    const board = await call(ctx, 'returns.board', { roundId: round.id });
    assert.deepEqual(board.totals, { units: 30, issued: 30, returned: 25, late: 5, overdue: 5, pending: 2, applied: 24 });
    const u = new Map(board.units.map((x) => [x.unit, x]));
    assert.deepEqual(units.slice(25).map((x) => [u.get(x)!.state, u.get(x)!.daysLate]), units.slice(25).map(() => ['overdue', 10]));
    assert.deepEqual([...late].map((x) => [u.get(x)!.late, u.get(x)!.daysLate, u.get(x)!.returned!.deliveredOn]), [...late].map(() => [true, 7, shift(-3)]));
    assert.equal(u.get(noFiller)!.state, 'pending');
    assert.match(u.get(noFiller)!.blocked!, /未填写填报人/);
    assert.deepEqual([u.get(conflictUnit)!.state, u.get(conflictUnit)!.pendingRows], ['partial', 1]);
    assert.equal(u.get(sharedLead)!.returned!.contacts.phone, CONTACTS_OK.phone);
    assert.ok(returning.filter((x) => x !== noFiller && x !== conflictUnit).every((x) => u.get(x)!.state === 'applied' && u.get(x)!.pendingRows === 0));

    // Each unit's own words are kept; the lead's are in force.
    const inputs = db.prepare(`SELECT unit, count(DISTINCT entity_id) FROM unit_inputs WHERE round_id = ? GROUP BY unit`).raw().all(round.id) as [string, number][];
    assert.equal(inputs.length, 25);
    for (const [unit, n] of inputs) assert.equal(u.get(unit)!.changedRows, n, unit);
    const evidence = (id: string) => db.prepare('SELECT evidence FROM task_evals WHERE round_id = ? AND task_id = ?').pluck().get(round.id, id);
    assert.equal(evidence(sharedTask), wrote.get(sharedTask));
    const view = await call(ctx, 'returns.inputs', { roundId: round.id, entity: 'task', id: sharedTask });
    assert.deepEqual(view.units.filter((x) => x.values.evidence).map((x) => [x.unit, x.role]), [[sharedLead, 'lead'], [sharedOther, 'responsible']]);
    const shared = await call(ctx, 'returns.shared', { roundId: round.id });
    assert.deepEqual(shared.map((s) => [s.id, s.takenFrom, s.differs]), [[sharedTask, sharedLead, true]]);

    // History: one action per return and kind, every cell in it; final values as the units wrote them.
    const mine = db.prepare(`SELECT label, (SELECT count(*) FROM history h WHERE h.action_id = a.id) AS n FROM actions a
      WHERE source = 'return' AND label LIKE '回收填报:%'`).all() as { label: string; n: number }[];
    assert.equal(mine.reduce((n, a) => n + a.n, 0), applied.appliedCells);
    assert.ok(mine.every((a) => returning.includes(a.label.slice(5)) && a.label.slice(5) !== noFiller));
    const checked = [...wrote.entries()].filter(([id]) => id !== conflictTask && leads.get(id) !== noFiller);
    assert.deepEqual(checked.filter(([id, text]) => evidence(id) !== text), []);
    assert.equal(evidence(conflictTask), '本机核实后的进展');

    // The conflict decided for its one cell; the contacts entered; both reviewed from the board.
    const review = await call(ctx, 'returns.review', { roundId: round.id, units: [conflictUnit] });
    const c = review.rows.find((r) => r.entityId === conflictTask)!;
    assert.equal((await call(ctx, 'returns.apply', { previewId: review.previewId, accept: [{ key: c.key, fields: ['evidence'] }] })).appliedCells, 1);
    assert.equal(evidence(conflictTask), wrote.get(conflictTask));
    const rec = u.get(noFiller)!.returned!.receivedId;
    await call(ctx, 'returns.setContacts', { receivedId: rec, ...CONTACTS_OK, filledOn: shift(-12) });
    const second = await call(ctx, 'returns.review', { roundId: round.id, units: [noFiller] });
    assert.equal((await call(ctx, 'returns.apply', { previewId: second.previewId, accept: 'all' })).appliedRows, blockedRows);
    const after = await call(ctx, 'returns.board', { roundId: round.id });
    assert.deepEqual([after.totals.pending, after.totals.applied], [0, 25]);

    // 进展情况 composed from both units' texts.
    const merged = `${wrote.get(sharedTask)}\n${view.units.find((x) => x.unit === sharedOther)!.values.evidence}`;
    await call(ctx, 'returns.compose', { roundId: round.id, id: sharedTask, field: 'evidence', value: merged, units: [sharedLead, sharedOther] });
    assert.equal(evidence(sharedTask), merged);
    assert.match(db.prepare(`SELECT label FROM actions ORDER BY id DESC LIMIT 1`).pluck().get() as string, /进展情况:合并.*的填报/);

    const remind = await call(ctx, 'export.reminders', { roundId: round.id });
    assert.equal(remind.units, 5);
    assert.ok(fs.statSync(writtenPath(ctx, remind.handle)).size > 3000);
  } finally {
    db.close();
    fs.rmSync(work.dir, { recursive: true, force: true });
  }
});
