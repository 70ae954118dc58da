// Writes corpus document 25 with exceljs (run by make-formats.sh, or alone:
//   node tests/corpus/make-xlsx-25.js   from the worktree root).
// 25: a district's yearly 重点工作任务分工表 (Hebei/Henan habits): merged title and date line, a two-row
// header (责任单位 over 牵头单位/配合单位, 进度安排 over the four quarters), group rows merged across the
// width, 序号 and 重点任务 merged down over several 具体工作内容 rows, 完成时限 partly real Excel dates;
// a second sheet 主要指标. Every text below was written for this corpus.
'use strict';
const path = require('path');
const ExcelJS = require('exceljs');

// The cell borders and body style of the other corpus workbooks.
const { DOCS, border, grid, header, sheetTitle, titleRows } = require('./make-xlsx');
const COLS = 10;


const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

// groups: [group row, [[序号, 重点任务, [[具体工作内容, 牵头单位, 配合单位, 完成时限, [一季度, 二季度, 三季度, 四季度]], ...]], ...]]
const groups = [
  ['一、扎实推进项目建设', [
    [1, '实施重大项目攻坚行动', [
      ['（1）新开工亿元以上项目50个，其中10亿元以上项目8个；省市重点项目完成投资120亿元以上。', '区发改局', '区重点项目服务中心、各街道办事处', day(2024, 12, 31),
        ['集中开工项目15个', '累计开工项目30个', '累计开工项目42个', '全部开工，完成年度投资任务']],
      ['（2）开展“三个一批”项目建设活动，每季度集中签约、开工、投产一批项目。', '区发改局', '区商务局、桥东经济开发区管委会', '全年',
        ['举办一季度“三个一批”活动', '举办二季度活动', '举办三季度活动', '举办四季度活动并总结']],
      ['（3）落实重点项目“周调度、月通报、季观摩”推进机制，协调解决项目建设难题。', '区重点项目服务中心', '区委督查室、区政府督查室', '长期坚持',
        ['建立调度台账', '开展上半年项目观摩', '常态化调度通报', '开展全年项目观摩']],
    ]],
    [2, '强化项目要素保障', [
      ['争取地方政府专项债券资金15亿元以上，盘活存量低效用地800亩。', '区财政局', '区自然资源和规划局、区发改局', '2024年9月底前',
        ['完成第一批专项债券项目申报', '债券资金到位50%', '完成低效用地盘活600亩', '—']],
    ]],
  ]],
  ['二、加快产业转型升级', [
    [3, '推动制造业提质增效', [
      ['（1）实施工业技改项目60个，新增规模以上工业企业25家。', '区工信局', '区统计局、桥东经济开发区管委会', day(2024, 11, 30),
        ['建立技改项目库', '开工技改项目30个', '新增规上企业15家', '完成全年任务']],
      ['（2）深入开展“万人助万企”活动，推动惠企政策直达快享、免申即享。', '区工信局', '区直有关部门', '全年',
        ['开展首轮入企走访', '召开政企对接会2场', '梳理解决企业诉求', '开展成效评估']],
    ]],
    [4, '培育壮大新兴产业', [
      ['新培育高新技术企业20家、科技型中小企业120家，高新技术产业增加值增长10%。', '区科技局', '区工信局、桥东经济开发区管委会', day(2024, 12, 31),
        ['组织企业入库评价', '完成科技型中小企业评价80家', '组织高新技术企业申报', '完成认定工作']],
    ]],
    [5, '提升园区承载能力', [
      ['（1）推进桥东经济开发区“区中园”整合提升，新建标准化厂房20万平方米。', '桥东经济开发区管委会', '区自然资源和规划局、区住建局', '2024年10月底前',
        ['完成规划调整', '厂房主体开工', '完成主体工程80%', '—']],
      ['（2）开展工业企业“亩均论英雄”综合评价，评价结果与要素配置挂钩。', '区工信局', '区税务局、区自然资源和规划局', '2024年6月底前',
        ['采集企业用地、税收数据', '6月底前公布评价结果', '—', '—']],
    ]],
  ]],
  ['三、持续扩大内需和优化营商环境', [
    [6, '激发消费市场活力', [
      ['举办各类促消费活动30场以上，打造特色商业街区2条。', '区商务局', '区文化广电和旅游局、区市场监管局、各街道办事处', '全年',
        ['开展新春消费季活动', '举办夜经济活动8场', '开展金秋购物节', '开展年终促销活动']],
    ]],
    [7, '深化营商环境改革', [
      ['（1）推行“一枚印章管审批”，企业开办时间压缩至1个工作日以内。', '区行政审批局', '区市场监管局', day(2024, 6, 30),
        ['梳理审批事项清单', '全面推行', '—', '—']],
      ['（2）落实重点企业“首席服务官”制度，提供全生命周期帮办服务。', '区营商办', '', '长期坚持',
        ['确定首席服务官名单', '开展常态化帮办', '开展常态化帮办', '开展年终评估']],
    ]],
  ]],
  ['四、提升城市功能品质', [
    [8, '实施城市更新行动', [
      ['（1）改造老旧小区42个，实施城中村改造3个。', '区住建局', '区财政局、各街道办事处', day(2024, 11, 30),
        ['完成项目设计', '4月底前全部开工', '完工25个', '全部完工']],
      ['（2）打通断头路5条，新建改造城市道路12公里。', '区住建局', '区自然资源和规划局、区城管执法局', '2024年10月底前',
        ['完成征迁扫尾', '完成路基工程', '完成路面铺设', '10月底前全部通车']],
    ]],
    [9, '深入打好蓝天保卫战', [
      ['完成清洁取暖改造4000户，推进重点行业企业超低排放改造。', '区生态环境分局', '区住建局、区发改局、各街道办事处', '2024年10月15日前',
        ['摸排改造户数', '完成设备招标', '完成改造2000户', '10月15日前全部完成']],
    ]],
  ]],
  ['五、持续增进民生福祉', [
    [10, '办好人民满意教育', [
      ['建成区第三实验小学等学校4所，新增学位2400个。', '区教育局', '区住建局、区财政局', day(2024, 8, 31),
        ['主体工程完工', '完成室内外配套', '秋季开学投入使用', '—']],
    ]],
    [11, '兜牢民生保障底线', [
      ['（1）开展职业技能培训1.5万人次，新增技能人才3000人。', '区人社局', '区教育局、各街道办事处', '全年',
        ['完成培训4000人次', '累计完成9000人次', '累计完成1.2万人次', '完成全年任务']],
      ['（2）新建社区养老服务驿站10个，发展老年助餐点20个。', '区民政局', '各街道办事处', '2024年底前',
        ['完成选址', '开工建设', '建成驿站6个', '全部建成运营']],
      ['（3）实施全民参保计划，城乡居民基本医疗保险参保率稳定在95%以上。', '区医保局', '区税务局、各街道办事处', '全年',
        ['开展参保扩面宣传', '集中征缴', '—', '启动下一年度集中征缴']],
    ]],
  ]],
];

