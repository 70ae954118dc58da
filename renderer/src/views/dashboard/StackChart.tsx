// A horizontal stacked bar chart (echarts, drawn as SVG, bundled, nothing remote): one bar per plan or unit, one segment
// per status or verdict in the shared palette; clicking a segment reports its group and key.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Swatch } from '../../../../contract/colors';
import type { Bar } from './bars';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);


interface Props { title: string; bars: Bar[]; keys: readonly string[]; colors: Record<string, Swatch>; onPick(bar: Bar, key: string): void }

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export function StackChart({ title, bars, keys, colors, onPick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const chart = echarts.init(ref.current!, null, { renderer: 'svg' });
    chart.setOption({
      textStyle: { fontFamily: FONT },
      animation: false,
      legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 34, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category', inverse: true, data: bars.map((b) => b.label),
        axisLabel: { width: 190, overflow: 'truncate', fontSize: 12 },
      },
      series: keys.map((k) => ({
        name: k, type: 'bar', stack: 'total', barMaxWidth: 22, cursor: 'pointer',
        itemStyle: { color: colors[k].fill, borderColor: colors[k].text, borderWidth: 0.6 },
        label: { show: true, color: colors[k].text, fontSize: 11, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
        data: bars.map((b) => b.counts[k] ?? 0),
      })),
    });
    chart.on('click', (p) => {
      const bar = bars[p.dataIndex];
      if (bar && p.seriesName) pick.current(bar, p.seriesName);
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current!);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [bars, keys, colors]);
  return (
    <figure className="dash-chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} className="dash-canvas" style={{ height: Math.max(160, 44 + bars.length * 30) }} />
    </figure>
  );
}
