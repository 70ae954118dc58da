// Import speed: parsing all seed documents; a generated 5 MB plan text and an 8 000-row indicator workbook imported end
// to end (read, parse, rows committed to a fresh database file: where the import returns), with the parse and the write
// timed apart, and the search index the app then writes between requests timed after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseDocument } from '../core/import/parse/index';
import { parseSeeds } from '../core/import/seed';
import { storePlans } from '../core/import/store';
import { openDatabaseSync } from '../db/connection';
import { catchUpIndex } from '../db/repos/search-pending';

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

/** An indicator workbook of `rows` rows: 序号, 指标类别, 指标名称, 单位, 基期, three target years, 属性, 责任单位. */
export async function indicatorWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主要指标');
  ws.addRow(['某市“十四五”主要指标分解表']);
  ws.addRow(['序号', '指标类别', '指标名称', '单位', '2020年', '2023年', '2025年', '属性', '责任单位']);
  for (let r = 1; r <= rows; r++) ws.addRow([r, `类别${Math.ceil(r / 50)}`, `指标${r}`, '%', r % 90, (r % 90) + 1, `${(r % 90) + 2}以上`, r % 3 ? '预期性' : '约束性', '市发展改革委、市统计局']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads, parses and stores one file into a fresh database, as import.commit does; then the search index catches up,
 * as the app does after the import returned (here in one go). A small file of the same kind goes first, so the figure
 * is the import's and not the loading of its readers from the sources.
 */
async function importFile(name: string, data: Buffer, warmUp: Buffer): Promise<{ parse: number; store: number; total: number; cpu: number; index: number; tasks: number; targets: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-bench-'));
  const db = openDatabaseSync(path.join(dir, 'bench.db'));
  try {
    await parseDocument(`warm-up${path.extname(name)}`, warmUp);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { plans } = await parseDocument(name, data);
    const t1 = performance.now();
    const r = storePlans(db, plans, name, { indexLater: true });
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    catchUpIndex(db);
    return { parse: t1 - t0, store: t2 - t1, total: t2 - t0, cpu: (c.user + c.system) / 1000, index: performance.now() - t2, tasks: r.tasks, targets: r.targets };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<{ name: string; value: number; unit: string; goal?: string }[]> {
  let t = performance.now();
  const plans = await parseSeeds();
  const seeds = performance.now() - t;
  const text = Buffer.from(generatedPlan(5 * 1024 * 1024), 'utf8');
  const big = await importFile('generated.txt', text, Buffer.from(generatedPlan(2000), 'utf8'));
  const book = await indicatorWorkbook(8000);
  const sheet = await importFile('indicators.xlsx', book, await indicatorWorkbook(20));
  const ms = (x: number) => Math.round(x);
  const mb = (text.length / 1024 / 1024).toFixed(1);
  // Wall time is what a planner waits; CPU time is the same work without the other programs of a busy machine.
  return [
    { name: `import: parse all seed documents (${plans.length} plans)`, value: ms(seeds), unit: 'ms', goal: '< 1000 ms for the whole seed database build' },
    { name: `import: ${mb} MB plan text end to end, wall (${big.tasks} tasks, ${big.targets} targets)`, value: ms(big.total), unit: 'ms', goal: '< 2000 ms' },
    { name: `  the same, CPU time of this process`, value: ms(big.cpu), unit: 'ms' },
    { name: `  of which parse / rows written`, value: ms(big.parse), unit: `ms / ${ms(big.store)} ms` },
    { name: `  then the search index, written after the import returned`, value: ms(big.index), unit: 'ms' },
    { name: `import: 8 000-row indicator workbook end to end, wall (${sheet.targets} targets)`, value: ms(sheet.total), unit: 'ms', goal: '< 1000 ms' },
    { name: `  the same, CPU time of this process`, value: ms(sheet.cpu), unit: 'ms' },
    { name: `  of which parse / rows written`, value: ms(sheet.parse), unit: `ms / ${ms(sheet.store)} ms` },
    { name: `  then the search index, written after the import returned`, value: ms(sheet.index), unit: 'ms' },
  ];
}
