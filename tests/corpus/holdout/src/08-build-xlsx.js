// Builds docs/08-yuyang-fengong-biao.xlsx with exceljs: a title merged over the columns, a line with the issuing
// body and date, a header row on row 3, group rows merged across all columns, 序号 as numbers, units split by
// line breaks in some cells and by 、 in others, 完成时限 as real Excel dates in some rows and as text in others,
// multi-line 进度安排, and a second sheet of filling-in notes.
// Usage: node 08-build-xlsx.js <out.xlsx>   (run with the worktree's node_modules on the module path)
'use strict';
const path = require('path');
const ExcelJS = require('exceljs');

const out = process.argv[2] || path.join(__dirname, '..', 'docs', '08-yuyang-fengong-biao.xlsx');
const d = (y, m, day) => new Date(Date.UTC(y, m - 1, day));

const rows = [
  ['group', '一、扩大有效投资（4项）'],
  [1, '实施重大项目攻坚行动，全年新开工亿元以上项目120个，完成重大项目投资650亿元。', '市发改委', '市住建局\n市自然资源和规划局\n各县（市、区）政府', d(2024, 12, 31),
    '一季度：新开工项目40个；\n二季度：累计开工75个；\n三季度：累计开工100个；\n四季度：全面完成年度目标。'],
  [2, '积极争取中央预算内投资和地方政府专项债券，全年争取专项债券额度80亿元以上。', '市发改委', '市财政局', '2024年10月底前',
    '3月底前完成项目申报；\n6月底前完成第一批额度争取。'],
  [3, '推进城中村改造和保障性住房建设，筹集保障性租赁住房3000套。', '市住建局', '市发改委\n市财政局', '2024年12月',
    '上半年开工1500套，下半年完成全年任务。'],
  [4, '开展项目前期工作“百日攻坚”，推动30个储备项目完成可研批复。', '市发改委', '市自然资源和规划局、市生态环境局', d(2024, 6, 30),
    '4月建立项目清单；\n5月开展集中会审；\n6月底前完成批复。'],
  ['group', '二、推动产业升级（4项）'],
  [5, '实施制造业重点产业链“链长制”，做强装备制造、绿色食品两条产业链。', '市工信局', '市发改委、市商务局', '长期',
    '每季度召开一次链长工作会议。'],
  [6, '加快创新主体培育，全年新增高新技术企业80家、科技型中小企业300家。', '市科技局', '市税务局', d(2024, 12, 31),
    '一季度完成培育库入库；\n三季度组织集中申报。'],
  [7, '推进工业企业技术改造，实施技改项目150个，工业技改投资增长10%。', '市工信局', '市财政局', '2024年12月底',
    '按月调度技改项目进度。'],
  [8, '培育文旅消费新场景，创建省级夜间文旅消费集聚区2个。', '市文旅局', '市商务局', d(2024, 9, 30),
    '6月底前完成创建申报；\n9月底前迎接省级验收。'],
  ['group', '三、增进民生福祉（4项）'],
  [9, '落实就业优先政策，新增城镇就业2.8万人，城镇调查失业率控制在5.5%以内。', '市人社局', '市财政局\n各县（市、区）政府', d(2024, 12, 31),
    '每月监测就业形势，按季度通报。'],
  [10, '扩大学前教育资源，新建普惠性幼儿园12所，新增学位3600个。', '市教育局', '市发改委、市财政局、市自然资源和规划局', '2024年8月底前',
    '8月底前投入使用，确保秋季开学。'],
  [11, '完善居家社区养老服务网络，建设社区嵌入式养老服务中心20个。', '市民政局', '市卫健委', d(2024, 11, 30),
    '二季度完成选址；\n四季度建成运营。'],
  [12, '推进县域医共体信息平台建设，实现县乡村三级医疗机构互联互通。', '市卫健委', '市医保局、市数据局', '2024年12月',
    '上半年完成平台招标，下半年上线运行。'],
  ['group', '四、绿色低碳和安全发展（4项）'],
  [13, '加强能耗双控管理，单位地区生产总值能耗下降完成省下达任务，推进重点用能企业节能诊断。', '市发改委', '市工信局、市生态环境局', d(2024, 12, 31),
    '半年开展一次能耗形势分析。'],
  [14, '深入打好蓝天保卫战，空气质量优良天数比例达到88%以上。', '市生态环境局', '市住建局、市交通运输局、市工信局', d(2024, 12, 31),
    '秋冬季开展大气污染防治攻坚。'],
  [15, '开展城镇燃气安全专项整治，完成老旧燃气管网改造150公里。', '市住建局', '市应急管理局\n市市场监管局', '2024年10月',
    '5月底前完成排查，10月底前完成改造。'],
  [16, '建立规划实施年度监测制度，编制“十四五”规划实施情况年度监测报告。', '市发改委', '市统计局、各相关部门', d(2025, 3, 31),
    '2025年1月汇总数据，3月底前形成报告。'],
];

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = '峪阳市发展和改革委员会';
  wb.created = d(2024, 3, 15);
  wb.modified = d(2024, 3, 15);
  const ws = wb.addWorksheet('分工表', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.columns = [{ width: 6 }, { width: 52 }, { width: 12 }, { width: 22 }, { width: 16 }, { width: 36 }];
  const thin = { style: 'thin' };
  const box = { top: thin, left: thin, bottom: thin, right: thin };

  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '峪阳市2024年“十四五”规划重点任务推进分工表';
  ws.getCell('A1').font = { name: '方正小标宋简体', size: 18, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;
  ws.mergeCells('A2:F2');
  ws.getCell('A2').value = '编制单位：峪阳市发展和改革委员会　　　　　　　　　　　　编制日期：2024年3月15日';
  ws.getCell('A2').alignment = { horizontal: 'left' };

  const header = ws.getRow(3);
  header.values = ['序号', '重点任务', '牵头单位', '责任单位', '完成时限', '进度安排'];
  header.eachCell((c) => {
    c.font = { bold: true, name: '黑体' };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = box;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];

  let r = 4;
  for (const row of rows) {
    if (row[0] === 'group') {
      ws.mergeCells(`A${r}:F${r}`);
      const c = ws.getCell(`A${r}`);
      c.value = row[1];
      c.font = { bold: true };
      c.border = box;
    } else {
      const xr = ws.getRow(r);
      xr.values = row;
      xr.eachCell({ includeEmpty: true }, (c, col) => {
        c.alignment = { vertical: 'middle', wrapText: true, horizontal: col === 2 || col === 6 ? 'left' : 'center' };
        c.border = box;
      });
      if (row[4] instanceof Date) xr.getCell(5).numFmt = 'yyyy"年"m"月"d"日"';
    }
    r++;
  }

  const notes = wb.addWorksheet('填表说明');
  notes.columns = [{ width: 90 }];
  [
    '填表说明',
    '1．本表由各牵头单位每季度结束后5个工作日内更新进度，报市发改委规划科。',
    '2．完成时限填写为具体日期的，以该日期为准；填写为“长期”的，按年度评估。',
    '3．责任单位有多个的，请在单元格内分行填写。',
  ].forEach((t, i) => { notes.getCell(`A${i + 1}`).value = t; });
  notes.getCell('A1').font = { bold: true };

  await wb.xlsx.writeFile(out);
  console.log(out);
}

main().catch((e) => { console.error(e); process.exit(1); });
