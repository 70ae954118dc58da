// Writes the two Excel documents of the corpus with exceljs (run by make-formats.sh, or alone:
//   node tests/corpus/make-xlsx.js   from the worktree root).
// 15: a 分工表 workbook (one task sheet + a 说明 sheet); 16: one plan's workbook holding a target
// sheet and a task sheet. Every text below was written for this corpus.
'use strict';
const path = require('path');
const ExcelJS = require('exceljs');

const DOCS = path.join(__dirname, 'docs');
const thin = { style: 'thin', color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function grid(ws, fromRow, toRow, cols) {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: c === 1 ? 'center' : 'left', wrapText: true };
      cell.font = { name: '仿宋_GB2312', size: 11 };
    }
  }
}

/** Header rows fromRow..toRow in 黑体 on a tint (each workbook its own colour), bordered when asked. */
function header(ws, fromRow, toRow, cols, argb = 'FFD9E1F2', bordered = false) {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      if (bordered) cell.border = border;
      cell.font = { name: '黑体', size: 11, bold: true };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    }
  }
}

/** A sheet's title in 方正小标宋 merged across its first row. */
function sheetTitle(ws, cols, title, size, height) {
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { name: '方正小标宋简体', size };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = height;
}

/** The title row, and a line under it (a date, the unit that fills it in) merged too. */
function titleRows(ws, cols, title, line, lineFont, lineAlign) {
  sheetTitle(ws, cols, title, 18, 36);
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell('A2').value = line;
  ws.getCell('A2').font = { name: lineFont, size: 12 };
  ws.getCell('A2').alignment = { horizontal: lineAlign, vertical: 'middle' };
}

// rows: [序号, 重点任务 (group, merged down), 工作内容, 牵头单位, 配合单位, 完成时限, 进度安排]
const rows15 = [
  ['主要预期目标', [
    [1, '地区生产总值增长6.5%左右。', '县发改局', '县统计局，各乡镇', '全年', '按季度开展经济运行监测调度'],
    [2, '规模以上工业增加值增长8%以上。', '县工信局', '县统计局', '全年', '按月调度规上工业企业生产情况'],
    [3, '固定资产投资增长7%以上。', '县发改局', '县住建局、县自然资源局', '全年', '按月调度重点项目投资进度'],
    [4, '社会消费品零售总额增长6%以上。', '县商务局', '县统计局', '全年', '每季度组织一次促消费活动'],
    [5, '一般公共预算收入增长5%。', '县财政局', '县税务局', '全年', '按月分析财政收入形势'],
    [6, '城镇新增就业5500人以上。', '县人社局', '各乡镇', '全年', '上半年完成全年任务的55%以上'],
    [7, '居民人均可支配收入增长与经济增长同步。', '县统计局', '县人社局、县农业农村局', '全年', '按季度监测'],
    [8, '居民消费价格涨幅稳定在合理区间。', '县发改局', '县市场监管局、县统计局', '全年', '按月监测重要民生商品价格'],
    [9, '单位地区生产总值能耗降低完成市下达目标。', '县发改局', '县工信局', '全年', '按季度开展能耗双控形势分析'],
  ]],
  ['加快产业转型升级', [
    [10, '实施“机器换人”项目30个以上，推动传统制造业智能化改造。', '县工信局', '县财政局', '2024年12月底前', '一季度建立项目库；三季度完成项目验收50%；年底全部完成'],
    [11, '新培育国家级专精特新“小巨人”企业2家、省级专精特新中小企业15家。', '县工信局', '县科技局', '2024年12月底前', '二季度组织申报；四季度完成认定'],
    [12, '推进梧溪经济开发区扩区调规。', '县商务局', '县自然资源局、县发改局', '2024年9月底前', '6月底前完成方案编制；9月底前上报审批'],
    [13, '做强茶叶全产业链，茶产业综合产值达到85亿元。', '县农业农村局', '县茶业发展中心、县商务局', '全年', '春茶季开展品牌推介；下半年推进精深加工项目建设'],
  ]],
  ['扩大有效投资', [
    [14, '谋划储备重大项目100个以上、总投资500亿元以上。', '县发改局', '各有关部门', '2024年6月底', '一季度完成项目梳理；6月底前完成入库'],
    [15, '加快推进梧溪至南坪高速公路梧溪段建设。', '县交通运输局', '县自然资源局、沿线乡镇', '2024年12月', '一季度完成征地拆迁扫尾；年底主体工程完成60%'],
    [16, '开工建设县第二水厂及配套管网工程。', '县水利局', '县住建局、县城投公司', '2024年10月底前', '6月底前完成招标；10月底前开工'],
  ]],
  ['保障改善民生', [
    [17, '新建改扩建中小学、幼儿园6所，新增学位3600个。', '县教育局', '县住建局、县财政局', '2024年8月底前', '8月底前投入使用'],
    [18, '推进县医院新院区建设。', '县卫健局', '县医院', '2024年12月', '年底完成主体结构封顶'],
    [19, '改造城镇老旧小区12个。', '县住建局', '各乡镇', '2024年11月底前', '4月底前全部开工'],
    [20, '新增养老床位300张，建设乡镇区域性养老服务中心3个。', '县民政局', '', '全年', '按季度调度建设进度'],
    [21, '完成农村公路提档升级100公里。', '县交通运输局', '各乡镇', '2024年11月底', '汛期前完成路基工程'],
  ]],
  ['深化改革开放', [
    [22, '深化“放管服”改革，推行政务服务“一件事一次办”。', '县行政服务中心', '县直各部门', '全年', '持续推进'],
    [23, '推进县属国有企业整合重组。', '县国资中心', '县财政局', '2024年6月底前', '3月底前完成方案报批'],
    [24, '开展“项目攻坚年”活动，实行重点项目挂图作战。', '县委督查室、县政府督查室', '县直各部门', '全年', '每月通报一次'],
  ]],
];

