#!/usr/bin/env python3
"""Builds docs/01-lanzhou-gangyao-fengong.docx from the text below (standard library only).

The .docx is written as plain OOXML: real heading styles, a notice head before the plan, a 主要指标 table
with a two-row header and vertically merged 类别 cells (w:vMerge), a 目标值 header cell spanning two columns
(w:gridSpan), and a 分工 table whose group rows span all five columns."""
import sys
import zipfile
from xml.sax.saxutils import escape

OUT = sys.argv[1] if len(sys.argv) > 1 else 'docs/01-lanzhou-gangyao-fengong.docx'

TITLE = '岚州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要主要目标任务分工方案'

# ---------------------------------------------------------------- content
blocks = []
P = lambda t, style=None, align=None, bold=False: blocks.append(('p', t, style, align, bold))
T = lambda spec: blocks.append(('table', spec))

P('岚州市人民政府办公室文件', 'Title', 'center')
P('岚政办发〔2021〕41号', None, 'center')
P('岚州市人民政府办公室关于印发' + TITLE + '的通知', 'Subtitle', 'center', True)
P('各县（市、区）人民政府，岚州高新区管委会，市政府各部门：')
P('《' + TITLE + '》已经市人民政府同意，现印发给你们，请对照分工抓好落实，每年12月10日前将年度推进情况报送市发改委。')
P('岚州市人民政府办公室', None, 'right')
P('2021年11月18日', None, 'right')
P('（此件公开发布）', None, 'left')
P(TITLE, 'Title', 'center')
P('市八届人大六次会议审议批准的《岚州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（以下简称《纲要》），'
  '描绘了今后五年全市发展的路线图。为把《纲要》确定的目标任务逐项分解到单位、落实到年度，现就分工事项安排如下。')

P('一、总体要求', 'Heading1')
P('各牵头单位对所牵头的指标和任务负总责，会同责任单位（配合单位）细化年度计划、明确推进节点；责任单位要主动对接、按职能协同推进。'
  '涉及各县（市、区）和岚州高新区的事项，由各县（市、区）人民政府、岚州高新区管委会按属地原则组织落实，以下不再逐项列明。')

P('二、主要指标', 'Heading1')
P('到2025年，全市经济社会发展主要指标安排如下。')
P('（一）经济发展类', 'Heading2')
P('1．地区生产总值年均增长6.5%左右，总量达到3200亿元以上。（预期性指标，牵头单位：市发改委；责任单位：市统计局、市经信局）')
P('2．全员劳动生产率年均增长6.8%以上。（预期性指标，牵头单位：市统计局；责任单位：市发改委、市人社局）')
P('3．常住人口城镇化率达到62%。（预期性指标，牵头单位：市发改委；责任单位：市公安局、市住建局、市自然资源和规划局）')
P('4．一般公共预算收入年均增长6%左右。（预期性指标，牵头单位：市财政局；责任单位：市税务局）')
P('（二）创新驱动类', 'Heading2')
P('5．全社会研发经费投入强度由2020年的1.86%提高到2.5%以上。（预期性指标，牵头单位：市科技局；责任单位：市统计局、市财政局）')
P('6．每万人口高价值发明专利拥有量达到4.2件。（预期性指标，牵头单位：市市场监管局；责任单位：市科技局）')
P('7．数字经济核心产业增加值占地区生产总值比重达到8%。（预期性指标，牵头单位：市经信局；责任单位：市发改委、市统计局、市数据局）')
P('8．高新技术企业数量达到680家。（预期性指标，牵头单位：市科技局；责任单位：市税务局、市财政局）')
P('（三）民生福祉、绿色生态和安全保障类', 'Heading2')
P('上述三类指标共15项，目标值及牵头单位见表1，责任单位由牵头单位会同有关部门另行明确。')
P('表1　民生福祉、绿色生态和安全保障类指标分工表', None, 'center', True)

