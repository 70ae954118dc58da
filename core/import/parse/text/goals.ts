// Numbers and phrases promised in text ("规上工业总产值达到1300亿元", "分别提高至40%、60%", "每年引进…100名以上",
// "均完成省下达目标") read into named goals with unit, qualifier, 期间累计 and the markers of their years (每年, 5年内).
import { splitTop } from './units';
import { listNames } from './goal-names';

export interface GoalValue {
  name: string; unit: string; value: string; qualifier: string; cumulative: boolean; year: number;
  /** "由2020年的57.4%提高到62%": the figure it starts from. */
  baseline: { year: number; value: string } | null;
  /** 每年…: the same figure for every year of the plan. */
  yearly: boolean;
  /** 5年内, 三年内: reached by the n-th year of the plan. */
  within: number | null;
  /** 自2022年起每年…, 2022—2025年，每年…: the first year of a yearly figure, later than the plan's. */
  since?: number;
}

const UNITS = ['PFlops', 'EFlops', 'TFlops', 'Gbps', 'Mbps', 'PB', 'TB', 'GW', 'MW', 'kW', '个百分点', '个工作日', '万立方米/日', '立方米/日', '微克/立方米', '吨标准煤/万元', '万吨标准煤', '吨标准煤', '亿元/平方公里', '万元/人', '万元/亩',
  '亿千瓦时', '万千瓦时', '千瓦时', '亿立方米', '亿人次', '亿件', '亿户', '亿吨', '亿人', '亿条', '万条', '万人次', '人次', '家次', '场次', '万亿元', '亿元', '万元', '万平方米', '平方米', '平方公里', '公里', '公顷', '万亩', '亩', '万千瓦', '千瓦', '兆瓦', '万辆', '辆',
  '万台套', '台套', '万台', '台', '万套', '套', '万家', '家', '万件', '件', '万名', '名', '万人', '人年', '人', '万吨', '吨', '万户', '户', '万头', '头', '万只', '只', '万羽', '亿个', '万个', '个', '万架', '万座', '项', '款',
  '座', '条', '所', '张', '根', '盏', '株', '棵', '艘', '栋', '部', '口', '片(?!区)', '架', '处', '次', '场', '期', '倍', '分钟', '小时', '天', '岁', '%', '％', '‰', '元', '万'];
const UNIT = UNITS.map((u) => u.replace(/[/]/g, '\\/')).join('|');
const NUM = new RegExp(`(超过|突破|超|不低于|不少于|不超过|不高于|大于|高于|>|≥|＞)?\\s*([[【]?)\\s*(\\d+(?:\\.\\d+)?(?:\\s*[—\\-~～]\\s*\\d+(?:\\.\\d+)?)?)\\s*([\\]】]?)\\s*(${UNIT}|年(?![底末内度前后起以至]))?(以上|左右|以内|以下)?`, 'g');
const MAY_HOLD = /\d|每年|期间|年内|下达|全覆盖|全部|全面消除|合理区间|同步|高于|不减少|有效保障|稳定达到|稳定保持|动态清零/;
const COUNTED = new RegExp(`^[^，,；;。、]*?\\d+(?:\\.\\d+)?\\s*(?:${UNIT})`);
const VERB_END = /(分别|均|达到|达|提高至|提高到|提升至|提升到|增加至|增加到|增至|保持在|稳定在|控制在|保持|超过|超|不低于|不少于|不超过|大于|高于|迈上|为|到|至|突破|压缩至|压缩到|缩短至|缩短到|降至|降低至|下降至|减少至|在)+$/;
const LEAD_WORDS = /^(争取|力争|实现|其中|同时|并|且|全力|确保|另外|此外|通过|并且)+/;
const YEAR_PHRASE = /(?<![较比从自由])(?:到|至|截至)?\s*20\d\d\s*年(?:底|末)?(?:前)?[,，]?/g;
const SPAN_WORDS = /^(每年|今后五年|今后三年|“十四五”期间|十四五期间|“十四五”时期|期间|[一二三四五六七八九十\d]+年内|年内|全年|当年|三年|五年)+/;
const IGNORED_AFTER = /^(台阶|水平|规模|目标|的?台阶|左右|以上)$/;
/** Words of rewards, subsidies and caps: their amounts are no goals. */
export const NOT_GOAL = /首次|奖励|奖补|补助(?!资金用于)|补贴(?!性)|资助|最高|一次性|给予|贴息|费率|减免|扶持资金|退还|返还|按[^，。]{0,12}的\d|的\d+(?:\.\d+)?[%％](?:确定|执行|计算|核定|收取|计收)|得分|扣分|不得分|权重|占\d+%|分值/;
/** Background: what was done before the plan. */
const PAST = /截至|截止|已(?:建成|累计|达到|完成|实现|有|经|培育|创建|新增|新建|开通|举办|打造|引进|认定|建设|形成|签约|落地|投运|投产|覆盖)|目前|近年来|以来|十三五|去年|过去|曾/;
/** A clause that sets the time of those after it in the past: "截至2023年底，", "近年来，", "今年以来，". */
const PAST_FRAME = /^(?:截至|截止|近年来|目前|[^，,]{0,12}以来|“?十三五”?(?:期间|时期)|过去)/;
/** What a plan or reply promises from here on: after background, a clause saying so is a goal again. */
const AHEAD = /(?:到|至)\s*20\d\d|力争|争取|下一步|计划|确保|预计|将|每年|(?<!截至|截止|较|比|从|自|于|由)20\d\d\s*年/;

