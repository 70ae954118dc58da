// The interchange JSON (export-json writes it, import reads it back) and the shape every importer produces.
import type { PlanKind, TaskKind, TargetScope } from './model';

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
}

export interface InterchangeTask {
  id: string; code: string; path: string[]; title: string; body: string; kind: TaskKind;
  leadUnits: string[]; responsibleUnits: string[]; subpoints: string[];
  source?: { line: number | null };
  evaluation?: Record<string, InterchangeTaskEval>;
}

export interface InterchangePlan {
  id: string; title: string; docNumber: string | null; issuer: string | null; issued: string | null;
  periodStart: number | null; periodEnd: number | null; kind: PlanKind;
  source: { file: string | null; line: number | null };
  targets: InterchangeTarget[];
  tasks: InterchangeTask[];
}

export interface InterchangeFile {
  format: 'plan-review';
  version: 1;
  exportedAt?: string;
  plans: InterchangePlan[];
}
