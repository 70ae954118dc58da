// Building the embedded default database from the seeds, and importing a 5 MB plan text end to end (preview and commit).
import fs from 'node:fs';
import path from 'node:path';
import { buildSeedDatabase } from '../core/app-db';
import { openDatabaseSync } from '../db/connection';
import { createContext } from '../core/common/context';
import { call } from '../core/dispatch';
import { generatedPlan } from './import.bench';
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
  const imports: number[] = [];
  const text = generatedPlan(5 * 1024 * 1024);
  const file = path.join(dir, 'plan.txt');
  fs.writeFileSync(file, text);
  for (let i = 0; i < 3; i++) {
    const dbFile = path.join(dir, `import-${i}.db`);
    const db = openDatabaseSync(dbFile);
    const ctx = createContext(db, dbFile, 'cli');
    const t = performance.now();
    const preview = await call(ctx, 'import.preview', { files: [{ handle: ctx.handles.register(file, 'read').handle }] });
    await call(ctx, 'import.commit', { previewId: preview.previewId });
    imports.push(performance.now() - t);
    db.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'seed database build (parse, store, index; median of 5)', value: Math.round(median(builds)), unit: 'ms', goal: '< 1000 ms' },
    { name: `import a ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB plan text end to end (preview + commit; median of 3)`, value: Math.round(median(imports)), unit: 'ms', goal: '< 2000 ms' },
  ];
}
