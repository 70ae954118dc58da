// A task in the detail panel of 编辑规划: title, code, kind, chapter (one of the plan's headings or a new one), 牵头单位
// and 责任单位, 完成时限, 节点 and the full text, each saved as one undoable step; the evaluation stays as it is.
import { useMemo } from 'react';
import type { PlanNode, Round, TaskRow } from '../../../../contract';
import { TASK_KINDS, TASK_KIND_LABELS } from '../../../../contract/model';
import { fieldLabel } from '../../../../contract/labels';
import { History } from '../detail/History';
import { DefText, DefChoice, UnitsField, TaskMilestonesEditor } from './lists';
import { defineField } from './save';
import { headingsOf } from './NewRowDialog';

export function TaskDefinition({ row, round, compareRoundId, tree }: { row: TaskRow; round: Round; compareRoundId?: number; tree: PlanNode[] }) {
  const save = (field: string) => (v: unknown) => defineField('task', round.id, compareRoundId, row.id, field, v);
  const headings = useMemo(() => headingsOf(tree.find((n) => n.plan.id === row.planId)).map((h) => h.join(' / ')), [tree, row.planId]);
  const mark = (f: string) => (row.edited.includes(f) ? '(已更正)' : undefined);
  return (
    <div key={row.id} className="define-detail">
      <div className="detail-head"><span className="chip">编辑规划</span><span className="chip">{TASK_KIND_LABELS[row.kind]}</span></div>
      <p className="path">{row.planTitle}</p>
      <DefText label={fieldLabel('title')} value={row.title} save={save('title')} multiline hint={mark('title')} />
      <div className="row2">
        <DefText label={fieldLabel('code')} value={row.code} save={save('code')} hint={mark('code')} />
        <DefChoice label={fieldLabel('kind')} value={row.kind} options={TASK_KINDS.map((k) => [k, TASK_KIND_LABELS[k]])} save={save('kind')} />
      </div>
      <DefText label={fieldLabel('chapter')} value={row.path.join(' / ')} list={headings} save={save('path')} placeholder="选择或输入,层级之间用「 / 」分隔" hint={mark('path')} />
      <UnitsField label={fieldLabel('leadUnits')} value={row.leadUnits} save={save('leadUnits')} />
      <UnitsField label={fieldLabel('responsibleUnits')} value={row.responsibleUnits} save={save('responsibleUnits')} />
      <DefText label={fieldLabel('deadline')} value={row.deadline} save={save('deadline')} placeholder="2025-06-30、2025(年底)或 长期" hint={mark('deadline')} />
      <TaskMilestonesEditor value={row.milestones} save={save('taskMilestones')} />
      <DefText label={fieldLabel('body')} value={row.body} save={save('body')} multiline hint={mark('body')} />
      <History entity="task" id={row.id} roundId={round.id} version={JSON.stringify([row.edited, row.seq, row.deadline, row.milestones, row.title])} />
    </div>
  );
}