V = 'restart', 'continue'
T({
    'widths': [900, 3300, 1100, 1000, 1400, 900, 1500],
    'header': [
        [('类别', 1, 'restart'), ('指标', 1, 'restart'), ('单位', 1, 'restart'), ('目标值', 2, None), ('属性', 1, 'restart'), ('牵头单位', 1, 'restart')],
        [('', 1, 'continue'), ('', 1, 'continue'), ('', 1, 'continue'), ('2020年', 1, None), ('2025年', 1, None), ('', 1, 'continue'), ('', 1, 'continue')],
    ],
    'rows': [
        ['民生福祉', '居民人均可支配收入增长', '%', '7.1', '与经济增长同步', '预期性', '市统计局'],
        [None, '城镇调查失业率', '%', '5.3', '5.5以内', '预期性', '市人社局'],
        [None, '劳动年龄人口平均受教育年限', '年', '10.6', '11.2', '约束性', '市教育局'],
        [None, '每千人口执业（助理）医师数', '人', '2.7', '3.2', '预期性', '市卫健委'],
        [None, '基本养老保险参保率', '%', '92', '95', '预期性', '市人社局'],
        [None, '每千人口拥有3岁以下婴幼儿托位数', '个', '1.3', '4.5', '预期性', '市卫健委'],
        [None, '人均预期寿命', '岁', '78.2', '79', '预期性', '市卫健委'],
        ['绿色生态', '单位地区生产总值能源消耗降低', '%', '—', '完成省下达目标', '约束性', '市发改委'],
        [None, '单位地区生产总值二氧化碳排放降低', '%', '—', '完成省下达目标', '约束性', '市生态环境局'],
        [None, '地表水达到或好于Ⅲ类水体比例', '%', '86.7', '90', '约束性', '市生态环境局'],
        [None, '细颗粒物（PM2.5）平均浓度', '微克/立方米', '41', '35', '约束性', '市生态环境局'],
        [None, '森林覆盖率', '%', '38.40', '39.2', '约束性', '市林业局'],
        [None, '耕地保有量', '万亩', '—', '完成省下达任务', '约束性', '市自然资源和规划局'],
        ['安全保障', '粮食综合生产能力', '万吨', '168', '170以上', '约束性', '市农业农村局'],
        [None, '亿元地区生产总值生产安全事故死亡率', '人', '0.031', '0.021', '约束性', '市应急管理局'],
    ],
    'vmerge_col0': True,
})

P('三、重点任务分工', 'Heading1')
P('《纲要》确定的重点任务分为七个方面20项，具体分工见表2。完成时限为“长期坚持”“持续推进”的，每年明确阶段目标。')
P('表2　重点任务分工表', None, 'center', True)
G = lambda t: ('group', t)
T({
    'widths': [700, 4600, 1500, 2300, 1300],
    'header': [[('序号', 1, None), ('工作任务', 1, None), ('牵头单位', 1, None), ('配合单位', 1, None), ('完成时限', 1, None)]],
    'rows': [
        G('（一）打造中部先进制造业集聚区'),
        ['1', '实施制造业集群培育工程，做大做强光电子信息、汽车零部件、新型建材三大主导产业集群，规模以上工业增加值年均增长8%。', '市经信局', '市发改委、市科技局、市商务局', '2025年底'],
        ['2', '推进“岚州制造”智能化改造，每年实施技术改造项目100个以上，到2025年建成省级智能工厂（数字化车间）40个。', '市经信局', '市财政局、市科技局', '2025年底'],
        ['3', '培育专精特新“小巨人”和单项冠军企业，建立优质中小企业梯度培育库，实行“一企一策”跟踪服务。', '市经信局', '市科技局、市市场监管局', '长期坚持'],
        ['4', '推动岚州高新区扩区调规，完成新一轮总体规划修编，争创国家级高新区。', '岚州高新区管委会', '市发改委、市自然资源和规划局、市科技局', '2024年6月底前'],
        G('（二）建设区域科技创新高地'),
        ['5', '建设岚江科创走廊，布局中试基地和概念验证中心5个以上，推动高校院所成果就地转化。', '市科技局', '市发改委、市财政局、市教育局', '2025年底'],
        ['6', '实施高新技术企业倍增计划，开展科技型中小企业评价入库行动，落实研发费用加计扣除政策。', '市科技局', '市税务局、市统计局', '持续推进'],
        ['7', '深化“科技副总”“人才驿站”等引才用才机制，五年引进高层次人才团队50个。', '市委人才办', '市人社局、市科技局', '2025年底'],
        G('（三）全面融入国内国际双循环'),
        ['8', '申建岚州综合保税区，推进铁路货运专用线与岚江港区联动发展。', '市商务局', '岚州海关、市交通运输局', '2023年12月底前'],
        ['9', '实施消费提质扩容行动，培育市级夜间经济集聚区10个，建设区域消费中心城市。', '市商务局', '市文旅局、市市场监管局', '2025年底'],
        ['10', '滚动实施“十四五”重大项目库管理，每年储备亿元以上项目300个以上，确保年度投资计划完成。', '市发改委', '市财政局、市自然资源和规划局、市生态环境局', '持续推进'],
        G('（四）推进以人为核心的新型城镇化'),
        ['11', '推进中心城区“两江四岸”有机更新，完成城镇老旧小区改造420个。', '市住建局', '市自然资源和规划局、市财政局', '2025年底'],
        ['12', '推进县城补短板强弱项，支持桑溪县、梅渡市建设省级县域经济发展示范县（市）。', '市发改委', '市住建局、市财政局', '2025年底'],
        ['13', '加快岚州北站综合交通枢纽建设，推进岚梅高速公路扩容改造。', '市交通运输局', '市发改委、市自然资源和规划局', '2024年底'],
        G('（五）推动绿色低碳发展'),
        ['14', '制定全市碳达峰实施方案，推进工业、建筑、交通等重点领域节能降碳。', '市发改委', '市生态环境局、市经信局、市住建局、市交通运输局', '2022年6月底前'],
        ['15', '深入打好蓝天、碧水、净土保卫战，推进岚江干流岸线生态修复。', '市生态环境局', '市水利和湖泊局、市林业局、市农业农村局', '长期坚持'],
        G('（六）增进民生福祉'),
        ['16', '实施城乡学校扩容提质工程，新改扩建中小学和幼儿园60所。', '市教育局', '市发改委、市财政局、市自然资源和规划局', '2025年底'],
        ['17', '推进紧密型县域医共体建设，建成市级区域医疗中心3个。', '市卫健委', '市医保局、市发改委', '2024年底'],
        ['18', '健全多层次社会保障体系，落实企业职工基本养老保险全国统筹。', '市人社局', '市医保局、市财政局', '持续推进'],
        G('（七）统筹发展和安全'),
        ['19', '开展安全生产专项整治，建成市级应急指挥平台并与省级平台联通。', '市应急管理局', '市公安局、市消防救援支队', '2022年12月底前'],
        ['20', '落实粮食安全党政同责，新建高标准农田85万亩。', '市农业农村局', '市发改委、市财政局、市自然资源和规划局', '2025年底'],
    ],
})

