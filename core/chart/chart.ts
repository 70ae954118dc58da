// The summary chart of a report: tasks by evaluation status and targets by verdict as two bar charts side by side,
// with Chinese labels, counts on the bars and a legend, drawn by ECharts' server-side SVG renderer and rasterised by
// resvg with the system's Chinese fonts. The Excel 统计图 sheet and the Word report show the same picture.
import * as echarts from 'echarts';
import { Worker } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { TASK_STATUSES, VERDICTS } from '../../contract/model';
import { STATUS_COLORS, VERDICT_COLORS } from '../../contract/colors';
import type { DashboardGroup } from '../../contract/app';
import { chartFonts } from './fonts';

export interface Bar { label: string; value: number; color: string }
export interface ChartPicture { png: Buffer; svg: string; width: number; height: number }

/** The picture's size in CSS pixels; the PNG has twice as many, to print sharply. */
export const CHART_SIZE = { width: 1000, height: 560 };

const GENERIC = ['Microsoft YaHei', 'SimHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'sans-serif'];

/** A long category name on two lines under its bar: 已调整/ 取消, 基本符合 预期. */
const twoLines = (v: string): string => {
  if (v.length <= 4) return v;
  const at = v.includes('/') ? v.indexOf('/') + 1 : Math.ceil(v.length / 2) + 1;
  return `${v.slice(0, at)}\n${v.slice(at)}`;
};

/** Where a panel stands in the picture (px): its box. */
interface Box { x: number; y: number; w: number; h: number }

function panel(index: number, title: string, bars: Bar[], box: Box) {
  const labels = bars.map((b) => b.label);
  return {
    title: { text: title, left: box.x + box.w / 2, top: box.y + 8, textAlign: 'center' as const, textStyle: { fontSize: 19, fontWeight: 'bold' as const } },
    grid: { left: box.x + 12, width: box.w - 36, top: box.y + 56, height: box.h - 56 - 96, containLabel: true },
    legend: {
      data: labels, left: box.x + 16, width: box.w - 32, top: box.y + box.h - 58, itemWidth: 16, itemHeight: 12,
      textStyle: { fontSize: 15 },
    },
    xAxis: { type: 'category' as const, gridIndex: index, data: labels, axisLabel: { fontSize: 14, interval: 0, formatter: twoLines, lineHeight: 17 }, axisTick: { alignWithLabel: true } },
    // The counts stand on the bars (once: the legend names the bars only); the value axis needs no numbers of its own.
    yAxis: { type: 'value' as const, gridIndex: index, minInterval: 1, axisLabel: { show: false }, splitLine: { lineStyle: { color: '#E4E7EC' } } },
    // One series per bar, so the legend names each in its colour; the bars overlay on their own category.
    series: bars.map((b, i) => ({
      name: b.label, type: 'bar' as const, xAxisIndex: index, yAxisIndex: index, barGap: '-100%', barCategoryGap: '35%',
      data: labels.map((_, k) => (k === i ? b.value : '-')), itemStyle: { color: b.color },
      label: { show: true, position: 'top' as const, fontSize: 15, formatter: (p: { value: number | string }) => (typeof p.value === 'number' ? String(p.value) : '') },
    })),
  };
}

/** Two bar charts as one SVG: side by side, or (`stacked`) one above the other for a narrow page. */
export function chartSvg(first: { title: string; bars: Bar[] }, second: { title: string; bars: Bar[] }, size = CHART_SIZE, stacked = false): string {
  const fonts = chartFonts();
  const family = [...new Set([...(fonts.family ? [fonts.family] : []), ...GENERIC])].map((f) => (/\s/.test(f) ? `'${f}'` : f)).join(', ');
  const { width: W, height: H } = size;
  const boxes: [Box, Box] = stacked
    ? [{ x: 0, y: 0, w: W, h: H / 2 }, { x: 0, y: H / 2, w: W, h: H / 2 }]
    : [{ x: 0, y: 0, w: W / 2, h: H }, { x: W / 2, y: 0, w: W / 2, h: H }];
  const a = panel(0, first.title, first.bars, boxes[0]);
  const b = panel(1, second.title, second.bars, boxes[1]);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: W, height: H });
  try {
    chart.setOption({
      animation: false, backgroundColor: '#FFFFFF', textStyle: { fontFamily: family, color: '#1F2430' },
      title: [a.title, b.title], grid: [a.grid, b.grid], legend: [a.legend, b.legend],
      xAxis: [a.xAxis, b.xAxis], yAxis: [a.yAxis, b.yAxis], series: [...a.series, ...b.series],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function resvgOptions(zoom: number) {
  const fonts = chartFonts();
  return {
    fitTo: { mode: 'zoom' as const, value: zoom },
    font: {
      loadSystemFonts: true, fontFiles: fonts.files,
      ...(fonts.family ? { defaultFontFamily: fonts.family, sansSerifFamily: fonts.family } : {}),
    },
  };
}

/** An SVG as a PNG at `zoom` times its size, drawn with the system's Chinese fonts. */
export function rasterise(svg: string, zoom = 2): Buffer {
  return new Resvg(svg, resvgOptions(zoom)).render().asPng();
}

/** The worker's code: resvg loaded from where this process found it, the PNG sent back. */
const WORKER = `const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.module);
parentPort.postMessage(new Resvg(workerData.svg, workerData.options).render().asPng());`;

/**
 * rasterise() on a worker thread, so laying out the chart's Chinese text (most of a second) runs beside the report's
 * own work; where a worker cannot load resvg, on this thread after all.
 */
export function rasteriseAside(svg: string, zoom = 2): Promise<Buffer> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (png: () => Buffer) => {
      if (settled) return;
      settled = true;
      resolve(png());
    };
    try {
      const worker = new Worker(WORKER, { eval: true, workerData: { module: require.resolve('@resvg/resvg-js'), svg, options: resvgOptions(zoom) } });
      worker.once('message', (png: Uint8Array) => {
        settle(() => Buffer.from(png));
        void worker.terminate();
      });
      worker.once('error', () => settle(() => rasterise(svg, zoom)));
      worker.once('exit', () => settle(() => rasterise(svg, zoom)));
    } catch {
      settle(() => rasterise(svg, zoom));
    }
  });
}

/** The SVG of the report's chart for the counts of a scope (its total row). */
export function summarySvg(total: DashboardGroup, size = CHART_SIZE, stacked = false): string {
  return chartSvg(
    { title: '重点任务评估状态（项）', bars: TASK_STATUSES.map((s) => ({ label: s, value: total.tasks[s], color: STATUS_COLORS[s].text })) },
    { title: '主要指标评估结论（个）', bars: VERDICTS.map((v) => ({ label: v, value: total.targets[v], color: VERDICT_COLORS[v].text })) },
    size, stacked,
  );
}

/** The report's chart for the counts of a scope, drawn now. */
export function summaryChart(total: DashboardGroup, size = CHART_SIZE, stacked = false): ChartPicture {
  const svg = summarySvg(total, size, stacked);
  return { svg, png: rasterise(svg), ...size };
}

/** The report's chart, drawn on a worker thread while the caller goes on. */
export async function summaryChartAside(total: DashboardGroup, size = CHART_SIZE, stacked = false): Promise<ChartPicture> {
  const svg = summarySvg(total, size, stacked);
  return { svg, png: await rasteriseAside(svg), ...size };
}
