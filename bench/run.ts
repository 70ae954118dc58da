// npm run bench: runs every bench/*.bench.ts and prints its figures beside their goals. Figures, not pass/fail.
import fs from 'node:fs';
import path from 'node:path';

export interface Figure { name: string; value: number; unit: string; goal?: string }

/**
 * A fixed loop timed before and after the benches: the speed of the machine at the time. On shared machines it can
 * change by half from one minute to the next, and every figure with it.
 */
function machineSpeed(when: string): Figure {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 3e8; i++) x += i % 7;
  const value = Math.round(performance.now() - t0);
  if (x < 0) console.log(x);
  return { name: `machine: reference loop (${when}; lower is faster)`, value, unit: 'ms' };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).filter((f) => !only.length || only.some((o) => f.includes(o))).sort();
  const rows: (Figure & { bench: string })[] = [{ ...machineSpeed('before'), bench: '' }];
  for (const f of files) {
    const loaded = (await import(path.join(__dirname, f))) as { run?: () => Promise<Figure[]>; default?: { run?: () => Promise<Figure[]> } };
    const mod = { run: loaded.run ?? loaded.default?.run };
    if (!mod.run) throw new Error(`${f} 没有导出 run()`);
    process.stdout.write(`运行 ${f} …\n`);
    const t0 = performance.now();
    for (const fig of await mod.run()) {
      rows.push({ ...fig, bench: f });
      console.log(`  ${fig.name}: ${fig.value} ${fig.unit}${fig.goal ? `(目标 ${fig.goal})` : ''}`);
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  rows.push({ ...machineSpeed('after'), bench: '' });
  console.log('\n结果汇总');
  console.table(rows.map((r) => ({ 项目: r.name, 数值: r.value, 单位: r.unit, 目标: r.goal ?? '' })));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
