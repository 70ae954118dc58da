// The returns board of a round: for every unit, the workbook in force, its newest return (when, who, which file, the
// day it counts as delivered), rows changed, waiting for review and applied, the state, and lateness against the
// round's deadline (逾期未报 when it passed without a return).
import { basename } from 'node:path';
import type { DB } from '../../db/connection';
import type { ReturnsBoard, BoardUnit, ReturnState } from '../../contract/returns';
import { roundOrThrow } from '../common/settings';
import { listUnits } from '../../db/repos/plans';
import { roundExports } from '../../db/repos/returns';
import { roundReceived, lastContacts, returnsDue, type Received } from '../../db/repos/returns-received';
import { checkContacts, contactsBlock, today as todayIso } from './contacts';

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);

/** The day a return counts as delivered: the 填报日期 the unit wrote, unless it is later than the day it was taken in. */
export function deliveredOn(r: Pick<Received, 'filledOn' | 'receivedAt'>): string {
  const taken = r.receivedAt.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(r.filledOn) && r.filledOn < taken ? r.filledOn : taken;
}

export function returnsBoard(db: DB, roundId: number, today = todayIso()): ReturnsBoard {
  const round = roundOrThrow(db, roundId);
  const due = returnsDue(db, roundId);
  const exports = roundExports(db, roundId);
  const receipts = roundReceived(db, roundId);
  const contacts = lastContacts(db, roundId);
  const counts = new Map(listUnits(db).map((u) => [u.unit, u]));
  const names = [...counts.keys(), ...exports.map((e) => e.unit).filter((u) => !counts.has(u))];
  const units: BoardUnit[] = [...new Set(names)].map((unit) => {
    const mine = exports.filter((e) => e.unit === unit);
    const current = mine.find((e) => !e.supersededBy) ?? null;
    const got = receipts.filter((r) => r.unit === unit);
    const last = got[got.length - 1] ?? null;
    const delivered = last ? deliveredOn(last) : null;
    const reissued = !!(last && current && last.exportId !== current.id && current.createdAt > last.receivedAt);
    let state: ReturnState;
    if (!current && !last) state = 'not_issued';
    else if (!last) state = due && today > due ? 'overdue' : 'issued';
    else if (reissued) state = 'reissued';
    else state = last.state === 'replaced' ? 'pending' : last.state;
    const late = delivered ? !!due && delivered > due : state === 'overdue';
    const check = last ? checkContacts(last, today) : null;
    return {
      unit, tasks: current?.taskCount ?? counts.get(unit)?.tasks ?? 0, targets: current?.targetCount ?? counts.get(unit)?.targets ?? 0,
      issued: current ? { at: current.createdAt, file: basename(current.file), times: mine.length } : null,
      returned: last ? { receivedId: last.id, at: last.receivedAt, deliveredOn: delivered!, file: last.file, contacts: check!.contacts, operator: last.operator } : null,
      late, daysLate: late ? days(due, delivered ?? today) : null,
      changedRows: last?.changedRows ?? 0,
      pendingRows: got.filter((r) => r.state === 'pending' || r.state === 'partial').reduce((n, r) => n + r.pendingRows, 0),
      appliedRows: got.reduce((n, r) => n + r.appliedRows, 0),
      state, blocked: check ? contactsBlock(check) : null,
      lastContacts: contacts.get(unit) ?? null,
    };
  });
  const n = (f: (u: BoardUnit) => boolean) => units.filter(f).length;
  return {
    roundId, roundName: round.name, cutoff: round.cutoff, due, today, units,
    totals: {
      units: units.length, issued: n((u) => !!u.issued), returned: n((u) => !!u.returned), late: n((u) => !!u.returned && u.late),
      overdue: n((u) => u.state === 'overdue'), pending: n((u) => u.pendingRows > 0), applied: n((u) => u.appliedRows > 0),
    },
  };
}

/** The units to remind: issued a workbook and not returned it (or not the one issued again). */
export const toRemind = (b: ReturnsBoard): BoardUnit[] => b.units.filter((u) => u.state === 'issued' || u.state === 'overdue' || u.state === 'reissued');