/** Phrase values kept as written: 完成省下达目标, 全覆盖, 稳定达到Ⅳ类 …. */
const PHRASES = /(完成(?:省|市|国家|上级|区|县)下达(?:的)?(?:目标|任务|指标)(?:任务)?|控制在(?:省|市|国家|上级)下达(?:的)?(?:指标|目标)以内|稳定在合理区间|保持在合理区间|与经济增长基本同步|与经济增长同步|高于[\u4e00-\u9fff]{2,12}增长|全覆盖|全部退出|全部消除|全面消除|稳定(?:达到|保持)[ⅠⅡⅢⅣⅤ]+类|稳定(?:达到|保持)[一二三四五]类|不减少|有效保障|动态清零)$/;

interface Hit { value: string; unit: string; qualifier: string; before: string; after: string; cumulative: boolean }

const YEAR_UNIT_NAMES = /年限|寿命|年龄/;
const FUNDING_VERB = /(安排|投入|筹集|筹措|拿出)(不少于|不低于|不超过)?$/;
const FUND_USE = '用好|统筹|设立|整合|安排|筹措|管好|用足';
const FUND = new RegExp(`(?:${FUND_USE})([\\u4e00-\\u9fff]{2,16}?(?:专项资金|引导资金|资金|基金))$`);
const BARE_VERB = /^(建成|完成|新建|建设|实现|新增|累计建成|建立|打造)$/;
const BUILT = /(?:配套建设|建设|新建|建成|打造|布局|设立)([\u4e00-\u9fff（）()A-Za-z+]{2,20})$/;
const FUND_VERBS = new RegExp(`^(?:${FUND_USE})+`);
const LEVEL = /达到|提高|提升|保持|稳定|控制在|降至|降低|下降|率|比例|比重|设立|成立|组建/;
/** A year an item of a list states for itself: "…2023年达到4000个". */
const ITEM_YEAR = /(?:^|[^较比从自于\d])(20\d\d)\s*年(?:底|末)?(?=达到|达|突破|超过|提高到|提升到|增加到|增至|实现|建成|完成|为)/;

