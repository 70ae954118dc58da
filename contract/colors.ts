// One palette for statuses, verdicts and flags: the grid, the detail panel, the dashboard and Excel all use it.
import type { TaskStatus, Verdict, Flag } from './model';

export interface Swatch { fill: string; text: string }

export const STATUS_COLORS: Record<TaskStatus, Swatch> = {
  待评估: { fill: '#EEF0F3', text: '#4A5260' },
  未启动: { fill: '#E4E7EC', text: '#2F3642' },
  序时推进: { fill: '#DDF1E4', text: '#1D6B3A' },
  超序时: { fill: '#C9EBD5', text: '#0F5A2C' },
  滞后: { fill: '#FBE0DE', text: '#A3251C' },
  已完成: { fill: '#D6E8FA', text: '#18508C' },
  '已调整/取消': { fill: '#F3E6CF', text: '#7A5514' },
};

export const VERDICT_COLORS: Record<Verdict, Swatch> = {
  提前实现: { fill: '#D6E8FA', text: '#18508C' },
  快于预期: { fill: '#C9EBD5', text: '#0F5A2C' },
  基本符合预期: { fill: '#DDF1E4', text: '#1D6B3A' },
  滞后: { fill: '#FBE0DE', text: '#A3251C' },
  数据暂缺: { fill: '#EEF0F3', text: '#4A5260' },
  待人工研判: { fill: '#ECE6F5', text: '#553584' },
};

export const FLAG_COLORS: Record<Flag, Swatch> = {
  green: { fill: '#DDF1E4', text: '#1D6B3A' },
  yellow: { fill: '#FFF3C4', text: '#7A5A00' },
  red: { fill: '#FBE0DE', text: '#A3251C' },
  none: { fill: '#FFFFFF', text: '#4A5260' },
};

export const FLAG_LABELS: Record<Flag, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', none: '—' };

/** "#RRGGBB" → "FFRRGGBB", the ARGB form Excel styles use. */
export const argb = (hex: string): string => 'FF' + hex.replace('#', '').toUpperCase();
