// Synthetic plans in the interchange shape, for feeding the real importer (crash and robustness tests, import benches).
import type { InterchangePlan } from '../../contract/interchange';
import { rng, seedClauses } from './vocab';
import { composePlans, type SynthPlan } from './plans';

export function toInterchange(p: SynthPlan): InterchangePlan {
  return {
    id: p.id, title: p.title, docNumber: p.docNumber, issuer: p.issuer, issued: p.issued,
    periodStart: p.periodStart, periodEnd: p.periodEnd, kind: p.kind, source: { file: `${p.title}.json`, line: null },
    tasks: p.tasks.map((t) => ({
      id: t.id, code: t.code, path: t.path, title: t.title, body: t.body, kind: t.kind,
      leadUnits: t.lead, responsibleUnits: t.resp, subpoints: t.subpoints,
    })),
    targets: p.targets.map((g) => ({
      id: g.id, code: g.code, name: g.name, unit: g.unit, category: g.category, attribute: g.attribute,
      baseline: { year: g.baselineYear, value: String(g.baseline) },
      milestones: g.milestones.map((m) => ({ year: m.year, value: String(m.value), qualifier: '', cumulative: false })),
      scope: 'table' as const, taskId: null, responsibleUnits: g.resp,
    })),
  };
}

/** `plans` plans of about `tasksPerPlan` tasks each, ready for import.preview as .json files. */
export function synthInterchange(plans: number, tasksPerPlan: number, seed = 7): InterchangePlan[] {
  return composePlans(rng(seed), plans, plans * tasksPerPlan, 6, seedClauses()).map(toInterchange);
}
