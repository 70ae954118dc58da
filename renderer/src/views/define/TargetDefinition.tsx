// A target in the detail panel of 编辑规划: name, unit, category, attribute, base year and value, milestones (year,
// value, qualifier, 期间累计; years added and removed), responsible units, the task it belongs to and how it is judged;
// each saved as one undoable step, the verdict following at once.
import { useEffect, useState } from 'react';
import type { PlanNode, Round, TargetRow } from '../../../../contract';
import { JUDGE_DIRECTIONS, JUDGE_DIRECTION_LABELS, JUDGE_KINDS, JUDGE_KIND_LABELS } from '../../../../contract/model';
import { fieldLabel } from '../../../../contract/labels';
import { VERDICT_COLORS } from '../../../../contract/colors';
import { send } from '../../api';
import { History } from '../detail/History';
import { DefText, DefChoice, UnitsField, MilestonesEditor } from './lists';
import { defineField } from './save';

export function TargetDefinition({ row, round, compareRoundId, tree }: { row: TargetRow; round: Round; compareRoundId?: number; tree: PlanNode[] }) {
  const save = (field: string) => (v: unknown) => defineField('target', round.id, compareRoundId, row.id, field, v);
  const [tasks, setTasks] = useState<[string, string][]>([]);
  useEffect(() => {
    let stale = false;
    send('tasks.query', { roundId: round.id, planIds: [row.planId] }).then((r) => { if (!stale) setTasks(r.rows.map((t) => [t.id, `${t.code ? t.code + ' ' : ''}${t.title}`.slice(0, 60)])); }, () => undefined);
    return () => { stale = true; };
  }, [row.planId, round.id]);
  const plan = tree.find((n) => n.plan.id === row.planId)?.plan;
  const mark = (f: string) => (row.edited.includes(f) ? '(已更正)' : undefined);
  const j = row.judgement;
  const vc = VERDICT_COLORS[j.verdict];
  return (
    <div key={row.id} className="define-detail">
      <div className="detail-head">
        <span className="chip">编辑规划</span>
        <span className="chip" style={{ background: vc.fill, color: vc.text }} title={j.explanation}>{j.verdict}</span>
      </div>
      <p className="path">{row.planTitle}</p>
      <DefText label={fieldLabel('name')} value={row.name} save={save('name')} hint={mark('name')} />
      <div className="row2">
        <DefText label={fieldLabel('unit')} value={row.unit} save={save('unit')} hint={mark('unit')} />
        <DefText label={fieldLabel('code')} value={row.code} save={save('code')} />
      </div>
      <div className="row2">
        <DefText label={fieldLabel('category')} value={row.category} save={save('category')} />
        <DefChoice label={fieldLabel('attribute')} value={row.attribute} options={[['', '(未定)'], ['预期性', '预期性'], ['约束性', '约束性']]} save={save('attribute')} />
      </div>
      <div className="row2">
        <DefText label={fieldLabel('baselineYear')} value={row.baseline.year == null ? '' : String(row.baseline.year)} save={save('baselineYear')}
          placeholder={row.baseline.derivedYear != null ? `推算为 ${row.baseline.derivedYear}` : '未写明'} hint={mark('baselineYear')} />
        <DefText label={fieldLabel('baselineValue')} value={row.baseline.value ?? ''} save={save('baselineValue')} hint={mark('baselineValue')} />
      </div>
      <MilestonesEditor value={row.milestones.map((m) => ({ year: String(m.year), value: m.value, qualifier: m.qualifier, cumulative: m.cumulative }))}
        nextYear={plan?.periodEnd ?? new Date().getFullYear()} save={save('milestones')} />
      <p className="explain">{j.explanation}</p>
      <UnitsField label={fieldLabel('responsibleUnits')} value={row.responsibleUnits} save={save('responsibleUnits')} />
      <DefChoice label={fieldLabel('taskId')} value={row.taskId ?? ''} options={[['', '(不属于某项任务)'], ...tasks]} save={save('taskId')} />
      <div className="row2">
        <DefChoice label={fieldLabel('judgeDirection')} value={row.judgeDirection} options={JUDGE_DIRECTIONS.map((d) => [d, JUDGE_DIRECTION_LABELS[d]])} save={save('judgeDirection')} />
        <DefChoice label={fieldLabel('judgeKind')} value={row.judgeKind} options={JUDGE_KINDS.map((k) => [k, JUDGE_KIND_LABELS[k]])} save={save('judgeKind')} />
      </div>
      <History entity="target" id={row.id} roundId={round.id} version={JSON.stringify([row.edited, row.baseline, row.milestones, row.name, row.unit])} />
    </div>
  );
}
