// The returns of a collection at the scale of one round: 30 units sharing about 10 000 rows. Every workbook exported at
// once, each filled in as its unit would (the rows it leads), then all 30 previewed and applied at once. Figures only.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { createContext } from '../core/common/context';
import { call } from '../core/dispatch';
import { currentRound } from '../core/common/settings';
import { cachedSynthDb, workingCopy } from '../core/synth/cache';
import { openBook, put, putContacts, saveAs, idsOf } from '../tests/helpers/returns';
import type { Figure } from './run';

const ms = (x: number) => Math.round(x * 10) / 10;

export async function collectionFigures(): Promise<Figure[]> {
  const cache = cachedSynthDb({ plans: 12, tasks: 3600, units: 30 });
  const work = workingCopy(cache.file, 'plan-review-bench-returns-');
  const db = await openDatabase(work.file);
  const ctx = createContext(db, work.file, 'cli', path.join(work.dir, 'exports'));
  try {
    const roundId = currentRound(db).id;
    const cpu0 = process.cpuUsage();
    let t0 = performance.now();
    const issued = await call(ctx, 'export.returns', { roundId, folder: ctx.handles.register(path.join(work.dir, 'out'), 'folder').handle });
    const exportS = (performance.now() - t0) / 1000;
    const exportCpu = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpu0));
    const rows = issued.files.reduce((n, f) => n + f.rows, 0);
    const lead = new Map(db.prepare(`SELECT entity_id, min(unit) FROM entity_units WHERE role = 'lead' OR entity = 'target' GROUP BY entity, entity_id`).raw().all() as [string, string][]);
    const filled: { handle: string }[] = [];
    for (const f of issued.files) {
      const file = ctx.handles.resolve(f.handle, 'read');
      const wb = await openBook(file);
      putContacts(wb);
      idsOf(wb.getWorksheet('重点任务')!).forEach((id, i) => {
        if (lead.get(id) !== f.unit) return;
        put(wb, '重点任务', id, '评估状态', ['序时推进', '超序时', '滞后', '已完成'][i % 4]);
        put(wb, '重点任务', id, '进展情况', `截至评估时点,该项任务已按计划推进,完成阶段性目标(第${i + 1}项)。`);
      });
      for (const id of idsOf(wb.getWorksheet('主要指标')!)) if (lead.get(id) === f.unit) put(wb, '主要指标', id, '实际值', 100.5);
      filled.push({ handle: ctx.handles.register(await saveAs(wb, file, '回收'), 'read').handle });
    }
    t0 = performance.now();
    const preview = await call(ctx, 'returns.preview', { files: filled });
    const previewS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const applied = await call(ctx, 'returns.apply', { previewId: preview.previewId, accept: 'all' });
    const applyS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await call(ctx, 'returns.board', { roundId });
    const boardMs = performance.now() - t0;
    return [
      { name: `returns: export.returns of ${issued.files.length} workbooks (${rows} rows)`, value: ms(exportS), unit: 's', goal: '< 5 s' },
      { name: 'returns: export.returns, CPU time of this process (the same work on a machine shared with others)', value: ms(exportCpu), unit: 's' },
      { name: `returns: returns.preview of ${filled.length} returns at once (${preview.rows.length} changed rows)`, value: ms(previewS), unit: 's', goal: '< 5 s' },
      { name: `returns: returns.apply of ${applied.appliedRows} rows, ${applied.appliedCells} cells`, value: ms(applyS), unit: 's', goal: '< 5 s' },
      { name: 'returns: returns.board of 30 units', value: ms(boardMs), unit: 'ms' },
    ];
  } finally {
    db.close();
    fs.rmSync(work.dir, { recursive: true, force: true });
  }
}
