// The data shapes the UI sees: plans, tasks, targets, their evaluations and judgements, and the plain constants that
// go with them (statuses, verdicts, kinds, the editable fields, default thresholds).

export const PLAN_KINDS = ['plan', 'action_plan', 'measures', 'reply', 'notice_only'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  plan: '规划', action_plan: '行动方案', measures: '政策措施', reply: '复函', notice_only: '通知',
};

export const TASK_KINDS = ['task', 'project', 'measure', 'safeguard'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  task: '任务', project: '重点项目', measure: '政策措施', safeguard: '保障措施',
};

export const TASK_STATUSES = ['待评估', '未启动', '序时推进', '超序时', '滞后', '已完成', '已调整/取消'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const VERDICTS = ['提前实现', '快于预期', '基本符合预期', '滞后', '数据暂缺'] as const;
export type Verdict = (typeof VERDICTS)[number];
export type Flag = 'green' | 'yellow' | 'red' | 'none';

export const TARGET_SCOPES = ['table', 'goal_text', 'in_task'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/** The evaluation fields a user may edit, per entity (plain constants: the renderer imports them without the schemas). */
export const TASK_EDITABLE = ['status', 'progress', 'evidence', 'problems', 'nextSteps', 'note', 'reporter', 'reportedOn'] as const;
export const TARGET_EDITABLE = ['actual', 'dataSource', 'note', 'verdictOverride', 'overrideReason', 'reporter', 'reportedOn'] as const;
export type TaskEditable = (typeof TASK_EDITABLE)[number];
export type TargetEditable = (typeof TARGET_EDITABLE)[number];

export interface PlanSummary {
  id: string; title: string; docNumber: string | null; issuer: string | null; issued: string | null;
  periodStart: number | null; periodEnd: number | null; kind: PlanKind;
  sourceFile: string | null; sourceLine: number | null; taskCount: number; targetCount: number;
}

export interface ChapterNode { name: string; path: string[]; taskCount: number; children: ChapterNode[] }
export interface PlanNode { plan: PlanSummary; chapters: ChapterNode[] }

export interface TaskEval {
  status: TaskStatus; progress: number | null; evidence: string; problems: string; nextSteps: string;
  note: string; reporter: string; reportedOn: string; updatedAt: string | null;
}

export interface TaskRow {
  id: string; planId: string; planTitle: string; code: string; path: string[]; chapter: string;
  title: string; body: string; kind: TaskKind; leadUnits: string[]; responsibleUnits: string[];
  subpoints: string[]; seq: number; eval: TaskEval;
  /** The same task's evaluation in the comparison round, when one is asked for. */
  compare?: TaskEval | null;
}

export interface Milestone { year: number; value: string; qualifier: string; cumulative: boolean }

export interface TargetEval {
  actual: string; dataSource: string; note: string; verdictOverride: string; overrideReason: string;
  reporter: string; reportedOn: string; updatedAt: string | null;
}

export interface Judgement {
  /** 序时进度, 0–100, from baseline year to the target year at the round's cut-off. */
  timeProgress: number | null;
  /** 完成进度, 0–100+ */
  completion: number | null;
  computed: Verdict;
  verdict: Verdict;
  overridden: boolean;
  flag: Flag;
  direction: 'up' | 'down';
  targetYear: number | null;
  targetValue: string | null;
  explanation: string;
}

export interface TargetRow {
  id: string; planId: string; planTitle: string; taskId: string | null; taskTitle: string | null; code: string;
  name: string; unit: string; category: string; attribute: string;
  baseline: { year: number | null; value: string | null }; milestones: Milestone[];
  scope: TargetScope; responsibleUnits: string[]; seq: number; eval: TargetEval; judgement: Judgement;
  compare?: TargetEval | null;
}

export interface Round { id: number; name: string; cutoff: string; basedOn: number | null; createdAt: string; kind: string }

/** What a round evaluates: the kind the report titles name (rounds.kind). */
export const ROUND_KINDS = ['中期评估', '年度评估', '终期评估'] as const;

export interface Thresholds { yellow: number; red: number }
/** 黄灯 and 红灯 thresholds until the planner sets others (points of 序时进度 behind). */
export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({ yellow: 10, red: 30 });

export interface HistoryEntry {
  id: number; actionId: number; at: string; source: string; label: string; detail: string; state: string; operator: string;
  entity: string; entityId: string; roundId: number | null; field: string; oldValue: string | null; newValue: string | null;
}

export interface ActionSummary { id: number; at: string; source: string; label: string; detail: string; state: string; cells: number; operator: string }

/** What changed in one write: the rows to refresh in the grid. */
export interface Changed { actionId: number | null; tasks: string[]; targets: string[]; roundId: number | null }
