// Importer entry: parses one file by its extension and content into interchange plans, with what it could not place.
import type { InterchangePlan } from '../../../contract/interchange';
import { docxBlocks } from './docx';
import { ImportFileError } from './errors';
import { readInterchange } from './json';
import { checkSize, checkZip, decodeText } from './sniff';
import { planOf, parsePlainText } from './text/plan';
import { splitDocuments } from './text/split';
import { parseXlsx } from './xlsx';

export { ImportFileError } from './errors';
export interface ParseProblem { file: string; message: string }
export interface ParseResult { plans: InterchangePlan[]; problems: ParseProblem[]; unitAliases?: { alias: string; unit: string }[] }

const ext = (name: string) => (name.match(/\.([^.\\/]+)$/)?.[1] ?? '').toLowerCase();

function problemsOf(file: string, plans: InterchangePlan[]): ParseProblem[] {
  const out: ParseProblem[] = [];
  if (!plans.length) out.push({ file, message: '没有识别出任何规划文件。' });
  for (const p of plans) {
    const name = p.title || '(无标题)';
    if (!p.title) out.push({ file, message: `第 ${p.source.line ?? '?'} 行起的文件没有识别出标题。` });
    if (p.kind !== 'notice_only' && !p.tasks.length && !p.targets.length) out.push({ file, message: `「${name}」中没有识别出任务或指标。` });
    for (const t of p.targets) if (!t.milestones.length) out.push({ file, message: `「${name}」的指标「${t.name}」没有目标值。` });
  }
  return out;
}

/** Parses one file by its extension and its content; a file that cannot be read raises ImportFileError before parsing. */
export async function parseDocument(fileName: string, data: Buffer): Promise<ParseResult> {
  checkSize(fileName, data);
  let plans: InterchangePlan[];
  let unitAliases: ParseResult['unitAliases'];
  switch (ext(fileName)) {
    case 'txt':
    case 'text':
      plans = parsePlainText(fileName, decodeText(fileName, data));
      break;
    case 'docx': {
      checkZip(fileName, data, 'Word(.docx)');
      const slices = splitDocuments(await docxBlocks(fileName, data));
      plans = slices.map((s) => planOf(fileName, s, {}, slices.length === 1));
      break;
    }
    case 'xlsx':
      checkZip(fileName, data, 'Excel(.xlsx)');
      plans = await parseXlsx(fileName, data);
      break;
    case 'json': {
      const f = readInterchange(fileName, decodeText(fileName, data));
      plans = f.plans;
      unitAliases = f.unitAliases;
      break;
    }
    default:
      throw new ImportFileError(`文件「${fileName}」的类型不受支持。请选择 .txt、.docx、.xlsx 或 .json 文件。`);
  }
  return { plans, problems: ext(fileName) === 'json' ? [] : problemsOf(fileName, plans), ...(unitAliases?.length ? { unitAliases } : {}) };
}
