// `synth`: writes a realistic city-scale database (hundreds of plans, 100 000 tasks, three rounds) for scale tests and benches.
import fs from 'node:fs';
import path from 'node:path';
import { str, num, type Parsed } from './args';
import { synthesize } from '../core/synth/generate';
import type { Command } from './command';

export const synthCommand: Command = {
  usage: 'synth --db FILE [--plans 200] [--tasks 100000] [--seed N] [--force]', what: '生成城市规模的测试数据库',
  run: async (p: Parsed) => {
    const file = path.resolve(str(p, 'db', true)!);
    if (fs.existsSync(file) && !p.flags.force) throw new Error(`文件已存在:${file}(如要覆盖请加 --force)`);
    const plans = num(p, 'plans') ?? 200;
    const tasks = num(p, 'tasks') ?? 100_000;
    if (!Number.isInteger(plans) || plans < 1 || plans > 10_000) throw new Error('--plans 应为 1 到 10000 之间的整数');
    if (!Number.isInteger(tasks) || tasks < plans || tasks > 2_000_000) throw new Error('--tasks 应为不小于规划数、不超过 2000000 的整数');
    const t0 = performance.now();
    const r = synthesize(file + '.new', { plans, tasks, seed: num(p, 'seed') });
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(file + '.new', file);
    console.log(`已生成 ${file}:${r.plans} 个规划,${r.tasks} 项任务,${r.targets} 个指标,${r.rounds} 轮评估,` +
      `${r.history} 条修改记录,${(r.bytes / 1048576).toFixed(1)} MB(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  },
};
