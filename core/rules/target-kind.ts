// Reads what kind of target an indicator is (level, period total, change amount, growth rate, bound) and which way is better;
// and whether an actual value meets a target under its qualifier (以上, 左右, 超过, 以内 …).

/** level 水平值 · cumulative 期间累计 · amount 变化量(降幅、百分点) · rate 增速 · bound 控制/保持 */
export type TargetKind = 'level' | 'cumulative' | 'amount' | 'rate' | 'bound';
/** Which way the compared numbers should move: for amounts and rates a larger number is always better. */
export type Sense = 'higher' | 'lower';

export interface Reading {
  kind: TargetKind;
  /** 'down': the thing measured should fall (能耗、排放、降幅类); 'up' otherwise. */
  direction: 'up' | 'down';
  sense: Sense;
  /** The target is a change written in percentage points (提高30个百分点). */
  points: boolean;
}

export const KIND_LABELS: Record<TargetKind, string> = {
  level: '水平类', cumulative: '期间累计类', amount: '变化量类', rate: '增速类', bound: '控制类',
};

const RATE_NAME = /年均|增速|增长率|增幅|增长\s*(?:[(（][^)）]*[)）]?)?\s*$/;
const RATE_TEXT = /年均|增速|增长率/;
const CHANGE_DOWN = /下降|降低|减少|削减|压减|降幅/;
const LOWER_WORDS = /下降|降低|减少|削减|压减|排放|能耗|水耗|煤耗|浓度|控制在|失业率|死亡率|发生率|事故/;
const CEILING_WORDS = /控制在|以内|不超过|不高于/;
const POINTS = /百分点/;
const CEILING_Q = new Set(['以内', '以下', '不超过', '不高于', '≤', '<']);
const FLOOR_Q = new Set(['以上', '超过', '不低于', '不少于', '≥', '>']);
const STRICT_Q = new Set(['超过', '>', '<']);
const APPROX_Q = new Set(['左右', '约']);
/** 左右/约: within this share of the target counts as met. */
export const APPROX_TOLERANCE = 0.05;

export interface KindInput {
  name: string; unit: string;
  /** The final target as written, its number, qualifier and cumulative marker. */
  targetText: string; target: number; qualifier: string; cumulative: boolean;
  baseline: number | null;
}

export function classify(k: KindInput): Reading {
  const words = `${k.name} ${k.targetText}`;
  const lowerWords = LOWER_WORDS.test(words);
  const belowBase = k.baseline != null && k.target < k.baseline;
  if (RATE_NAME.test(k.name) || RATE_TEXT.test(k.targetText)) {
    return { kind: 'rate', direction: CHANGE_DOWN.test(words) ? 'down' : 'up', sense: 'higher', points: false };
  }
  if (POINTS.test(`${k.targetText} ${k.unit}`)) {
    return { kind: 'amount', direction: CHANGE_DOWN.test(words) ? 'down' : 'up', sense: 'higher', points: true };
  }
  if (CHANGE_DOWN.test(words) && !belowBase) return { kind: 'amount', direction: 'down', sense: 'higher', points: false };
  if (k.cumulative) return { kind: 'cumulative', direction: 'up', sense: 'higher', points: false };
  const ceiling = CEILING_Q.has(k.qualifier) || CEILING_WORDS.test(words);
  if (ceiling && !belowBase) return { kind: 'bound', direction: 'down', sense: 'lower', points: false };
  if (FLOOR_Q.has(k.qualifier) && belowBase) return { kind: 'bound', direction: 'up', sense: 'higher', points: false };
  if (k.baseline != null && k.target === k.baseline) {
    return lowerWords
      ? { kind: 'bound', direction: 'down', sense: 'lower', points: false }
      : { kind: 'bound', direction: 'up', sense: 'higher', points: false };
  }
  const down = k.baseline != null ? belowBase : lowerWords;
  return { kind: 'level', direction: down ? 'down' : 'up', sense: down ? 'lower' : 'higher', points: false };
}

/** Whether `actual` meets `target` under the qualifier, with a tiny tolerance for decimal arithmetic. */
export function meets(actual: number, target: number, qualifier: string, sense: Sense): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  const slack = APPROX_Q.has(qualifier) ? APPROX_TOLERANCE * Math.abs(target) : 0;
  const strict = STRICT_Q.has(qualifier);
  if (sense === 'higher') return strict ? actual > target + eps : actual >= target - slack - eps;
  return strict ? actual < target - eps : actual <= target + slack + eps;
}

/**
 * An actual change written with a word for the other way ("上升2%" against a 降幅 target, "下降1.5%" against a growth
 * target) counts as negative.
 */
export function signedAmount(text: string, num: number, r: Reading): number {
  if (num <= 0 || (r.kind !== 'amount' && r.kind !== 'rate')) return num;
  const opposite = r.direction === 'down' ? /上升|增长|增加|提高|反弹/ : /下降|降低|减少|回落/;
  return opposite.test(text) ? -num : num;
}

/** A written value is itself a change in percentage points. */
export const isPoints = (text: string): boolean => POINTS.test(text);
