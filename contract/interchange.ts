// The interchange JSON (export-json writes it, import reads it back) and the shape every importer produces.
import type { PlanKind, TaskKind, TargetScope, JudgeDirection, JudgeKind, TaskMilestone } from './model';

export interface InterchangeTaskEval {
  cutoff: string; status: string; progress: number | null; evidence: string; problems: string;
  nextSteps: string; note: string; reporter: string; reportedOn: string;
}
export interface InterchangeTargetEval {
  cutoff: string; actual: string; dataSource: string; note: string; verdictOverride: string;
  overrideReason: string; reporter: string; reportedOn: string;
  /** 数据截至 of the actual ('' = the round's); absent in files written before it existed. */
  dataDate?: string;
}

export interface InterchangeMilestone { year: number; value: string; qualifier: string; cumulative: boolean }

export interface InterchangeTarget {
  id: string; code: string; name: string; unit: string; category: string;
  /** 预期性 / 约束性, or '' */
  attribute: string;
  baseline: { year: number | null; value: string | null };
  milestones: InterchangeMilestone[];
  scope: TargetScope;
  taskId: string | null;
  responsibleUnits: string[];
  source?: { line: number | null };
  /** Keyed by round name. */
  evaluation?: Record<string, InterchangeTargetEval>;
  /** The planner's override of how it is judged ('' or absent = from the wording). */
  judgeDirection?: JudgeDirection;
  judgeKind?: JudgeKind;
  /** Definition fields a planner corrected: a later import of the document keeps them. */
  edited?: string[];
}

export interface InterchangeTask {
  id: string; code: string; path: string[]; title: string; body: string; kind: TaskKind;
  leadUnits: string[]; responsibleUnits: string[]; subpoints: string[];
  source?: { line: number | null };
  evaluation?: Record<string, InterchangeTaskEval>;
  /** 完成时限: 'YYYY-MM-DD' (2022年6月底前 → 2022-06-30), 'YYYY', '长期' or ''; absent when the document does not say (a stored one is kept). */
  deadline?: string;
  /** Dated milestones (节点); absent when the document does not say. */
  milestones?: TaskMilestone[];
  edited?: string[];
}

export interface InterchangePlan {
  id: string; title: string; docNumber: string | null; issuer: string | null; issued: string | null;
  periodStart: number | null; periodEnd: number | null; kind: PlanKind;
  source: { file: string | null; line: number | null };
  targets: InterchangeTarget[];
  tasks: InterchangeTask[];
  /**
   * Importer only (not stored, not in the exported JSON): the source lines of the document's body that the parser
   * placed in no task, target, heading or particular, in document order; the import preview lists them as 未识别的内容.
   */
  unplaced?: UnplacedLine[];
  /** Importer only: where the title came from (the document's own title line, the notice's 《…》, or the file name). */
  titleFrom?: 'document' | 'notice' | 'file';
  edited?: string[];
}

/** A line of a source document (1-based line, or paragraph number for Word and web pages) with its text. */
export interface UnplacedLine { line: number; text: string }

export interface InterchangeFile {
  format: 'plan-review';
  version: 1;
  exportedAt?: string;
  plans: InterchangePlan[];
  /** Unit names merged into others: the next import maps the old name to the new one. */
  unitAliases?: { alias: string; unit: string }[];
}
