// The first-run guide above the grid: the four steps of an evaluation, each a button that starts it, until the planner
// closes it for good (kept in the window's settings). And what an empty grid says instead of nothing.
import type { ReactNode } from 'react';

export interface GuideSteps { importPlans(): void; evaluate(): void; sendReturns(): void; exportReport(): void }

export function Guide({ steps, onClose }: { steps: GuideSteps; onClose(): void }) {
  const items: [string, string, () => void][] = [
    ['导入规划', '导入规划纲要、专项规划、行动方案等文件,识别其中的指标和任务', steps.importPlans],
    ['填写评估', '在表格或右侧详情中填写评估状态、进度、进展情况,指标填写实际值', steps.evaluate],
    ['下发填报', '按责任单位导出填报表,收回后导入,核对后写入', steps.sendReturns],
    ['导出报告', '导出评估汇总表和报告', steps.exportReport],
  ];
  return (
    <section className="guide" aria-label="使用步骤">
      <span className="guide-title">开始使用</span>
      <ol>
        {items.map(([label, what, run], i) => (
          <li key={label}>
            {i > 0 && <span className="guide-arrow" aria-hidden>→</span>}
            <button type="button" title={what} onClick={run}><b>{i + 1}</b> {label}</button>
          </li>
        ))}
      </ol>
      <button type="button" className="link guide-close" onClick={onClose} title="以后不再显示这一行">不再显示</button>
    </section>
  );
}

/** An empty grid's message: no plans at all, or nothing for these filters, with the one action that helps. */
export function EmptyGrid({ noun, hasPlans, filtered, onImport, onClear }: {
  noun: string; hasPlans: boolean; filtered: boolean; onImport(): void; onClear(): void;
}): ReactNode {
  if (!hasPlans) {
    return (
      <div className="empty">
        <p><b>还没有规划</b></p>
        <p>先导入规划文件(Word、Excel、文本等),程序会识别其中的指标和任务。</p>
        <button type="button" className="primary" onClick={onImport}>导入规划文件…</button>
      </div>
    );
  }
  return (
    <div className="empty">
      <p><b>没有符合条件的{noun}</b></p>
      <p>{filtered ? '换一个搜索词,或放宽筛选条件。' : `这个范围内还没有${noun}。`}</p>
      {filtered && <button type="button" className="primary" onClick={onClear}>清除搜索和筛选</button>}
    </div>
  );
}
