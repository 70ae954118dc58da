// The Chinese fonts a chart is drawn with: found once among the system's fonts (Windows, Linux through the fontconfig
// folders, macOS), with the family to ask for first. Without any, the renderer falls back to the system's own fonts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Fonts with Chinese glyphs by their usual file names, in the order they are preferred; bold faces ride along. */
const CANDIDATES: { family: string; files: string[] }[] = [
  { family: 'Microsoft YaHei', files: ['msyh.ttc', 'msyh.ttf', 'msyhbd.ttc', 'msyhbd.ttf'] },
  { family: 'SimHei', files: ['simhei.ttf'] },
  { family: 'PingFang SC', files: ['PingFang.ttc'] },
  { family: 'Noto Sans CJK SC', files: ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Regular.otf', 'NotoSansCJKsc-Bold.otf'] },
  { family: 'Source Han Sans SC', files: ['SourceHanSansSC-Regular.otf', 'SourceHanSansSC-Bold.otf', 'SourceHanSans-Regular.ttc'] },
  { family: 'Source Han Sans CN', files: ['SourceHanSansCN-Regular.otf', 'SourceHanSansCN-Bold.otf'] },
  { family: 'WenQuanYi Micro Hei', files: ['wqy-microhei.ttc'] },
  { family: 'WenQuanYi Zen Hei', files: ['wqy-zenhei.ttc'] },
  { family: 'SimSun', files: ['simsun.ttc'] },
  { family: 'Noto Serif CJK SC', files: ['NotoSerifCJK-Regular.ttc'] },
  { family: 'AR PL UMing CN', files: ['uming.ttc'] },
];

export function fontFolders(): string[] {
  if (process.platform === 'win32') {
    const win = process.env.WINDIR ?? process.env.SystemRoot ?? 'C:\\Windows';
    return [path.join(win, 'Fonts'), path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts')];
  }
  if (process.platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', path.join(os.homedir(), 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.local', 'share', 'fonts'), path.join(os.homedir(), '.fonts')];
}

/** Every font file under the folders by lower-case name (a few levels deep, as the fontconfig folders are laid out). */
function fontFiles(dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth < 4) walk(p, depth + 1);
      else if (/\.(ttf|ttc|otf)$/i.test(e.name) && !out.has(e.name.toLowerCase())) out.set(e.name.toLowerCase(), p);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

export interface ChartFonts { files: string[]; family: string | null; families: string[] }

let found: ChartFonts | null = null;

/** The Chinese font files found and the family to draw with (null: none found, the system's defaults are used). */
export function chartFonts(): ChartFonts {
  if (found) return found;
  const all = fontFiles(fontFolders());
  const files: string[] = [];
  const families: string[] = [];
  for (const c of CANDIDATES) {
    const here = c.files.map((f) => all.get(f.toLowerCase())).filter((p): p is string => !!p);
    if (!here.length) continue;
    files.push(...here);
    families.push(c.family);
  }
  found = { files, family: families[0] ?? null, families };
  return found;
}
