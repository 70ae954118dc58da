// The importer on the corpus (tests/corpus/README.md): every document imported through parseDocument and scored
// against its expectations; a per-document table is printed. The development set must meet the goals of issue 16; the
// held-out set (never tuned on) must stay above clearly lower floors. The seeds are checked by tests/unit/import-seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { DEV_SET, HOLDOUT_SET, figures, formatMisses, formatTable, measureSet, type SetFigures } from './measure';

/** The goals on the development corpus (issue 16), and the floors on the held-out one. */
const GOALS = { taskRecall: 0.95, taskPrecision: 0.9, units: 0.9, tableGoalRecall: 0.9, inTaskRecall: 0.8 };
const FLOORS = { taskRecall: 0.85, taskPrecision: 0.8, units: 0.75, tableGoalRecall: 0.75, inTaskRecall: 0.6 };

function check(set: SetFigures, bars: typeof GOALS, label: string): void {
  console.log(`\n${label}\n${formatTable(set)}`);
  const f = figures(set.total);
  const low = (Object.keys(bars) as (keyof typeof GOALS)[]).filter((k) => f[k] < bars[k]).map((k) => `${k} ${f[k].toFixed(3)} < ${bars[k]}`);
  if (low.length) console.log(formatMisses(set));
  assert.deepEqual(low, [], `${label}: below the bar`);
  assert.deepEqual(set.docs.filter((d) => d.error).map((d) => `${d.name}: ${d.error}`), [], 'every document imports');
  assert.equal(set.total.titled, set.total.plansProduced, 'every plan has a title');
}

test('development corpus: recall, precision, units, targets and titles meet the goals', async () => {
  const set = await measureSet(DEV_SET);
  check(set, GOALS, 'development corpus (tests/corpus/docs)');
  assert.equal(set.total.titlesRight, set.total.plansExpected, 'every plan has its own title');
  assert.equal(set.total.plansPaired, set.total.plansExpected, 'every document gives the plans it holds');
});

test('held-out corpus: figures printed, floors kept', { skip: !fs.existsSync(HOLDOUT_SET) && 'no held-out set' }, async () => {
  check(await measureSet(HOLDOUT_SET), FLOORS, 'held-out corpus (tests/corpus/holdout/docs)');
});
