// Reads what kind of target an indicator is (level, period total, change amount, growth rate, bound) and which way is
// better, honouring the planner's override of kind and direction; and whether an actual value meets a target under its
// qualifier (以上, 左右, 超过, 以内 …).
import type { JudgeDirection, JudgeKind } from '../../contract/model';

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

/**
 * A rate of change: 增速, 增长率, 增幅, 涨幅, a name ending in 增长, or 年均 followed by a word of change (年均增长,
 * 年均下降). 年均 alone is an annual average of a level (年均浓度, 年均降水量) and no rate.
 */
const RATE_NAME = /增速|增长率|增幅|涨幅|年均[^，,；;、]{0,6}?(?:增长|增速|增幅|提高|下降|降低|减少)|增长\s*(?:[(（][^)）]*[)）]?)?\s*$/;
const RATE_TEXT = /增速|增长率|年均[^，,；;、]{0,6}?(?:增长|增速|增幅|提高|下降|降低|减少)/;
const CHANGE_DOWN = /下降|降低|减少|削减|压减|降幅/;
const LOWER_WORDS = /下降|降低|减少|削减|压减|排放|能耗|水耗|煤耗|浓度|控制在|失业率|死亡率|发生率|事故|涨幅/;
const CEILING_WORDS = /控制在|以内|不超过|不高于/;
/** Things that are better higher: a bare target below the baseline is a floor already passed (森林覆盖率 43→42). */
const HIGHER_WORDS = /覆盖率|保有量|产量|绿化|湿地|耕地|优良|达标率|收入|预期寿命|普及率|入学率|参保率|就业/;
/** 保持, 稳定在, 维持: the level is to be held, not moved. */
const HOLD_WORDS = /保持|稳定|维持/;
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
  /** The planner's override ('' or absent: read from the target). 'manual' is handled before classifying. */
  judgeKind?: JudgeKind | string; judgeDirection?: JudgeDirection | string;
}

const reading = (kind: TargetKind, direction: 'up' | 'down', points = false): Reading =>
  ({ kind, direction, sense: kind === 'level' || kind === 'bound' ? (direction === 'down' ? 'lower' : 'higher') : 'higher', points });

function automatic(k: KindInput): Reading {
  const words = `${k.name} ${k.targetText}`;
  const lowerWords = LOWER_WORDS.test(words);
  const belowBase = k.baseline != null && k.target < k.baseline;
  const ceiling = CEILING_Q.has(k.qualifier) || CEILING_WORDS.test(words);
  const floor = FLOOR_Q.has(k.qualifier);
  const hold = HOLD_WORDS.test(k.targetText);
  if (POINTS.test(`${k.targetText} ${k.unit}`)) return reading('amount', CHANGE_DOWN.test(words) ? 'down' : 'up', true);
  // A ceiling at or above where the indicator starts holds all the time (失业率5.5%以内, 涨幅3%以内).
  if (ceiling && !belowBase && !CHANGE_DOWN.test(words)) return reading('bound', 'down');
  if (RATE_NAME.test(k.name) || RATE_TEXT.test(k.targetText)) return reading('rate', CHANGE_DOWN.test(words) ? 'down' : 'up');
  if (CHANGE_DOWN.test(words) && !belowBase) return reading('amount', 'down');
  if (k.cumulative) return reading('cumulative', 'up');
  // A floor at or below where it starts holds all the time (耕地不低于90, 粮食产量稳定在50以上).
  if (floor && (k.baseline != null ? k.target <= k.baseline : hold)) return reading('bound', 'up');
  if (hold && (k.baseline == null || !floor)) return reading('bound', ceiling || lowerWords ? 'down' : 'up');
  if (k.baseline != null && k.target === k.baseline) return reading('bound', lowerWords ? 'down' : 'up');
  if (belowBase && !lowerWords && HIGHER_WORDS.test(k.name)) return reading('bound', 'up');
  const down = k.baseline != null ? belowBase : lowerWords || ceiling;
  return reading('level', down ? 'down' : 'up');
}

/** The kind and direction a target is judged by: the planner's override where there is one, else read from it. */
export function classify(k: KindInput): Reading {
  const auto = automatic(k);
  const dir = k.judgeDirection === 'up' || k.judgeDirection === 'down' ? k.judgeDirection : null;
  switch (k.judgeKind) {
    case 'level': return reading('level', dir ?? (k.baseline != null ? (k.target < k.baseline ? 'down' : 'up') : auto.direction));
    case 'cumulative': return reading('cumulative', dir ?? 'up');
    case 'growth': return reading('rate', dir ?? (CHANGE_DOWN.test(`${k.name} ${k.targetText}`) ? 'down' : 'up'));
    case 'control': {
      const ceiling = CEILING_Q.has(k.qualifier) || CEILING_WORDS.test(`${k.name} ${k.targetText}`);
      const floor = FLOOR_Q.has(k.qualifier);
      return reading('bound', dir ?? (ceiling ? 'down' : floor ? 'up' : auto.direction));
    }
    default: return dir ? { ...reading(auto.kind, dir, auto.points) } : auto;
  }
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