P('四、保障措施', 'Heading1')
P('（一）压实工作责任。各牵头单位要制定本单位落实方案，细化年度目标和推进措施，于2022年1月底前报市发改委备案。')
P('（二）强化监测评估。市发改委会同市统计局建立主要指标监测体系，2023年组织开展《纲要》实施中期评估，评估结果向市人大常委会报告。')
P('（三）严格督查考核。由市政府督查室牵头，将指标和任务完成情况纳入市政府年度督查考核，每半年通报一次。')

# ---------------------------------------------------------------- OOXML
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text, bold=False):
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, style=None, align=None, bold=False):
    ppr = ''
    if style or align:
        ppr = '<w:pPr>' + (f'<w:pStyle w:val="{style}"/>' if style else '') + (f'<w:jc w:val="{align}"/>' if align else '') + '</w:pPr>'
    return f'<w:p>{ppr}{run(text, bold) if text else ""}</w:p>'


def cell(text, width, span=1, vmerge=None, bold=False):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == 'restart':
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == 'continue':
        tcpr += '<w:vMerge/>'
    tcpr += '<w:vAlign w:val="center"/>'
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{para(text, None, "center" if len(text) < 12 else None, bold)}</w:tc>'


def table(spec):
    widths = spec['widths']
    n = len(widths)
    borders = ''.join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for b in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>',
           '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths) + '</w:tblGrid>']
    for hr in spec['header']:
        out.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>')
        col = 0
        for text, span, vm in hr:
            out.append(cell(text, sum(widths[col:col + span]), span, vm, True))
            col += span
        out.append('</w:tr>')
    rows = spec['rows']
    for i, r in enumerate(rows):
        out.append('<w:tr>')
        if isinstance(r, tuple) and r[0] == 'group':
            out.append(cell(r[1], sum(widths), n, None, True))
        else:
            for c, text in enumerate(r):
                vm = None
                if c == 0 and spec.get('vmerge_col0'):
                    vm = 'continue' if text is None else 'restart'
                out.append(cell(text or '', widths[c], 1, vm))
        out.append('</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)


body = []
for b in blocks:
    body.append(para(*b[1:]) if b[0] == 'p' else table(b[1]))
body.append('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1300" w:bottom="1440" w:left="1300" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}</w:body></w:document>'


def style(sid, name, size, bold=False, outline=None, based='Normal'):
    ppr = f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>' if outline is not None else ''
    rpr = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/></w:rPr>'
    return f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/><w:basedOn w:val="{based}"/>{ppr}{rpr}</w:style>'


styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W}>'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="28"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          + style('Title', 'Title', 40, True) + style('Subtitle', 'Subtitle', 32, True)
          + style('Heading1', 'heading 1', 32, True, 0) + style('Heading2', 'heading 2', 30, True, 1)
          + '</w:styles>')

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '</Relationships>')
DOCRELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '</Relationships>')
CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title>分工方案</dc:title><dc:creator>市政府办公室</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2021-11-18T09:00:00Z</dcterms:created></cp:coreProperties>')

FIXED = (2021, 11, 18, 9, 0, 0)
with zipfile.ZipFile(OUT, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in (('[Content_Types].xml', CT), ('_rels/.rels', RELS), ('word/document.xml', document),
                       ('word/_rels/document.xml.rels', DOCRELS), ('word/styles.xml', styles), ('docProps/core.xml', CORE)):
        z.writestr(zipfile.ZipInfo(name, FIXED), data.encode('utf-8'), zipfile.ZIP_DEFLATED)
print(OUT)
