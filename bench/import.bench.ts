// Import speed: parsing all seed documents, and parsing a generated 5 MB plan text.
import { parseDocument } from '../core/import/parse/index';
import { parseSeeds } from '../core/import/seed';

/** A plan text of about `bytes` bytes: chapters of numbered items, lead paragraphs and a goals table. */
export function generatedPlan(bytes: number): string {
  const parts: string[] = ['某市产业发展规划(2024—2028年)', '一、发展目标', '到2028年,规上工业总产值达到5000亿元以上,研发投入强度提高至3%。', '二、重点任务'];
  let size = 0;
  for (let c = 1; size < bytes; c++) {
    parts.push(`(${['一', '二', '三', '四', '五', '六', '七', '八', '九'][c % 9]})第${c}组任务`);
    for (let i = 1; i <= 9; i++) {
      const para = `${i}.推进第${c}组第${i}项工作。加快建设重点项目,完善配套设施,强化要素保障,到2028年累计新建${i * 10}个示范项目。(责任单位:市经济信息委、市发展改革委)`;
      parts.push(para);
      size += Buffer.byteLength(para) + 1;
    }
  }
  return parts.join('\n');
}

export async function run(): Promise<{ name: string; value: number; unit: string; goal?: string }[]> {
  let t = performance.now();
  const plans = await parseSeeds();
  const seeds = performance.now() - t;
  const text = Buffer.from(generatedPlan(5 * 1024 * 1024), 'utf8');
  t = performance.now();
  const big = await parseDocument('generated.txt', text);
  const five = performance.now() - t;
  const tasks = big.plans.reduce((n, p) => n + p.tasks.length, 0);
  return [
    { name: `import: parse all seed documents (${plans.length} plans)`, value: Math.round(seeds), unit: 'ms', goal: '< 1000 ms for the whole seed database build' },
    { name: `import: parse a generated ${(text.length / 1024 / 1024).toFixed(1)} MB plan text (${tasks} tasks)`, value: Math.round(five), unit: 'ms', goal: '< 2000 ms' },
  ];
}
