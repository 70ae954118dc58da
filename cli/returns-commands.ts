// Commands over the returns of a round: the board as a table (who was issued a workbook, who has returned it, when and
// who filled it in, rows changed, waiting for review and applied, who is late) and the 催报 list as Excel.
import { str } from './args';
import { call } from '../core/dispatch';
import { displayWidth } from '../core/xlsx/text';
import { RETURN_STATE_LABELS, type ReturnsBoard, type BoardUnit } from '../contract';
import { withContext, roundArg, output, pathOf, type Command } from './command';

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '—');

function stateText(u: BoardUnit): string {
  const parts = [RETURN_STATE_LABELS[u.state]];
  if (u.late && u.daysLate) parts.push(u.returned ? `逾期报送 ${u.daysLate} 天` : `已逾期 ${u.daysLate} 天`);
  if (u.blocked && u.returned) parts.push('填报信息不全');
  return parts.join(',');
}

/** The board as lines of aligned text: a summary line, a header and one line per unit. */
export function boardLines(b: ReturnsBoard): string[] {
  const t = b.totals;
  const head = `${b.roundName}(截至 ${b.cutoff}):报送截止 ${b.due || '未设定'},统计于 ${b.today};${t.units} 个单位,已下发 ${t.issued},`
    + `已回收 ${t.returned}(逾期报送 ${t.late}),逾期未报 ${t.overdue},待审核 ${t.pending}`;
  const rows = [['单位', '任务/指标', '下发', '回收', '填报人', '联系电话', '改动行', '待审核', '已采纳', '状态'], ...b.units.map((u) => [
    u.unit, `${u.tasks}/${u.targets}`, day(u.issued?.at), u.returned ? u.returned.deliveredOn : '—', u.returned?.contacts.filler || '—',
    u.returned?.contacts.phone || (u.lastContacts ? `(上轮)${u.lastContacts.phone}` : '—'),
    String(u.changedRows), String(u.pendingRows), String(u.appliedRows), stateText(u),
  ])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  return [head, '', ...rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd())];
}

export const returnsCommands: Record<string, Command> = {
  'returns-status': {
    usage: 'returns-status --db FILE [--round NAME]', what: '列出本轮各单位填报表的下发、回收、审核情况',
    run: (p) => withContext(p, async (ctx) => {
      const board = await call(ctx, 'returns.board', { roundId: roundArg(ctx, p) });
      for (const line of boardLines(board)) console.log(line);
    }),
  },
  'export-reminders': {
    usage: 'export-reminders --db FILE --out FILE [--round NAME]', what: '导出未报送单位的催报名单(Excel)',
    run: (p) => withContext(p, async (ctx) => {
      const r = await call(ctx, 'export.reminders', { roundId: roundArg(ctx, p), out: output(ctx, str(p, 'out', true)!) });
      console.log(`已导出 ${pathOf(ctx, r.handle)}(${r.units} 个未报送单位)`);
    }),
  },
};