async function book15() {
  const wb = new ExcelJS.Workbook();
  wb.creator = '梧溪县人民政府办公室';
  const ws = wb.addWorksheet('任务分工', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ width: 6 }, { width: 16 }, { width: 48 }, { width: 16 }, { width: 22 }, { width: 14 }, { width: 36 }];
  sheetTitle(ws, 7, '梧溪县2024年《政府工作报告》重点工作任务分工表', 16, 32);
  ws.addRow(['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '进度安排']);
  header(ws, 2, 2, 7);
  let r = 3;
  for (const [group, items] of rows15) {
    const first = r;
    for (const [no, content, lead, helpers, due, plan] of items) {
      ws.addRow([no, group, content, lead, helpers, due, plan]);
      r++;
    }
    ws.mergeCells(first, 2, r - 1, 2);
  }
  grid(ws, 3, r - 1, 7);
  const note = wb.addWorksheet('说明');
  note.columns = [{ width: 100 }];
  [
    '附件',
    '梧溪县2024年《政府工作报告》重点工作任务分工表',
    '（梧政办〔2024〕8号附件）',
    '1.本表“主要预期目标”部分为全年目标，由牵头单位负责监测调度；其余为重点工作任务。',
    '2.各牵头单位请于每季度末月25日前将任务进展情况报县政府督查室。',
    '3.“全年”指2024年内持续推进并于年底完成。',
    '梧溪县人民政府办公室　　2024年2月20日印发',
  ].forEach((t) => note.addRow([t]));
  await wb.xlsx.writeFile(path.join(DOCS, '15-wuxi-zhengfu-gongzuo-fengong.xlsx'));
}

// 指标 sheet rows: [序号, 指标类别 (merged down), 指标名称, 单位, 2020年, 2025年, 属性, 责任单位]
const targets16 = [
  ['经济发展', [
    [1, '地区生产总值', '亿元', 612, 900, '预期性', '区发改局、区统计局'],
    [2, '地区生产总值年均增长', '%', 3.6, '8左右', '预期性', '区发改局'],
    [3, '全员劳动生产率', '万元/人', 16.8, 23, '预期性', '区统计局'],
    [4, '常住人口城镇化率', '%', 71.2, 76, '预期性', '区发改局、区住建局'],
    [5, '数字经济核心产业增加值占地区生产总值比重', '%', 6.5, 10, '预期性', '区工信局'],
  ]],
  ['创新驱动', [
    [6, '全社会研发经费投入增长', '%', 11.2, '>10', '预期性', '区科技局'],
    [7, '每万人口高价值发明专利拥有量', '件', 4.1, 8, '预期性', '区市场监管局'],
    [8, '高新技术企业数', '家', 186, 400, '预期性', '区科技局'],
  ]],
  ['民生福祉', [
    [9, '居民人均可支配收入增长', '%', 4.8, '与经济增长基本同步', '预期性', '区统计局、区人社局'],
    [10, '城镇调查失业率', '%', '—', '5.5以内', '预期性', '区人社局'],
    [11, '劳动年龄人口平均受教育年限', '年', 11.6, 12.2, '约束性', '区教育局'],
    [12, '每千人口拥有执业（助理）医师数', '人', 2.9, 3.5, '预期性', '区卫健局'],
    [13, '人均预期寿命', '岁', 79.6, 80.5, '预期性', '区卫健局'],
  ]],
  ['绿色生态', [
    [14, '单位地区生产总值能源消耗降低', '%', '—', '完成市下达目标', '约束性', '区发改局'],
    [15, '单位地区生产总值二氧化碳排放降低', '%', '—', '完成市下达目标', '约束性', '区发改局、区生态环境分局'],
    [16, '细颗粒物（PM2.5）年均浓度', '微克/立方米', 31, 28, '约束性', '区生态环境分局'],
    [17, '地表水达到或好于Ⅲ类水体比例', '%', 80, 85, '约束性', '区生态环境分局、区水务局'],
  ]],
  ['安全保障', [
    [18, '粮食综合生产能力', '万吨', 3.2, '3.2以上', '约束性', '区农业农村局'],
    [19, '能源综合生产能力', '万吨标准煤', 42, 50, '约束性', '区发改局'],
  ]],
];

// 任务 sheet rows: [序号, 任务名称, 主要内容, 牵头单位, 责任单位, 完成时限]
const tasks16 = [
  [1, '建设滨湖科学城', '规划建设滨湖科学城核心区，引进高校院所新型研发机构10家以上。', '区科技局', '区发改局、区自然资源分局', '2025年'],
  [2, '打造智能网联汽车产业集群', '引育整车及核心零部件企业，智能网联汽车产业产值达到500亿元。', '区工信局', '区招商局、区发改局', '2025年'],
  [3, '实施制造业“强链补链”工程', '围绕电子信息、装备制造两条主导产业链开展精准招商，每年引进亿元以上项目30个。', '区工信局', '区招商局', '持续推进'],
  [4, '发展现代服务业', '建设湖滨中央商务区，培育总部经济、金融服务、现代物流等业态。', '区商务局', '区发改局、区金融办', '2025年'],
  [5, '推进数字滨湖建设', '建设城市大脑和“一网统管”平台，5G网络实现城区全覆盖。', '区大数据局', '区工信局、区通信发展办', '2024年底'],
  [6, '全面推进乡村振兴', '建设高标准农田2.5万亩，打造市级以上美丽宜居示范村20个。', '区农业农村局', '区自然资源分局、各街道', '2025年'],
  [7, '完善综合交通网络', '建成地铁3号线滨湖段，新建改建城市道路60公里。', '区交通局', '区住建局', '2025年'],
  [8, '实施城市更新行动', '完成城镇老旧小区改造80个，推进城中村改造。', '区住建局', '各街道', '2025年'],
  [9, '深化营商环境改革', '推进政务服务标准化规范化便利化，打造一流营商环境。', '区行政审批局', '区发改局、区市场监管局', '持续推进'],
  [10, '扩大对外开放合作', '建设跨境电商综合试验区滨湖园区，实际使用外资年均增长5%。', '区商务局', '区招商局', '2025年'],
  [11, '推进生态环境综合治理', '实施滨湖水环境综合治理，完成入湖河道整治12条。', '区生态环境分局', '区水务局、区城管局', '2023年底'],
  [12, '推动绿色低碳发展', '制定区级碳达峰行动方案，推进工业、建筑、交通领域节能降碳。', '区发改局', '区工信局、区住建局、区交通局', '2022年6月底前'],
  [13, '办好人民满意教育', '新建改扩建中小学、幼儿园25所，新增学位2.4万个。', '区教育局', '区住建局、区财政局', '2025年'],
  [14, '建设健康滨湖', '建成区人民医院新院区，每个街道建成1家标准化社区卫生服务中心。', '区卫健局', '区住建局', '2024年底'],
  [15, '健全社会保障体系', '推进社保扩面，基本养老保险参保率达到95%以上。', '区人社局', '区医保局、区民政局', '持续推进'],
  [16, '统筹发展和安全', '健全应急管理体系，开展安全生产专项整治三年行动。', '区应急管理局', '区直有关部门、各街道', '2022年底前'],
];

async function book16() {
  const wb = new ExcelJS.Workbook();
  wb.creator = '滨湖区发展和改革局';
  const title = '《珠浦市滨湖区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》';
  const t = wb.addWorksheet('主要指标');
  t.columns = [{ width: 6 }, { width: 12 }, { width: 40 }, { width: 14 }, { width: 10 }, { width: 20 }, { width: 10 }, { width: 28 }];
  t.mergeCells('A1:H1');
  t.getCell('A1').value = '附件1　' + title + '主要指标分解表';
  t.getCell('A1').font = { name: '方正小标宋简体', size: 14 };
  t.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  t.getRow(1).height = 36;
  t.mergeCells('A2:H2');
  t.getCell('A2').value = '编制单位：滨湖区发展和改革局　　　　　　　　　　　　　日期：2021年6月30日';
  t.addRow(['序号', '指标类别', '指标名称', '单位', '2020年', '2025年', '属性', '责任单位']);
  header(t, 3, 3, 8);
  let r = 4;
  for (const [cat, items] of targets16) {
    const first = r;
    for (const [no, name, unit, v2020, v2025, attr, units] of items) {
      t.addRow([no, cat, name, unit, v2020, v2025, attr, units]);
      r++;
    }
    t.mergeCells(first, 2, r - 1, 2);
  }
  grid(t, 4, r - 1, 8);
  t.addRow([]);
  t.addRow(['注：单位地区生产总值能源消耗降低、二氧化碳排放降低以市下达的“十四五”目标为准。']);
  t.mergeCells(r + 1, 1, r + 1, 8);

  const k = wb.addWorksheet('重点任务');
  k.columns = [{ width: 6 }, { width: 26 }, { width: 56 }, { width: 16 }, { width: 28 }, { width: 14 }];
  k.mergeCells('A1:F1');
  k.getCell('A1').value = '附件2　' + title + '重点任务分工表';
  k.getCell('A1').font = { name: '方正小标宋简体', size: 14 };
  k.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  k.getRow(1).height = 36;
  k.addRow(['序号', '任务名称', '主要内容', '牵头单位', '责任单位', '完成时限']);
  header(k, 2, 2, 6);
  for (const row of tasks16) k.addRow(row);
  grid(k, 3, 2 + tasks16.length, 6);
  await wb.xlsx.writeFile(path.join(DOCS, '16-binhu-gangyao-zhibiao-renwu.xlsx'));
}

module.exports = { DOCS, border, grid, header, sheetTitle, titleRows };

if (require.main === module) {
  (async () => {
    await book15();
    await book16();
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
