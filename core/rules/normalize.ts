// Checks and normalises one evaluation value as typed, pasted or returned; a bad value is refused with a Chinese message.
import { TASK_STATUSES, VERDICTS, type TaskStatus } from '../../contract/model';
import { invalid } from '../common/errors';
import { halfWidth } from './values';


const STATUS_ALIASES: Record<string, TaskStatus> = {
  完成: '已完成', 已完成: '已完成', 未开始: '未启动', 正常推进: '序时推进', 按序时推进: '序时推进', 序时: '序时推进',
  超前: '超序时', 超序时推进: '超序时', 落后: '滞后', 进度滞后: '滞后', 调整: '已调整/取消', 取消: '已调整/取消',
  已调整: '已调整/取消', 已取消: '已调整/取消', 待定: '待评估',
};

export function normalizeStatus(v: unknown): TaskStatus {
  const s = String(v ?? '').trim();
  if (!s) return '待评估';
  if ((TASK_STATUSES as readonly string[]).includes(s)) return s as TaskStatus;
  const alias = STATUS_ALIASES[s];
  if (alias) return alias;
  throw invalid(`「${s.slice(0, 30)}」不是有效的评估状态,可选:${TASK_STATUSES.join('、')}`);
}

export function normalizeProgress(v: unknown): number | null {
  if (v == null || v === '') return null;
  const s = halfWidth(String(v)).trim().replace(/%$/, '');
  if (s === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw invalid(`进度应为 0 到 100 之间的数,「${String(v).slice(0, 30)}」不行`);
  return Math.round(n * 100) / 100;
}

/** 2023-06-30, 2023/6/30, 2023.6.30 and 2023年6月30日 all become 2023-06-30. */
export function normalizeDate(v: unknown): string {
  const s = halfWidth(String(v ?? '')).trim();
  if (!s) return '';
  const m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) throw invalid(`「${s.slice(0, 30)}」不是有效的日期,请写成 2023-06-30`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw invalid(`「${s}」不是存在的日期`);
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function normalizeVerdict(v: unknown): string {
  const s = String(v ?? '').trim();
  if (!s) return '';
  if ((VERDICTS as readonly string[]).includes(s)) return s;
  throw invalid(`「${s.slice(0, 30)}」不是有效的评估结论,可选:${VERDICTS.join('、')}`);
}

const text = (v: unknown): string => (v == null ? '' : String(v));

/** Normalises a value for a task or target evaluation field. */
export function normalizeField(field: string, v: unknown): string | number | null {
  switch (field) {
    case 'status': return normalizeStatus(v);
    case 'progress': return normalizeProgress(v);
    case 'reportedOn': return normalizeDate(v);
    case 'verdictOverride': return normalizeVerdict(v);
    case 'actual': return halfWidth(text(v)).trim();
    default: return text(v);
  }
}
