// Names for the items of a listed subject that share a value or a list of values: "有研发机构、有研发活动的企业占比",
// "主要农作物化肥、农药利用率" → each item given the shared head and tail ("主要农作物化肥利用率", "主要农作物农药利用率").
import { splitTop } from './units';

const VERB_END = /(分别|均|达到|达|提高至|提高到|提升至|提升到|增加至|增加到|增至|保持在|稳定在|控制在|超过|不低于|不少于|为|到|至)+$/;
const TAIL = /(的|增加值|占|企业|比重)/;
const METRIC = /(利用率|覆盖率|普及率|处理率|治理率|达标率|收集率|使用率|满意率|满意度|办结率|比例|占比|比重|率)$/;

/** Names for a list subject of `k` items, or null when it does not split into `k`. */
export function listNames(subject: string, k: number): string[] | null {
  const items = splitTop(subject.replace(VERB_END, ''), /[、]/).flatMap((x) => x.split(/和(?=[\p{Script=Han}“"])/u));
  if (items.length !== k || k < 2) return k === 1 && items.length === 1 ? items : null;
  const last = items[k - 1]!;
  const metric = last.match(METRIC);
  // A tail only the last item has ("…农药利用率"): each item gets it, and the first item's head is shared by all.
  const head = metric ? last.slice(0, -metric[1]!.length) : '';
  if (metric && metric[1]!.length >= 2 && head.length >= 1 && head.length <= 4 && !items.slice(0, -1).some((x) => METRIC.test(x))) {
    const tail = metric[1]!;
    const first = items[0]!;
    const prefix = first.length > head.length + 1 && items.length === 2 ? first.slice(0, first.length - head.length) : '';
    return items.map((x, i) => (i === k - 1 ? prefix + x : i === 0 ? first + tail : prefix + x + tail));
  }
  const m = last.slice(2).match(TAIL);
  const tail = m ? last.slice(2 + m.index!) : '';
  return items.map((x, i) => (i < k - 1 && tail && !x.endsWith(tail) ? x + tail : x));
}