// 主要指标 rows: [序号, 指标名称, 单位, 2023年完成, 2024年目标, 责任单位]
const targets = [
  [1, '地区生产总值增长', '%', 5.8, '6左右', '区发改局、区统计局'],
  [2, '规模以上工业增加值增长', '%', 7.2, 8, '区工信局、区统计局'],
  [3, '固定资产投资增长', '%', 6.5, '10以上', '区发改局'],
  [4, '社会消费品零售总额', '亿元', 268.4, 290, '区商务局'],
  [5, '一般公共预算收入', '亿元', 21.6, 23.1, '区财政局、区税务局'],
  [6, '城镇新增就业', '人', 5860, '6000以上', '区人社局'],
  [7, '细颗粒物（PM2.5）平均浓度', '微克/立方米', 46, '完成市下达目标', '区生态环境分局'],
  [8, '单位地区生产总值能耗降低', '%', '—', '完成市下达目标', '区发改局、区工信局'],
];

async function book25() {
  const wb = new ExcelJS.Workbook();
  wb.creator = '桥东区人民政府办公室';
  const ws = wb.addWorksheet('任务分工', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 6 }, { width: 14 }, { width: 46 }, { width: 16 }, { width: 24 }, { width: 14 },
    { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }];
  titleRows(ws, COLS, '桥东区2024年重点工作任务分工表', '（2024年3月　桥东区人民政府办公室）', '楷体_GB2312', 'center');
  // two-row header
  ws.getRow(3).values = ['序号', '重点任务', '具体工作内容', '责任单位', null, '完成时限', '进度安排', null, null, null];
  ws.getRow(4).values = [null, null, null, '牵头单位', '配合单位', null, '一季度', '二季度', '三季度', '四季度'];
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:C4');
  ws.mergeCells('D3:E3');
  ws.mergeCells('F3:F4');
  ws.mergeCells('G3:J3');
  header(ws, 3, 4, COLS, 'FFE2EFDA', true);
  let r = 5;
  const groupRows = [];
  const dateCells = [];
  for (const [group, tasks] of groups) {
    ws.getCell(r, 1).value = group;
    ws.mergeCells(r, 1, r, COLS);
    groupRows.push(r);
    r++;
    for (const [no, name, rows] of tasks) {
      const first = r;
      for (const [content, lead, helpers, due, steps] of rows) {
        const row = ws.getRow(r);
        row.getCell(3).value = content;
        row.getCell(4).value = lead;
        row.getCell(5).value = helpers;
        row.getCell(6).value = due;
        if (due instanceof Date) dateCells.push(r);
        steps.forEach((s, i) => { row.getCell(7 + i).value = s; });
        r++;
      }
      ws.getCell(first, 1).value = no;
      ws.getCell(first, 2).value = name;
      if (r - 1 > first) {
        ws.mergeCells(first, 1, r - 1, 1);
        ws.mergeCells(first, 2, r - 1, 2);
      }
    }
  }
  grid(ws, 5, r - 1, COLS);
  for (const g of groupRows) {
    const cell = ws.getCell(g, 1);
    cell.font = { name: '黑体', size: 12, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'left' };
  }
  for (const d of dateCells) ws.getCell(d, 6).numFmt = 'yyyy"年"m"月"d"日"';
  ws.mergeCells(r, 1, r, COLS);
  ws.getCell(r, 1).value = '注：1.完成时限为“全年”的，指2024年12月底前完成；“长期坚持”的，须常态化推进。'
    + '2.各牵头单位于每季度末月25日前将任务进展情况报区政府督查室，配合单位按职责做好配合。';
  ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(r).height = 36;

  const t = wb.addWorksheet('主要指标');
  t.columns = [{ width: 6 }, { width: 34 }, { width: 14 }, { width: 14 }, { width: 18 }, { width: 26 }];
  sheetTitle(t, 6, '桥东区2024年主要经济社会发展指标', 16, 32);
  t.addRow(['序号', '指标名称', '单位', '2023年完成', '2024年目标', '责任单位']);
  header(t, 2, 2, 6, 'FFE2EFDA', true);
  for (const row of targets) t.addRow(row);
  grid(t, 3, 2 + targets.length, 6);
  t.addRow(['注：2023年完成数为统计快报数；第一个责任单位为牵头单位。']);
  t.mergeCells(3 + targets.length, 1, 3 + targets.length, 6);
  await wb.xlsx.writeFile(path.join(DOCS, '25-qiaodong-zhongdian-renwu-fengong.xlsx'));
}

book25().catch((e) => {
  console.error(e);
  process.exit(1);
});