function hitsIn(item: string): Hit[] {
  const out: Hit[] = [];
  for (const m of item.matchAll(NUM)) {
    const [all, pre, open = '', value, close = '', unitRaw = '', suf = ''] = m as unknown as string[];
    const at = m.index! + all.indexOf(value!);
    const end = m.index! + all.length;
    const tail = item.slice(end);
    const head = item.slice(0, at);
    let unit = unitRaw;
    if (unit === '年' && !(YEAR_UNIT_NAMES.test(head) && +value! < 150)) continue;
    if (/^\s*(年|月|日|号|届|次会议|\)|）|[a-zA-Z])/.test(tail) && !close) continue;
    if (/([a-zA-Z]|表|专栏|图|附件|第|每|近|前|后)$/.test(head.replace(/[[【]\s*$/, ''))) continue;
    if (/^(19|20)\d\d$/.test(value!) && !unit) continue;
    if (!unit && !open && !(/(至|到|达|为|达到|超过|保持|控制在)$/.test(head) && (suf || !tail.trim()))) continue;
    // "设立规模10亿元的产业基金": the size promised for the noun after 的 is a goal named for it.
    if (/^的/.test(tail) && /规模$/.test(head) && unit) {
      const noun = tail.slice(1).split(/[、,，;；。（(]/)[0]!.trim();
      if (noun.length >= 2) out.push({ value: value!.replace(/\s+/g, ''), unit, qualifier: suf, before: `${noun}规模`, after: '', cumulative: false });
      continue;
    }
    // "在2000万元以上的企业": a value that qualifies a noun is not a goal.
    if (/^的/.test(tail) || /^(分|倍率)/.test(tail)) continue;
    // "3岁以下婴幼儿": a bound that qualifies the noun after it.
    if (suf === '以下' && /^[\u4e00-\u9fff]/.test(tail) && !/^(的|和|或|及|并|且|等)/.test(tail)) continue;
    // "对总投资10亿元以上项目": the size of the projects meant, before their noun (a count before it is a goal:
    // "吸引5万名以上高校毕业生").
    if (suf === '以上' && /^(亿元|万元|元)$/.test(unit) && /(总投资|投资额?|营业收入|营收|销售收入|销售额|产值)$/.test(head.trim()) && /^[\u4e00-\u9fff]/.test(tail) && !/^(的|和|或|及|并|且|等)/.test(tail)) continue;
    if (unitRaw === '岁' && /^[\u4e00-\u9fff]/.test(tail)) continue;
    // "24小时便利店", "15分钟生活圈": a time that names a kind of thing, not a figure promised.
    if (/^(小时|分钟)$/.test(unitRaw) && !suf && /^[\u4e00-\u9fff]/.test(tail) && !/^(内|以内|之内|左右|以上|以下|的|和|或)/.test(tail)) continue;
    // "引进投资10亿元以上文旅项目8个": a size bound of the noun whose count follows.
    // (Also "营业收入超10亿元企业6家".)
    if ((suf || pre) && /^[\u4e00-\u9fff“]/.test(tail) && COUNTED.test(tail)) continue;
    if (/[“「『"]$/.test(head)) continue;
    // "推进年产5万吨高性能纤维项目": the capacity that names a project (one to be built, 建成年产20万辆…基地, is a goal).
    if (/年产$/.test(head) && !/(建成|形成|达到|具备)年产$/.test(head)) continue;
    // "入选村年网络销售额应在500万元以上": who qualifies, not a goal.
    if (/(?:应|须|需|必须)在\s*$/.test(head)) continue;
    // "对使用年限超过8年或存在安全隐患的器材及时更新": a condition naming the things meant, not a goal.
    if (/^\s*对/.test(item) && /^[^，,；;。]*?的/.test(tail)) continue;
    // "每季度召开政企恳谈会1次": how often something is done within a year is its way of working, not a goal.
    if (/^(次|场|期)$/.test(unit) && /每(季度|月|半年|周|旬)/.test(head)) continue;
    unit = unit.replace('％', '%');
    const qualifier = suf || (pre ? ({ 超: '超过', 突破: '超过', '＞': '>', '≥': '不低于', 不少于: '不低于' } as Record<string, string>)[pre] ?? pre : '');
    const before = item.slice(0, m.index! + (pre ? 0 : all.indexOf(open || value!)));
    out.push({ value: value!.replace(/\s+/g, ''), unit, qualifier, before, after: tail, cumulative: !!open || /累计(?!达到)/.test(before) });
  }
  return out;
}

function nameOf(before: string, after: string, carry: string): string {
  // "●县城市大数据中心：新建标准机架2000架": what is counted, not the project the bullet names before the colon.
  // ("今年…的主要预期目标是：地区生产总值增长6%": the name after what the sentence says it sets out.)
  let b = before.replace(/^.*?目标(?:任务)?(?:是|为)[:：]/, '').replace(/^[●■◆▪•·]\s*[^：:]{2,30}[:：]|^[^：:，,。]{2,20}(?:工程|项目|行动|计划|中心|基地|平台)[：:]/, '').replace(YEAR_PHRASE, '').replace(SPAN_WORDS, '').replace(LEAD_WORDS, '').replace(SPAN_WORDS, '').trim();
  const a = after.split(/[、,，;；。（(]/)[0]!.replace(/^[\s的]*/, '').replace(/^(以上|左右|以内)/, '').trim();
  if (!b) b = carry;
  if (a.length >= 2 && !IGNORED_AFTER.test(a) && !/^[和与及或]/.test(a)) return (b + a).trim();
  // ("电子信息制造业营业收入力争突破1000亿元": 力争 says how hard, not what.)
  return b.replace(VERB_END, '').replace(/(力争|争取|确保|努力)$/, '').trim() || a;
}

const within = (s: string): number | null => {
  const m = s.match(/([一二三四五六七八九十\d]+)年内|今后([三五])年/);
  if (!m) return null;
  const n = m[1] ?? m[2]!;
  return /\d/.test(n) ? +n : '一二三四五六七八九十'.indexOf(n) + 1;
};

/** "由2020年的57.4%提高到62%": the starting figure, and the clause without it. */
function baselineOf(clause: string): { baseline: GoalValue['baseline']; rest: string } {
  const m = clause.match(/由\s*(20\d\d)\s*年(?:底|末)?的?\s*(\d+(?:\.\d+)?)\s*(?:%|％|[\u4e00-\u9fff]{1,4}|[A-Za-z]{1,8})?\s*(?=提高|增加|增长|提升|下降|降低|减少|扩大|缩小|降至)/);
  if (!m) return { baseline: null, rest: clause };
  return { baseline: { year: +m[1]!, value: m[2]! }, rest: clause.slice(0, m.index!) + clause.slice(m.index! + m[0].length) };
}

/** A clause whose value is a phrase ("…均完成省下达目标", "入湖河道全部消除劣Ⅴ类水体"). */
function phraseGoals(clause: string, y: number): GoalValue[] {
  const c = clause.replace(/[。.]$/, '').trim();
  const inverted = c.match(/^(.{2,20}?)(全部消除|全面消除|全部退出|全部淘汰)(.{2,20})$/);
  if (inverted && !/[，,]/.test(inverted[1]! + inverted[3]!)) {
    const name = inverted[1]!.replace(YEAR_PHRASE, '').replace(LEAD_WORDS, '').trim() + inverted[3]!;
    return [{ name, unit: '', value: inverted[2]!, qualifier: '', cumulative: false, year: y, baseline: null, yearly: false, within: null }];
  }
  const m = c.match(PHRASES);
  if (!m) return [];
  let subject = c.slice(0, m.index!).replace(YEAR_PHRASE, '').replace(SPAN_WORDS, '').replace(LEAD_WORDS, '').replace(/(要|将|基本|均|全部|实现|达到|保持)+$/, '').trim();
  subject = subject.replace(VERB_END, '').trim();
  if (subject.length < 2 || subject.length > 40 || /[，,]/.test(subject)) return [];
  // ("能耗降低和主要污染物排放总量减少完成市下达目标": each of the two, the one value for both.)
  const pair = /^(.{4,}?(?:降低|减少|下降|提高|增长|比重|比例|率|量|强度))和(.{4,})$/.exec(subject);
  const names = /[、]/.test(subject) && /均$/.test(c.slice(0, m.index!)) ? listNames(subject, splitTop(subject, /[、]/).length) ?? [subject] : pair ? [pair[1]!, pair[2]!] : [subject];
  return names.map((name) => ({ name, unit: '', value: m[1]!, qualifier: '', cumulative: false, year: y, baseline: null, yearly: /每年/.test(c), within: null }));
}

/** Goals in one sentence; `year` is the year the text's context promises them for. */
export function goalsInSentence(sentence: string, year: number, phrases = true, background = false): GoalValue[] {
  const out: GoalValue[] = [];
  const clauses = splitTop(sentence.replace(/[。]$/, ''), /[,，;；]/);
  // A clause that only says when ("“十四五”期间，", "每年，", "到2025年，") speaks for the clauses after it.
  let lead = { yearly: false, within: null as number | null, span: false, year: null as number | null, since: undefined as number | undefined };
  let prevYearly = false;
  let prevSpan = false;
  // "截至2023年底，全市共有…15条，较上年增加3条", "近年来，我局…打造了12条街区": background, up to a clause looking ahead.
  let past = false;
  // The year a clause stated for itself when it was before the sentence's: "2023年…达到180亿元，同比增长11.2%".
  let pastYear: number | null = null;
  clauses.forEach((raw, ci) => {
    if (!background) {
      // ("截至2025年底，…达到1万个" in a plan up to 2026 is a goal: only an earlier year is background.)
      const upTo = raw.match(/(?:截至|截止)(?:到)?\s*(20\d\d)/);
      const isPast = PAST.test(raw) && !(upTo && +upTo[1]! >= (lead.year ?? year));
      if (AHEAD.test(raw) && !isPast) past = false;
      else if (isPast && PAST_FRAME.test(raw.trim())) past = true;
      if (past || isPast) return;
    }
    // Most clauses hold neither a figure nor a phrase value: nothing to read.
    if (!MAY_HOLD.test(raw)) return;
    if (/^(力争|争取)?(到|至|截至|截止)?\s*(20\d\d年(底|末)?|“?十四五”?期间|期间|今后[三五]年|[一二三四五六七八九十\d]+年内|每年)$/.test(raw.trim())) {
      const y0 = raw.match(/20\d\d/);
      lead = { yearly: /每年/.test(raw), within: within(raw), span: /期间/.test(raw), year: y0 ? +y0[0] : lead.year, since: lead.since };
      return;
    }
    // "自2022年起，…每年…", "2022—2025年，…每年…": from when the yearly figures below run; as the clause's own opening
    // too ("2024—2025年每年免费诊断中小企业不少于300家", "自2024年起每年安排…").
    const from = raw.trim().match(/^(?:自\s*(20\d\d)\s*年起|(20\d\d)\s*年?\s*[—\-－–~～至]+\s*(20\d\d)\s*年)[,，]?/);
    const after = from ? raw.trim().slice(from[0].length) : '';
    if (from && (!after || after.startsWith('每年'))) {
      lead = { ...lead, since: +(from[1] ?? from[2])!, year: from[3] ? +from[3] : lead.year };
      if (!after) return;
      raw = after;
    }
    if (NOT_GOAL.test(raw)) return;
    // "注册资本5000万元以上且实缴到位的，按…给予…": a clause ending in 的 says who qualifies, before what they get.
    if (/的$/.test(raw.trim())) return;
    const { baseline, rest: clause } = baselineOf(raw);
    const own = clause.match(background ? /(?<![较比从由于])(?:截至|截止|到)?\s*(20\d\d)\s*年/ : /(?:到|至)\s*(20\d\d)\s*年/) ?? clause.match(/^\s*(20\d\d)\s*年(?!\d|底前|前)/);
    // (A clause with no time of its own after one of an earlier year speaks of that year.)
    const y = own ? +own[1]! : !/20\d\d|期间|年内|每年/.test(clause) && pastYear !== null ? pastYear : lead.year ?? year;
    pastYear = own && +own[1]! < (lead.year ?? year) ? +own[1]! : own ? null : pastYear;
    // "每年推介项目不少于100个，推介项目总投资不低于500亿元": a clause with no time of its own goes on in the one before.
    // (A level reached, 达到5000架, 稳定保持Ⅱ类, is no amount of the year or the period before it.)
    const ownTime = /20\d\d|期间|年内|累计|每年|年均/.test(clause) || LEVEL.test(clause);
    const marks = {
      yearly: (lead.yearly || /每年|年均新增|每年度|^年度/.test(clause) || (!ownTime && prevYearly)) && !/年均增长/.test(clause), within: within(clause) ?? lead.within,
      span: lead.span || /期间|[三五]年(?:内)?(?:新增|新建|累计|完成)|累计(?!达到)/.test(clause) || (!ownTime && prevSpan),
    };
    prevYearly = marks.yearly;
    prevSpan = marks.span;
    const push = (g: Omit<GoalValue, 'baseline' | 'yearly' | 'within'>) =>
      out.push({ ...g, cumulative: g.cumulative || marks.span || marks.within !== null, baseline, yearly: marks.yearly, within: marks.within, ...(marks.yearly && lead.since ? { since: lead.since } : {}) });
    const split = clause.indexOf('分别');
    if (split >= 0) {
      const hits = hitsIn(clause.slice(split));
      const subject = clause.slice(0, split).replace(YEAR_PHRASE, '').replace(LEAD_WORDS, '');
      let names = listNames(subject, hits.length);
      if (!names && ci > 0) names = listNames(clauses[ci - 1]!.replace(LEAD_WORDS, '').replace(/[一二三四五六七八九十两\d]+个.*$/, ''), hits.length);
      // ("分别压缩至2个、3个工作日以内": the bound written after the last figure is every figure's.)
      const last = hits[hits.length - 1]?.qualifier ?? '';
      const shared = /^(以内|以上|以下|左右)$/.test(last) && hits.slice(0, -1).every((h) => !h.qualifier) ? last : '';
      hits.forEach((h, i) => push({ name: names?.[i] ?? `${subject}(${i + 1})`, unit: h.unit, value: h.value, qualifier: h.qualifier || shared, cumulative: /累计/.test(clause) || h.cumulative, year: y }));
      return;
    }
    const whole = hitsIn(clause);
    if (!whole.length) { if (phrases) for (const g of phraseGoals(clause, y)) push(g); return; }
    // "A、B均达到43%以上": one value for each item of a list.
    const shared = whole.length === 1 && /、/.test(whole[0]!.before) && /均\s*(?:达到|为|保持在|稳定在|控制在|提高到|达)?\s*$/.test(whole[0]!.before.replace(/(超过|不低于)$/, ''));
    if (shared) {
      const h = whole[0]!;
      const subject = nameOf(h.before.replace(/均\s*(?:达到|为|保持在|稳定在|控制在|提高到|达)?\s*$/, ''), '', '');
      const names = listNames(subject, splitTop(subject, /[、]/).length) ?? [subject];
      for (const name of names) push({ name, unit: h.unit, value: h.value, qualifier: h.qualifier, cumulative: h.cumulative, year: y });
      return;
    }
    const items = whole.length > 1 ? splitTop(clause, /[、]/).flatMap((x) => (hitsIn(x).length > 1 ? x.split(/和(?=\d)/) : [x])) : [clause];
    // "统筹用好数字经济发展专项资金，县级财政每年安排不少于2000万元": an amount set aside is of the fund named before it.
    const fund = FUNDING_VERB.test(whole[0]!.before.trim()) ? clauses.slice(0, ci).reverse().map((c) => c.match(FUND)?.[1]?.replace(FUND_VERBS, '')).find(Boolean) : undefined;
    let carry = '';
    let prevName = '';
    for (const item of items) {
      // "5G基站2023年达到4000个、2025年达到6000个以上": each item in the year it states.
      const own = item.match(ITEM_YEAR);
      for (const h of items.length === 1 ? whole : hitsIn(item)) {
        let name = fund && items.length === 1 ? fund : nameOf(h.before, h.after, carry);
        // "配套建设停车换乘（P+R）停车场，到2024年底建成8处": what is built is the clause before's.
        if (BARE_VERB.test(name) && ci > 0) name = clauses[ci - 1]!.match(BUILT)?.[1] ?? name;
        // An item of a year without a name of its own goes on with the one before it.
        if (name.length < 2 && own && prevName) name = prevName;
        const verb = h.before.replace(YEAR_PHRASE, '').replace(LEAD_WORDS, '').trim();
        if (verb && !carry) carry = verb.replace(/[^累计新建增引进培育完成打造建成]+$/, '') ? verb : '';
        push({ name, unit: h.unit, value: h.value, qualifier: h.qualifier, cumulative: h.cumulative || /累计(?!达到)/.test(carry), year: own ? +own[1]! : y });
        prevName = name;
      }
    }
  });
  // "同比增长15%" names its rate after the goal before it.
  // "…增加值达到2000亿元，占地区生产总值比重达到45%": so does a share (占…比重) of the figure before it.
  out.forEach((g, k) => {
    // (After a share, "…增加值突破800亿元，占地区生产总值比重提高到12%，年均增长15%": the growth is of the figure, not its share.)
    // ("跨境电商进出口额年均增长18%以上，总额达到260亿元": the amount itself.)
    if (k > 0 && /^(总额|总量|总规模|规模)$/.test(g.name)) g.name = out[k - 1]!.name.replace(/(年均增长|年均增速|同比增长|增长|增速)$/, '');
    else if (k > 0 && /^(同比|年均|比上年)/.test(g.name)) g.name = out[k - 1]!.name.replace(/(?<=.{2})占[^，,]{2,20}(?:比重|比例)$/, '') + g.name;
    else if (k > 0 && /^占/.test(g.name)) g.name = out[k - 1]!.name.replace(/(年均增长|年均增速|同比增长|增长)$/, '') + g.name;
  });
  return out.filter((g) => g.name.length >= 2);
}

export const sentencesOf = (text: string): string[] => text.split(/(?<=[。；;])/).map((s) => s.trim()).filter(Boolean);
