// Importer entry: reads one file by its extension and content (text in any of its encodings, Word, PDF, Word 97/WPS,
// web page, Excel, interchange JSON) into interchange plans, with the problems found; a file that yields nothing is refused.
import type { InterchangePlan } from '../../../contract/interchange';
import { guardZip, DOCX_LIMITS } from '../../files/zip-guard';
import { docxBlocks } from './docx';
import { ImportFileError } from './errors';
import { htmlBlocks } from './html';
import { readInterchange } from './json';
import { pdfText } from './pdf';
import { checkSize, checkZip, decodeText, isOle, isZip, MAX_BYTES } from './sniff';
import type { Block } from './text/blocks';
import type { PageMeta } from './text/meta';
import { planOf, textSource } from './text/plan';
import { splitDocuments } from './text/split';
import { isTraditional, restorePlan, simplifyBlocks } from './traditional';
import { unwrapText } from './text/unwrap';
import { word97Blocks, word97Body } from './word97';
import { xlsxBlocks } from './xlsx';

export { ImportFileError } from './errors';
export interface ParseProblem { file: string; message: string }
/** The plans of one file; each plan also lists the lines it could not place (`unplaced`) and where its title came from. */
export interface ParseResult { plans: InterchangePlan[]; problems: ParseProblem[]; unitAliases?: { alias: string; unit: string }[] }

const ext = (name: string) => (name.match(/\.([^.\\/]+)$/)?.[1] ?? '').toLowerCase();
const DOCX = { ...DOCX_LIMITS, maxBytes: MAX_BYTES };
const SUPPORTED = '.txt、.docx、.doc、.wps、.pdf、.html、.xlsx 或 .json';

function problemsOf(file: string, plans: InterchangePlan[]): ParseProblem[] {
  const out: ParseProblem[] = [];
  for (const p of plans) {
    if (p.kind !== 'notice_only' && !p.tasks.length && !p.targets.length) out.push({ file, message: `「${p.title}」中没有识别出任务或指标。` });
    for (const t of p.targets) if (!t.milestones.length) out.push({ file, message: `「${p.title}」的指标「${t.name}」没有目标值。` });
  }
  return out;
}

/** The file's name without its folder and extension: the title of last resort. */
const fileTitle = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').trim();

/** A plan never lacks a title: the file's name stands in when the text names none. */
function titled(file: string, plans: InterchangePlan[]): InterchangePlan[] {
  return plans.map((p, k) => (p.title.trim() ? p : {
    ...p, title: plans.length > 1 ? `${fileTitle(file)}(${k + 1})` : fileTitle(file), titleFrom: 'file' as const,
  }));
}

/** The text of a document's first blocks, enough for the traditional-character check's sample. */
function leadingText(blocks: Block[], enough = 400_000): string {
  const parts: string[] = [];
  let size = 0;
  for (const b of blocks) {
    if (size >= enough) break;
    const t = b.kind === 'text' ? b.text : b.rows.flat().join('');
    parts.push(t);
    size += t.length + 1;
  }
  return parts.join('\n');
}

/** Plans of a document's blocks: traditional characters read as simplified, one plan per document the file wraps. */
export async function plansOfBlocks(file: string, blocks: Block[], page: PageMeta, oneDocument = false): Promise<InterchangePlan[]> {
  if (await isTraditional(leadingText(blocks))) {
    const simple = await simplifyBlocks(blocks);
    return plansOfBlocks(file, simple.blocks, page, oneDocument).then((ps) => ps.map((p) => restorePlan(p, simple.restorer)));
  }
  const slices = oneDocument ? [{ header: '', blocks }] : splitDocuments(blocks);
  return titled(file, slices.map((s) => planOf(file, s, page, slices.length === 1)));
}

const ofText = (file: string, text: string) => {
  const { blocks, page } = textSource(text);
  return plansOfBlocks(file, blocks, page);
};

async function read(fileName: string, data: Buffer): Promise<InterchangePlan[]> {
  switch (ext(fileName)) {
    case 'txt':
    case 'text':
      return ofText(fileName, unwrapText(decodeText(fileName, data)));
    case 'docx':
    case 'docm':
      checkZip(fileName, data, 'Word(.docx)');
      await guardZip(data, { ...DOCX, name: fileName });
      return plansOfBlocks(fileName, await docxBlocks(fileName, data), {});
    case 'doc':
    case 'wps':
      if (isZip(data)) return read(fileName.replace(/\.\w+$/, '.docx'), data);
      if (!isOle(data) && /^\s*<(!doctype|html)/i.test(data.subarray(0, 512).toString('latin1'))) return read(fileName.replace(/\.\w+$/, '.html'), data);
      return plansOfBlocks(fileName, word97Blocks(await word97Body(fileName, data)), {});
    case 'pdf':
      return ofText(fileName, await pdfText(fileName, data));
    case 'html':
    case 'htm':
    case 'shtml': {
      const { blocks, page } = htmlBlocks(data);
      return plansOfBlocks(fileName, blocks, page);
    }
    case 'xlsx':
    case 'xlsm': {
      checkZip(fileName, data, 'Excel(.xlsx)');
      // A workbook is one plan: its target sheets and task sheets together.
      return plansOfBlocks(fileName, await xlsxBlocks(fileName, data, { maxBytes: MAX_BYTES }), {}, true);
    }
    case 'xls':
      throw new ImportFileError(`文件「${fileName}」是 Excel 97-2003 工作簿(.xls),不能直接读取。请在 Excel 或 WPS 表格中打开,另存为 .xlsx 后再导入。`);
    case 'json':
      return readInterchange(fileName, decodeText(fileName, data)).plans;
    default:
      throw new ImportFileError(`文件「${fileName}」的类型不受支持。请选择 ${SUPPORTED} 文件。`);
  }
}

/**
 * Parses one file by its extension and its content. A file that cannot be read, or that yields no task and no target,
 * raises ImportFileError, so nothing of it is written.
 */
export async function parseDocument(fileName: string, data: Buffer): Promise<ParseResult> {
  checkSize(fileName, data);
  if (ext(fileName) === 'json') {
    const f = readInterchange(fileName, decodeText(fileName, data));
    return { plans: f.plans, problems: [], ...(f.unitAliases?.length ? { unitAliases: f.unitAliases } : {}) };
  }
  const plans = await read(fileName, data);
  if (!plans.some((p) => p.tasks.length || p.targets.length)) {
    throw new ImportFileError(`文件「${fileName}」中没有识别出任何任务或指标,未导入。请确认它是规划、方案或分工表等文件。`);
  }
  return { plans, problems: problemsOf(fileName, plans) };
}
