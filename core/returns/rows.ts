// The rows of a unit's fill-in workbook: its tasks with the unit's part in each (lead or responsible) and their lights, its targets
// with their judgement (light and verdict) and data date, each with what the unit reported in the round before.
import type { DB } from '../../db/connection';
import type { Round } from '../../contract/model';
import { judgedTargets } from '../judgement/targets';
import { taskLighter } from '../judgement/tasks';
import { taskMilestones } from '../../db/repos/tasks';
import { tasksOfUnits, dataDates, previousRoundId, previousValues } from '../../db/repos/returns';
import { dateText, type ReturnTaskRow, type ReturnTargetRow } from './layout';

/** "评估状态:序时推进;进度:60%" and the 进展情况 below it: a task's last report in one cell. */
function taskPrevious(v: Record<string, string | null> | undefined): string {
  if (!v) return '';
  const head = [v.status && v.status !== '待评估' ? `评估状态:${v.status}` : '', v.progress != null && v.progress !== '' ? `进度:${v.progress}%` : '']
    .filter(Boolean).join(';');
  return [head, v.evidence ? `进展情况:${v.evidence}` : ''].filter(Boolean).join('\n');
}

const targetPrevious = (v: Record<string, string | null> | undefined): string =>
  (v?.actual ? `${v.actual}${v.dataDate ? `(截至${dateText(v.dataDate)})` : ''}` : '');

/**
 * The task rows of each unit's workbook: every unit's tasks read at once, lights and 节点 read once for all of them,
 * each unit's own last report for its own.
 */
export function unitsTaskRows(db: DB, round: Round, units: string[]): Map<string, ReturnTaskRow[]> {
  const lists = tasksOfUnits(db, round.id, units);
  const prev = previousRoundId(db, round.id);
  // The same light as in the grid and the report: deadline, 节点, status and progress at the round's cut-off.
  const lightOf = taskLighter(db, round.id);
  const ids = [...new Set([...lists.values()].flatMap((l) => l.map((t) => t.id)))];
  const nodes = ids.length ? taskMilestones(db, ids.length > 5000 ? null : ids) : new Map();
  const out = new Map<string, ReturnTaskRow[]>();
  for (const [unit, tasks] of lists) {
    const before = prev != null && tasks.length ? previousValues(db, prev, unit, 'task', tasks.map((t) => t.id)) : new Map();
    out.set(unit, tasks.map((t) => {
      const light = lightOf({ deadline: t.deadline, milestones: nodes.get(t.id) ?? [], status: t.status, progress: t.progress });
      return {
        ...t, role: t.leadUnits.includes(unit) ? '牵头' : '责任', previous: taskPrevious(before.get(t.id)),
        light: light.flag, overdueDays: light.overdueDays,
      };
    }));
  }
  return out;
}

export function unitTargetRows(db: DB, round: Round, unit: string): ReturnTargetRow[] {
  const judged = judgedTargets(db, { roundId: round.id, unit }).rows;
  if (!judged.length) return [];
  const ids = judged.map((g) => g.id);
  const dates = dataDates(db, round.id, ids);
  const prev = previousRoundId(db, round.id);
  const before = prev != null ? previousValues(db, prev, unit, 'target', ids) : new Map();
  return judged.map((g) => ({
    id: g.id, planTitle: g.planTitle, name: g.name, unit: g.unit, attribute: g.attribute, baseline: g.baseline, milestones: g.milestones,
    dataDate: dates.byTarget.get(g.id) || dates.round || round.cutoff, previous: targetPrevious(before.get(g.id)),
    flag: g.judgement.flag, verdict: g.judgement.verdict, actual: g.eval.actual, dataSource: g.eval.dataSource, note: g.eval.note,
  }));
}
