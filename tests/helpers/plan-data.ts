// What the plan-data tests share: a small 行动方案 (two goals, three tasks, a safeguard) whose items a planner
// reclassifies and corrects, reading a database file between steps, and typing a value into a grid cell.
import type { Page } from 'playwright-core';
import { openDatabaseSync } from '../../db/connection';

export const DIGITAL_PLAN = `某区数字经济发展三年行动方案(2024—2026年)
一、发展目标
到2026年,数字经济核心产业增加值达到500亿元,规上工业企业数字化改造覆盖率达到80%。
二、重点任务
(一)建设新型基础设施。加快5G网络建设,新建基站2000个。(责任单位:区经济信息委、区通信办)
(二)培育氢能产业。建设加氢站3座,引进氢能企业10家。(责任单位:区发展改革委)
(三)数字化改造企业数量达到100家。(责任单位:区经济信息委)
三、保障措施
(一)加强组织领导。建立工作推进机制。(责任单位:区政府办公室)
`;

/** Runs one query on a database file with a connection of its own (the app keeps its own open). */
export function sqlOn(file: string): <T>(q: string, ...params: unknown[]) => T[] {
  return <T>(q: string, ...params: unknown[]): T[] => {
    const db = openDatabaseSync(file);
    try { return db.prepare(q).all(...params) as T[]; } finally { db.close(); }
  };
}

/** Opens a grid cell's editor with F2 and types: replacing what is there, or after it (`append`). */
export async function typeInCell(page: Page, rowId: string, col: string, text: string, append = false): Promise<void> {
  await page.locator(`.ag-row[row-id="${rowId}"] [col-id="${col}"]`).click();
  await page.keyboard.press('F2');
  await page.locator('.ag-cell-inline-editing input').waitFor();
  await page.keyboard.press(append ? 'End' : 'Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
