// Building the embedded default database from the seeds, and importing a 5 MB plan text and an 8 000-row indicator
// workbook end to end (preview in the parsing worker, commit, search index caught up), with wall and CPU time.
import fs from 'node:fs';
import path from 'node:path';
import { buildSeedDatabase } from '../core/app-db';
import { openDatabaseSync } from '../db/connection';
import { createContext } from '../core/common/context';
import { call } from '../core/dispatch';
import { generatedPlan, indicatorWorkbook } from './import.bench';
import { tempDir } from '../tests/helpers/db';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<{ name: string; value: number; unit: string; goal?: string }[]> {
  const dir = tempDir('plan-review-bench-');
  const builds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out = path.join(dir, `seed-${i}.db`);
    const t = performance.now();
    await buildSeedDatabase(out);
    builds.push(performance.now() - t);
  }
  /** Best of 3 imports of one file into fresh databases: wall time and CPU time of the process (worker included). */
  const importBest = async (name: string, data: Buffer | string): Promise<{ wall: number; cpu: number }> => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    const best = { wall: Infinity, cpu: Infinity };
    for (let i = 0; i < 3; i++) {
      const dbFile = path.join(dir, `import-${name}-${i}.db`);
      const db = openDatabaseSync(dbFile);
      const ctx = createContext(db, dbFile, 'cli');
      const c0 = process.cpuUsage();
      const t = performance.now();
      const preview = await call(ctx, 'import.preview', { files: [{ handle: ctx.handles.register(file, 'read').handle }] });
      await call(ctx, 'import.commit', { previewId: preview.previewId });
      const c = process.cpuUsage(c0);
      best.wall = Math.min(best.wall, performance.now() - t);
      best.cpu = Math.min(best.cpu, (c.user + c.system) / 1000);
      db.close();
    }
    return best;
  };
  const text = generatedPlan(5 * 1024 * 1024);
  const big = await importBest('plan.txt', text);
  const sheet = await importBest('indicators.xlsx', await indicatorWorkbook(8000));
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'seed database build (parse, store, index; median of 5)', value: Math.round(median(builds)), unit: 'ms', goal: '< 1000 ms' },
    { name: `import a ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB plan text end to end (preview + commit; best of 3), wall`, value: Math.round(big.wall), unit: 'ms', goal: '< 2000 ms' },
    { name: '  the same, CPU time of the process (parsing worker included)', value: Math.round(big.cpu), unit: 'ms' },
    { name: 'import an 8 000-row indicator workbook end to end (preview + commit; best of 3), wall', value: Math.round(sheet.wall), unit: 'ms', goal: '< 1000 ms' },
    { name: '  the same, CPU time of the process (parsing worker included)', value: Math.round(sheet.cpu), unit: 'ms' },
  ];
}
