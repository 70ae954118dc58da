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
const STATUS_OF = new Map<string, TaskStatus>(TASK_STATUSES.map((s) => [s, s]));
/** A status read as text, as its one constant (undefined for none): lookups keyed by it are quicker than by a copy read from a row. */
export const knownStatus = (s: string): TaskStatus | undefined => STATUS_OF.get(s);

export const VERDICTS = ['提前实现', '快于预期', '基本符合预期', '滞后', '数据暂缺', '待人工研判'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** The lights, worst first: 红灯, 黄灯, 绿灯, and none (nothing to judge by). */
export const FLAGS = ['red', 'yellow', 'green', 'none'] as const;
export type Flag = (typeof FLAGS)[number];

/** The planner's override of how a target is judged ('' = read from the target itself). */
export const JUDGE_DIRECTIONS = ['', 'up', 'down'] as const;
export type JudgeDirection = (typeof JUDGE_DIRECTIONS)[number];
export const JUDGE_DIRECTION_LABELS: Record<JudgeDirection, string> = { '': '自动识别', up: '越大越好', down: '越小越好' };
export const JUDGE_KINDS = ['', 'level', 'cumulative', 'growth', 'control', 'manual'] as const;
export type JudgeKind = (typeof JUDGE_KINDS)[number];
export const JUDGE_KIND_LABELS: Record<JudgeKind, string> = {
  '': '自动识别', level: '水平', cumulative: '累计', growth: '增速', control: '控制', manual: '人工研判',
};

export const TARGET_SCOPES = ['table', 'goal_text', 'in_task'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/** The evaluation fields a user may edit, per entity (plain constants: the renderer imports them without the schemas). */
export const TASK_EDITABLE = ['status', 'progress', 'evidence', 'problems', 'nextSteps', 'note', 'reporter', 'reportedOn'] as const;
export const TARGET_EDITABLE = ['actual', 'dataSource', 'note', 'verdictOverride', 'overrideReason', 'reporter', 'reportedOn', 'dataDate'] as const;
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

/** A dated node of a task (2024年6月底前完成可研). */
export interface TaskMilestone { due: string; what: string }

/** A task's light at the round's cut-off, why, and how many days it is past its deadline (null when it is not). */
export interface TaskLight { flag: Flag; reason: string; overdueDays: number | null }

export interface TaskRow {
  id: string; planId: string; planTitle: string; code: string; path: string[]; chapter: string;
  title: string; body: string; kind: TaskKind; leadUnits: string[]; responsibleUnits: string[];
  subpoints: string[]; seq: number; eval: TaskEval;
  /** 完成时限: 'YYYY-MM-DD', 'YYYY' (by the end of that year), '长期' or ''. */
  deadline: string;
  /** Dated milestones (节点), in order. */
  milestones: TaskMilestone[];
  /** The definition fields a planner corrected (a re-import keeps them). */
  edited: string[];
  /** The same task's evaluation in the comparison round, when one is asked for. */
  compare?: TaskEval | null;
  light: TaskLight;
}

export interface Milestone { year: number; value: string; qualifier: string; cumulative: boolean }

export interface TargetEval {
  actual: string; dataSource: string; note: string; verdictOverride: string; overrideReason: string;
  reporter: string; reportedOn: string; updatedAt: string | null;
  /** 数据截至: the date the actual figure refers to ('' = the round's data date). */
  dataDate: string;
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
  /** 数据截至 in effect: the target's own, else the round's data date, else the cut-off; time progress is computed at it. */
  dataDate: string;
  /** How the target was read: 水平类, 期间累计类, 变化量类, 增速类, 控制类, 人工研判 ('' when it could not be read). */
  method: string;
  /** What is wrong with the figures as typed without stopping the save (an actual that is not a number). */
  warnings: string[];
}

export interface TargetRow {
  id: string; planId: string; planTitle: string; taskId: string | null; taskTitle: string | null; code: string;
  name: string; unit: string; category: string; attribute: string;
  /** `derivedYear`: no baseline year is written, and the year before the plan's period is used (shown as derived). */
  baseline: { year: number | null; value: string | null; derivedYear?: number | null }; milestones: Milestone[];
  scope: TargetScope; responsibleUnits: string[]; seq: number; eval: TargetEval; judgement: Judgement;
  compare?: TargetEval | null;
  /** The planner's override of how the target is judged ('' = read from the wording). */
  judgeDirection: JudgeDirection; judgeKind: JudgeKind;
  /** The definition fields a planner corrected (a re-import keeps them). */
  edited: string[];
}

/**
 * `kind`: what the round evaluates (ROUND_KINDS, the report titles name it); `dataDate`: the default 数据截至 of the
 * round's actual values ('' = the cut-off); `finalizedAt`: when the round was finalised (定稿; '' = open), after which no
 * edit and no return is accepted until it is reopened.
 */
export interface Round {
  id: number; name: string; cutoff: string; basedOn: number | null; createdAt: string;
  kind: string; dataDate: string; returnsDue: string; finalizedAt: string;
}

/** What a round evaluates: the kind the report titles name (rounds.kind). */
export const ROUND_KINDS = ['中期评估', '年度评估', '终期评估'] as const;

/** 黄灯 and 红灯: points of 序时进度 behind; dueSoonDays: a task due within so many days is yellow. */
export interface Thresholds { yellow: number; red: number; dueSoonDays: number }
/** The thresholds until the planner sets others. */
export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({ yellow: 10, red: 30, dueSoonDays: 30 });

export interface HistoryEntry {
  id: number; actionId: number; at: string; source: string; label: string; detail: string; state: string; operator: string;
  entity: string; entityId: string; roundId: number | null; field: string; oldValue: string | null; newValue: string | null;
}

export interface ActionSummary { id: number; at: string; source: string; label: string; detail: string; state: string; cells: number; operator: string }

/** What changed in one write: the rows to refresh in the grid. */
export interface Changed {
  actionId: number | null; tasks: string[]; targets: string[]; roundId: number | null;
  /** Plans whose definition or rows changed (rows added, removed or moved): their tree and lists are to be read again. */
  plans?: string[];
}

/** The definition fields a planner may correct, per entity. */
export const PLAN_DEFINABLE = ['title', 'docNumber', 'issuer', 'issued', 'periodStart', 'periodEnd', 'kind'] as const;
export const TASK_DEFINABLE = ['code', 'title', 'body', 'kind', 'path', 'leadUnits', 'responsibleUnits', 'deadline', 'taskMilestones', 'subpoints'] as const;
export const TARGET_DEFINABLE = [
  'code', 'name', 'unit', 'category', 'attribute', 'baselineYear', 'baselineValue', 'milestones', 'responsibleUnits', 'taskId',
  'judgeDirection', 'judgeKind',
] as const;
export type PlanDefinable = (typeof PLAN_DEFINABLE)[number];
export type TaskDefinable = (typeof TASK_DEFINABLE)[number];
export type TargetDefinable = (typeof TARGET_DEFINABLE)[number];

/** Where rows without any unit are counted and listed, wherever units are (filters, dashboard, reports, returns). */
export const NO_UNIT = '未明确责任单位';
