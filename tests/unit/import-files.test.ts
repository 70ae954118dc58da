// .docx with real headings and a table, an .xlsx indicator table, interchange .json, and files that must be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { ImportFileError, parseDocument } from '../../core/import/parse/index';
import { docxOf, indicatorXlsx, wordPara } from '../helpers/files';

const p = wordPara;
const tbl = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

const docx = (): Promise<Buffer> => docxOf([
  p('数字经济发展行动方案', 'Title'),
  p('发展目标', 'H1'),
  p('到2027年,数字经济核心产业增加值达到800亿元。'),
  p('表1 主要指标'),
  tbl([['指标名称', '单位', '2023年', '2027年目标', '属性'], ['数字经济核心产业增加值', '亿元', '500', '800', '预期性'], ['5G基站数', '万个', '3', '6', '预期性']]),
  p('重点任务', 'H1'),
  p('建设新型基础设施', 'H2'),
  p('加快5G网络建设。推进千兆光网覆盖,扩大基站规模。(责任单位:市通信管理局)'),
  p('建设算力中心。布局智算中心,提升算力供给能力。'),
  p('培育数字产业', 'H2'),
  p('实施软件产业提升行动,引进培育软件企业,打造软件名园。'),
].join(''));

test('a .docx with real headings and a real table', async () => {
  const { plans, problems } = await parseDocument('方案.docx', await docx());
  assert.deepEqual(problems, []);
  const [plan] = plans;
  assert.ok(plan);
  assert.deepEqual([plan.title, plan.kind], ['数字经济发展行动方案', 'action_plan']);
  assert.deepEqual(plan.tasks.map((t) => [t.title, t.path]), [
    ['加快5G网络建设', ['重点任务', '建设新型基础设施']], ['建设算力中心', ['重点任务', '建设新型基础设施']], ['培育数字产业', ['重点任务']],
  ]);
  assert.deepEqual(plan.tasks[0]!.responsibleUnits, ['市通信管理局']);
  const [core, bases, ...rest] = plan.targets;
  assert.deepEqual(rest, [], 'goals text restating a table row is the same target');
  assert.deepEqual([core!.name, core!.unit, core!.attribute, core!.milestones[0]!.value, core!.milestones[0]!.year], ['数字经济核心产业增加值', '亿元', '预期性', '800', 2027]);
  assert.equal(bases!.unit, '万个');
});

test('an .xlsx indicator table with milestone years and responsible units', async () => {
  const { plans } = await parseDocument('指标.xlsx', await indicatorXlsx());
  const [plan] = plans;
  assert.ok(plan);
  assert.deepEqual([plan.title, plan.periodStart, plan.periodEnd], ['某区“十四五”主要指标', 2021, 2025]);
  const [gdp, energy] = plan.targets;
  assert.deepEqual(gdp!.baseline, { year: 2020, value: '1000' });
  assert.deepEqual(gdp!.milestones.map((m) => [m.year, m.value, m.qualifier]), [[2023, '1200', ''], [2025, '1400以上', '以上']]);
  assert.deepEqual(gdp!.responsibleUnits, ['区发改委', '区统计局']);
  assert.deepEqual([energy!.attribute, energy!.milestones.length, energy!.milestones[0]!.cumulative], ['约束性', 1, true]);
});

test('an .xlsx 分工表 whose 工作任务 cell is merged over its rows: each 具体内容 a task; its 责任领导 column names people, no units', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['某区2024年优化营商环境重点任务分工表']);
  ws.addRow(['序号', '工作任务', '具体内容', '责任领导', '牵头单位', '协办单位', '时间节点']);
  ws.addRow([1, '深化“一网通办”', '推进高频事项“一件事”集成办理，新增集成服务事项20项', '王强', '区政务服务中心', '区数据局、各街道', '2024年12月底']);
  ws.addRow([2, '', '实现企业开办全程网办，办理时间压缩至0.5个工作日', '王强', '区市场监管局', '区税务局、区人社局', '2024年6月底前']);
  ws.mergeCells('B3:B4');
  const [plan] = (await parseDocument('分工表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).plans;
  assert.deepEqual(plan!.tasks.map((t) => [t.path.join('/'), t.title, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadline]), [
    ['深化“一网通办”', '推进高频事项“一件事”集成办理', '区政务服务中心', '区数据局、各街道', '2024-12-31'],
    ['深化“一网通办”', '实现企业开办全程网办', '区市场监管局', '区税务局、区人社局', '2024-06-30'],
  ]);
});

test('interchange .json round-trips and bad ones are refused', async () => {
  const { plans } = await parseDocument('方案.docx', await docx());
  // The preview's own notes (unplaced lines, where the title came from) are no part of the interchange file.
  const stored = plans.map(({ unplaced: _u, titleFrom: _t, ...p }) => p);
  const json = Buffer.from(JSON.stringify({ format: 'plan-review', version: 1, plans: stored }));
  assert.deepEqual((await parseDocument('导出.json', json)).plans, stored);
  await assert.rejects(parseDocument('x.json', Buffer.from('{"a":1}')), (e: Error) => e instanceof ImportFileError && /plan-review/.test(e.message));
  const bad = JSON.parse(json.toString());
  bad.plans[0].tasks[0].kind = 'wish';
  await assert.rejects(parseDocument('坏.json', Buffer.from(JSON.stringify(bad))), (e: Error) => e instanceof ImportFileError && /坏\.json/.test(e.message) && /kind/.test(e.message));
  await assert.rejects(parseDocument('坏.json', Buffer.from('{format')), /不是有效的 JSON/);
});

test('bad files get a clear Chinese message', async () => {
  const cases: [string, Buffer, RegExp][] = [
    ['空.txt', Buffer.alloc(0), /「空\.txt」是空的/],
    ['乱码.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x00]), /「乱码\.txt」看起来是二进制文件/],
    ['假.docx', Buffer.from('这不是压缩包'), /「假\.docx」不是有效的 Word/],
    ['假.xlsx', Buffer.from('plain text'), /「假\.xlsx」不是有效的 Excel/],
    ['图片.png', Buffer.from('x'), /类型不受支持/],
    ['巨大.txt', Buffer.alloc(51 * 1024 * 1024, 0x41), /超过 50 MB/],
  ];
  for (const [name, data, re] of cases) {
    await assert.rejects(parseDocument(name, data), (e: Error) => e instanceof ImportFileError && re.test(e.message), name);
  }
  const emptyZip = await new JSZip().generateAsync({ type: 'nodebuffer' });
  await assert.rejects(parseDocument('空包.docx', emptyZip), /缺少 word\/document\.xml|不是有效的 Word/);
});
