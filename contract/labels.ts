// The one table of labels: every field, source of change, status and kind as a planner reads it. The grid headers,
// the history, the reports, the returns workbooks and the service's messages all take their words from here.
export { PLAN_KIND_LABELS, TASK_KIND_LABELS } from './model';
export { JUDGE_DIRECTION_LABELS, JUDGE_KIND_LABELS } from './model';

/** Evaluation fields of tasks and targets, and the definition fields of plans, tasks and targets. */
export const FIELD_LABELS: Record<string, string> = {
  // task evaluation
  status: '评估状态', progress: '进度(%)', evidence: '进展情况', problems: '存在问题', nextSteps: '下步打算',
  note: '备注', reporter: '填报单位', reportedOn: '填报日期',
  // target evaluation
  actual: '实际值', dataDate: '数据截至', dataSource: '数据来源', verdictOverride: '调整结论', overrideReason: '调整理由',
  // plan definition
  title: '标题', docNumber: '发文字号', issuer: '发文机关', issued: '成文日期', periodStart: '起始年份', periodEnd: '终止年份',
  kind: '类别',
  // task definition
  code: '编号', chapter: '章节', path: '所在章节', body: '内容', leadUnits: '牵头单位', responsibleUnits: '责任单位',
  deadline: '完成时限', taskMilestones: '节点', subpoints: '分项', seq: '顺序',
  // target definition
  name: '指标名称', unit: '单位', category: '指标类别', attribute: '指标属性', baselineYear: '基期年份',
  baselineValue: '基期值', milestones: '目标值', taskId: '所属任务', judgeDirection: '研判方向', judgeKind: '研判方式',
  // rounds
  finalizedAt: '定稿',
  // rows as a whole
  created: '新增', deleted: '删除', moved: '移动',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** Where a change came from, as the history and the audit list name it. */
export const SOURCE_LABELS: Record<string, string> = {
  edit: '编辑', paste: '粘贴', fill: '填充', bulk: '批量设置', import: '导入', undo: '撤销', redo: '重做',
  restore: '恢复历史值', return: '回收填报', delete: '删除', round: '评估轮次', define: '修改规划内容',
  unit: '责任单位目录', finalize: '定稿', backup: '备份与恢复', settings: '设置',
};

export const sourceLabel = (source: string): string => SOURCE_LABELS[source] ?? source;
