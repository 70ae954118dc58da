// Word stock for the city-scale data generator: a seeded random source, real 区县 and 委办局 names, plan fields,
// and the clauses of the seed documents from which task titles and bodies are composed.
import fs from 'node:fs';
import path from 'node:path';
import { seedDir } from '../import/seed';

/** mulberry32: small, fast and the same on every machine for the same seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
export const between = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

export const DISTRICTS = [
  '渝中区', '江北区', '南岸区', '九龙坡区', '沙坪坝区', '大渡口区', '北碚区', '渝北区', '巴南区', '万州区', '涪陵区',
  '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '綦江区', '大足区', '璧山区', '铜梁区', '潼南区', '荣昌区',
  '开州区', '梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县',
  '石柱县', '秀山县', '酉阳县', '彭水县', '两江新区', '西部科学城重庆高新区',
] as const;

export const BUREAUS = [
  '发展改革委', '经济信息委', '教委', '科技局', '公安局', '民政局', '司法局', '财政局', '人力社保局', '规划自然资源局',
  '生态环境局', '住房城乡建委', '城市管理局', '交通运输委', '水利局', '农业农村委', '商务委', '文化旅游委', '卫生健康委',
  '应急管理局', '国资委', '市场监管局', '体育局', '统计局', '医保局', '林业局', '大数据发展局', '能源局', '招商投资局',
  '退役军人事务局', '乡村振兴局', '金融监管局', '机关事务管理局', '政府口岸物流办', '中新项目管理局',
] as const;

export const CITY = '重庆市';

/** 市发展改革委 and the like for the city; 江北区发展改革委 and the like for a district. */
export const bureau = (owner: string, b: string): string => (owner === CITY ? `市${b}` : `${owner}${b}`);

export const FIELDS = [
  '制造业高质量发展', '数字经济', '现代服务业', '科技创新', '生态环境保护', '综合交通', '城市更新', '乡村振兴',
  '教育事业', '卫生健康', '文化旅游', '体育事业', '养老服务', '应急管理', '水安全保障', '能源发展', '商贸物流',
  '开放型经济', '营商环境', '人才发展', '智慧城市', '新型基础设施', '现代农业', '国土空间', '住房保障', '市场监管',
] as const;

export const CHAPTERS = [
  '加快构建现代产业体系', '强化科技创新支撑', '推进数字化转型', '提升基础设施水平', '深化改革开放',
  '推动绿色低碳发展', '增进民生福祉', '提高城市治理水平', '全面推进乡村振兴', '统筹发展和安全',
] as const;

export const SECTIONS = [
  '做强先进制造业', '培育新兴产业', '提升服务业能级', '完善创新平台', '壮大市场主体', '优化空间布局',
  '建设重大项目', '强化要素保障', '健全体制机制', '提升公共服务', '加强生态治理', '推进城乡融合',
] as const;

export const TARGET_NAMES: readonly (readonly [string, string, string])[] = [
  ['地区生产总值', '亿元', '经济发展'], ['规上工业总产值', '亿元', '经济发展'], ['数字经济核心产业增加值', '亿元', '创新驱动'],
  ['研究与试验发展经费投入强度', '%', '创新驱动'], ['高新技术企业数量', '家', '创新驱动'], ['社会消费品零售总额', '亿元', '经济发展'],
  ['固定资产投资年均增长', '%', '经济发展'], ['常住人口城镇化率', '%', '城乡发展'], ['城镇新增就业人数', '万人', '民生福祉'],
  ['每千人口拥有执业(助理)医师数', '人', '民生福祉'], ['空气质量优良天数比率', '%', '绿色生态'],
  ['单位地区生产总值能源消耗降低', '%', '绿色生态'], ['森林覆盖率', '%', '绿色生态'], ['5G基站数量', '个', '基础设施'],
  ['高速公路通车里程', '公里', '基础设施'], ['每万人口高价值发明专利拥有量', '件', '创新驱动'],
];

const CLAUSE = /[^。;;,,、:!?!?\s]+/g;

/** Clauses of real plan language from the seed texts: 6 to 30 characters, mostly Chinese, no numbering or dates. */
export function seedClauses(dir = seedDir()): string[] {
  const out = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(CLAUSE)) {
      const c = m[0].replace(/^[((]?[一二三四五六七八九十\d]+[))、.]/, '').trim();
      const len = Array.from(c).length;
      if (len < 6 || len > 30) continue;
      if (/[a-zA-Z\[\]{}<>|=_/\\]|bookmark|http|年月|第[一二三四五六七八九十]+章/.test(c)) continue;
      const han = (c.match(/\p{Script=Han}/gu) ?? []).length;
      if (han / len < 0.8) continue;
      out.add(c);
    }
  }
  if (out.size < 200) throw new Error(`种子文档中可用的句子太少(${out.size}),无法生成数据:${dir}`);
  return [...out];
}
