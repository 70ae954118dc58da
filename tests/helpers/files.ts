// Crafted input files shared by the importer tests and the fuzzer: an .xlsx indicator table as planners keep them.
import ExcelJS from 'exceljs';

export async function indicatorXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow(['某区“十四五”主要指标']);
  ws.addRow(['序号', '指标名称', '单位', '基期(2020年)', '2023年', '2025年', '属性', '责任单位']);
  ws.addRow([1, '地区生产总值', '亿元', 1000, 1200, '1400以上', '预期性', '区发改委、区统计局']);
  ws.addRow([2, '单位GDP能耗下降', '%', null, null, '[13.5]', '约束性', '区发改委']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
