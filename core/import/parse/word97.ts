// Word 97 binaries (.doc, and .wps files that WPS Office saves in the same format) → text lines through
// word-extractor; a table's cells come out tab-separated, one row per line, cells holding several paragraphs rejoined.
import { ImportFileError } from './errors';
import { isOle } from './sniff';

interface WordDocument { getBody(): string }
interface Extractor { extract(source: Buffer): Promise<WordDocument> }

async function extractor(): Promise<Extractor> {
  const mod = (await import('word-extractor')) as unknown as { default?: new () => Extractor } & (new () => Extractor);
  const Ctor = mod.default ?? mod;
  return new Ctor();
}

/**
 * Rows of a Word table end with a tab (the cell mark of their last cell); a cell of two paragraphs breaks its row over
 * two lines, so a line with tabs that does not end in one is continued by the next lines up to one that does.
 */
export function rejoinRows(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k]!;
    if (line.includes('\t') && !line.endsWith('\t')) {
      let j = k + 1;
      while (j < lines.length && j - k < 12 && !lines[j]!.endsWith('\t')) j++;
      if (j < lines.length && lines[j]!.endsWith('\t')) { line = lines.slice(k, j + 1).join(''); k = j; }
    }
    out.push(line.endsWith('\t') ? line.slice(0, -1) : line);
  }
  return out;
}

/** The text of a Word 97 document; a file WPS wrote in its own older format gets a message saying what to do. */
export async function word97Text(file: string, data: Buffer): Promise<string> {
  const what = /\.wps$/i.test(file) ? 'WPS 文字' : 'Word 97-2003';
  if (!isOle(data)) {
    throw new ImportFileError(/\.wps$/i.test(file)
      ? `文件「${file}」是早期 WPS 专有格式,无法读取。请在 WPS 中打开,另存为 .docx(或 .doc)后再导入。`
      : `文件「${file}」不是有效的 Word 97-2003 文档(.doc),可能已损坏或扩展名不对。请在 Word 或 WPS 中另存为 .docx 后再导入。`);
  }
  let body: string;
  try {
    body = (await (await extractor()).extract(data)).getBody();
  } catch {
    throw new ImportFileError(`文件「${file}」无法作为 ${what} 文档读取(可能已损坏、加密,或是其他程序的专有格式)。请在 WPS 或 Word 中打开,另存为 .docx 后再导入。`);
  }
  if (!body.replace(/\s/g, '')) throw new ImportFileError(`文件「${file}」中没有可读取的文字。`);
  return rejoinRows(body).join('\n');
}
