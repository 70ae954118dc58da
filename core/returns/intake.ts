// Taking returns in: each readable workbook becomes a return on the board (its contacts, file, counts) and leaves the
// cells its unit changed as that unit's inputs; a preview is built from them, from files just read or, for review
// later, from the inputs returns left. Both paths compare the same way and give the same preview.
import crypto from 'node:crypto';
import type { DB } from '../../db/connection';
import type { ReturnFilePreview, ReturnsPreview } from '../../contract/files';
import { getSetting } from '../../db/repos/settings';
import { findExport } from '../../db/repos/returns';
import { getRound } from '../../db/repos/rounds';
import { takeIn, storeInputs, setReviewCounts, receivedInputs, type Received, type UnitInput } from '../../db/repos/returns-received';
import { diffReturns, type Returned, type ReturnsPending, type PendingRow } from './diff';
import { checkContacts, contactsBlock, today } from './contacts';
import type { ReadReturn, ReadRow, ReadValue } from './read';

export interface ReadFile { index: number; name: string; data: Buffer; ret: ReadReturn }

const distinctRows = (inputs: UnitInput[]) => new Set(inputs.map((i) => `${i.entity}\u0000${i.id}`)).size;

/** Per file: rows waiting for the planner (lead rows with a change that can be taken) and rows with a conflict. */
function reviewCounts(pending: PendingRow[], file: number): { pendingRows: number; conflicts: number } {
  const mine = pending.filter((r) => r.file === file);
  return { pendingRows: mine.filter((r) => r.primary && !r.problem).length, conflicts: mine.filter((r) => r.conflict).length };
}

function finish(db: DB, returned: (Returned & { receivedId: number })[], out: ReturnFilePreview[], diff: ReturnType<typeof diffReturns>): { preview: Omit<ReturnsPreview, 'previewId'>; data: ReturnsPending } {
  for (const r of diff.pending) {
    out[r.file].changedRows++;
    if (r.conflict) out[r.file].conflicts++;
  }
  db.transaction(() => returned.forEach((f) => setReviewCounts(db, f.receivedId, reviewCounts(diff.pending, f.index))))();
  const data: ReturnsPending = {
    files: out.map((f, i) => {
      const r = returned.find((x) => x.index === i);
      return { name: f.file, unit: f.unit, roundId: r?.round.id ?? 0, receivedId: r?.receivedId ?? null };
    }),
    rows: diff.pending,
  };
  return { preview: { files: out, rows: diff.rows }, data };
}

/** Takes the files read in; `out` holds one entry per file given (refused ones with their error). */
export function takeInFiles(db: DB, read: ReadFile[], out: ReturnFilePreview[]): { preview: Omit<ReturnsPreview, 'previewId'>; data: ReturnsPending } {
  const day = today();
  const checked = read.map((r) => ({ r, check: checkContacts(r.ret.contacts, day) }));
  const returned = checked.map(({ r, check }) => ({
    index: r.index, name: r.name, exp: r.ret.exp, round: r.ret.round, tasks: r.ret.tasks, targets: r.ret.targets, blocked: contactsBlock(check),
  }));
  const diff = diffReturns(db, returned);
  const operator = String(getSetting<unknown>(db, 'operator', '') ?? '');
  const taken = db.transaction(() => checked.map(({ r, check }) => {
    const inputs = diff.inputs.get(r.index) ?? [];
    const rec = takeIn(db, {
      exportId: r.ret.exp.id, roundId: r.ret.round.id, unit: r.ret.exp.unit, file: r.name, operator, ...check.contacts,
      digest: crypto.createHash('sha256').update(r.data).digest('hex'), rows: r.ret.tasks.length + r.ret.targets.length,
      changedRows: distinctRows(inputs), problems: new Set(inputs.filter((i) => i.problem).map((i) => `${i.entity}\u0000${i.id}`)).size,
    });
    const carried = [...r.ret.tasks.map((t) => ({ entity: 'task', id: t.id })), ...r.ret.targets.map((t) => ({ entity: 'target', id: t.id }))];
    storeInputs(db, rec.id, r.ret.round.id, r.ret.exp.unit, carried, inputs);
    return rec;
  }))();
  // The contacts as they stand on the return taken in: the planner may have entered them for this same file before.
  taken.forEach((rec, k) => {
    const check = checkContacts(rec, day);
    const blocked = contactsBlock(check);
    const index = checked[k].r.index;
    Object.assign(out[index], { receivedId: rec.id, contacts: check.contacts, blocked });
    if (!blocked && returned[k].blocked) {
      diff.rows.forEach((row, i) => { if (diff.pending[i].file === index) row.takenByDefault = diff.pending[i].primary && !row.problem && !row.conflict; });
    }
  });
  return finish(db, returned.map((f, k) => ({ ...f, receivedId: taken[k].id })), out, diff);
}

/** The rows a return left as inputs, as the reader would give them. */
function rowsOf(inputs: UnitInput[], entity: 'task' | 'target'): ReadRow[] {
  const rows = new Map<string, ReadRow>();
  for (const i of inputs) {
    if (i.entity !== entity) continue;
    let row = rows.get(i.id);
    if (!row) rows.set(i.id, (row = { id: i.id, line: i.line, identity: '', values: new Map<string, ReadValue>() }));
    row.values.set(i.field, i.problem && i.value == null ? { problem: i.problem } : { value: i.value });
  }
  return [...rows.values()];
}

/** A preview of returns taken in earlier and still waiting, rebuilt from their inputs against the values here now. */
export function reviewReceived(db: DB, receipts: Received[]): { preview: Omit<ReturnsPreview, 'previewId'>; data: ReturnsPending } {
  const day = today();
  const returned: (Returned & { receivedId: number })[] = [];
  const out: ReturnFilePreview[] = [];
  for (const rec of receipts) {
    const exp = findExport(db, rec.exportId);
    const round = getRound(db, rec.roundId);
    if (!exp || !round) continue;
    const inputs = receivedInputs(db, rec.id);
    const check = checkContacts(rec, day);
    const index = out.length;
    out.push({
      file: rec.file, unit: rec.unit, roundName: round.name, rows: rec.rows, changedRows: 0, conflicts: 0, error: null,
      receivedId: rec.id, contacts: check.contacts, blocked: contactsBlock(check),
    });
    returned.push({ index, name: rec.file, exp, round, tasks: rowsOf(inputs, 'task'), targets: rowsOf(inputs, 'target'), blocked: contactsBlock(check), receivedId: rec.id });
  }
  return finish(db, returned, out, diffReturns(db, returned));
}
