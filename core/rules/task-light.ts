// 任务预警规则（纯函数）: a task's light at the round's cut-off from its deadline (完成时限), dated milestones, evaluation
// status and progress, with the reason in words and the days it is overdue. Never throws.
/*
 * 以本轮截止日期为时点（任务的完成时限、节点都按日历日期比较）：
 *   · 已调整/取消：不亮灯。已完成（或进度达到100%）：绿灯。
 *   · 红灯：已过完成时限（截止日期晚于时限）仍未完成，给出逾期天数；或评估状态为“滞后”。
 *   · 黄灯：已过某个节点，而进度未达到该节点的要求（节点写有百分比的按百分比，否则按节点在全部节点与完成时限中的
 *     次序均分；未填进度的，除评估状态为序时推进、超序时外均算未达到）；或距完成时限不足“临期天数”（含当天）仍未完成。
 *   · 尚未评估（评估状态为待评估）而不在上列情形的：不亮灯，与没有实际值的指标一样，不把未评估的任务算作绿灯。
 *   · 其余为绿灯。完成时限写作 2025-06-30、2025（即该年年末）、2025-06（即该月月末）；“长期”或未填即没有时限。
 */
import type { TaskLight, TaskMilestone, Thresholds } from '../../contract/model';
import { dueSoon } from '../../contract/lights';

/** What one task's light is read from. */
export interface TaskFacts { deadline: string; milestones: TaskMilestone[]; status: string; progress: number | null }

export interface TaskLightInput extends TaskFacts {
  /** The date the light is read at: the round's cut-off, YYYY-MM-DD. */
  asOf: string;
  thresholds: Pick<Thresholds, 'dueSoonDays'>;
}

const DAY = 86_400_000;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A deadline or milestone as a calendar date: 2025 → 2025-12-31, 2025-06 → 2025-06-30; null for 长期, '' or no date. */
export function dueDate(text: unknown): string | null {
  const s = String(text ?? '').trim();
  const m = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*(?:年|年底|年末|底|末|前|之前|底前)*$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1900 || y > 2200) return null;
  const mo = m[2] ? Number(m[2]) : 12;
  if (mo < 1 || mo > 12) return null;
  const d = m[3] ? Number(m[3]) : lastDay(y, mo);
  if (d < 1 || d > lastDay(y, mo)) return null;
  return iso(y, mo, d);
}

const dayNumber = (s: string): number => { const [y, m, d] = s.split('-').map(Number); return Date.UTC(y, m - 1, d) / DAY; };

/** Whole days from a to b (both YYYY-MM-DD); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

const light = (flag: TaskLight['flag'], reason: string, overdueDays: number | null = null): TaskLight => ({ flag, reason, overdueDays });

/** The milestones passed at the date, latest last, each with the progress (%) it asks for. */
function passedNodes(ms: TaskMilestone[], deadline: string | null, asOf: string): { due: string; what: string; share: number }[] {
  const nodes = ms.map((m) => ({ due: dueDate(m?.due), what: String(m?.what ?? '').trim() }))
    .filter((m): m is { due: string; what: string } => m.due != null)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const count = nodes.length + (deadline != null && (!nodes.length || deadline > nodes[nodes.length - 1].due) ? 1 : 0);
  return nodes.map((m, i) => {
    const written = /(\d+(?:\.\d+)?)\s*[%％]/.exec(m.what);
    return { ...m, share: written ? Math.min(100, Number(written[1])) : Math.round(((i + 1) / count) * 100) };
  }).filter((m) => m.due < asOf);
}

/**
 * The rule at one date with one due-soon setting, for many tasks: the date is checked once and each written deadline
 * read once (a city's tasks share few of them).
 */
export function taskLighter(asOfText: string, thresholds: Pick<Thresholds, 'dueSoonDays'> | undefined): (t: TaskFacts) => TaskLight {
  const at = String(asOfText ?? '').trim();
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(at) && dueDate(at) === at ? at : null;
  const limits = { dueSoonDays: Number(thresholds?.dueSoonDays ?? 30) };
  const dates = new Map<string, string | null>();
  const due = (text: string) => {
    let d = dates.get(text);
    if (d === undefined) dates.set(text, (d = dueDate(text)));
    return d;
  };
  return (i) => {
    try {
      const status = String(i.status ?? '');
      const progress = typeof i.progress === 'number' && Number.isFinite(i.progress) ? i.progress : null;
      const written = String(i.deadline ?? '').trim();
      const deadline = due(written);
      if (status === '已调整/取消') return light('none', '任务已调整或取消，不亮灯');
      if (status === '已完成' || (progress != null && progress >= 100)) return light('green', '已完成');
      if (!asOf) return light('none', '本轮截止日期无效，无法判断');
      if (deadline && deadline < asOf) {
        const days = daysBetween(deadline, asOf);
        return light('red', `已超过完成时限（${written}）${days}天仍未完成`, days);
      }
      if (status === '滞后') return light('red', '评估状态为滞后');
      if (Array.isArray(i.milestones) && i.milestones.length) {
        const passed = passedNodes(i.milestones, deadline, asOf);
        const trusted = status === '序时推进' || status === '超序时';
        const behind = [...passed].reverse().find((m) => (progress == null ? !trusted : progress < m.share));
        if (behind) {
          const told = progress == null ? '未填报进度' : `填报进度${progress}%`;
          return light('yellow', `已过${behind.due}节点${behind.what ? `“${behind.what}”` : ''}，应完成约${behind.share}%，${told}`);
        }
      }
      const left = deadline ? daysBetween(asOf, deadline) : null;
      if (left != null && dueSoon(left, limits)) {
        return light('yellow', left === 0 ? `今日（${written}）到完成时限，仍未完成` : `距完成时限（${written}）还有${left}天，仍未完成`);
      }
      const when = left != null ? `未到完成时限（${written}），还有${left}天` : written === '长期' ? '长期任务' : '未设完成时限';
      if (status === '待评估' || !status) return light('none', `尚未评估；${when}`);
      return light('green', when);
    } catch {
      return light('none', '数据异常，无法判断');
    }
  };
}

/** One task's light. */
export function taskLight(i: TaskLightInput): TaskLight {
  try {
    return taskLighter(i.asOf, i.thresholds)(i);
  } catch {
    return light('none', '数据异常，无法判断');
  }
}
