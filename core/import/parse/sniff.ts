// Checks a file before parsing: size, emptiness, zip signature, binary junk; decodes text as UTF-8, UTF-16 (by its
// byte-order mark or its pattern of NUL bytes) or GBK/GB18030.
import { ImportFileError } from './errors';

export const MAX_BYTES = 50 * 1024 * 1024;

export function checkSize(file: string, data: Buffer): void {
  if (data.length === 0) throw new ImportFileError(`文件「${file}」是空的,没有可导入的内容。`);
  if (data.length > MAX_BYTES) {
    const mb = (data.length / 1024 / 1024).toFixed(0);
    throw new ImportFileError(`文件「${file}」有 ${mb} MB,超过 50 MB 的上限,未导入。请拆分后再导入。`);
  }
}

export const isZip = (data: Buffer) => data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
/** The signature of an OLE compound file (Word 97 .doc, WPS, Excel 97 .xls). */
export const isOle = (data: Buffer) => data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1;

export function checkZip(file: string, data: Buffer, what: string): void {
  if (!isZip(data)) {
    throw new ImportFileError(`文件「${file}」不是有效的 ${what} 文件(内容不是 zip 压缩包),可能已损坏或扩展名不对。`);
  }
}

/** UTF-16 without a byte-order mark: NUL bytes on one side of most ASCII characters and almost none on the other. */
function utf16Order(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  const n = head.length - (head.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 2) return null;
  if (odd >= Math.max(2, pairs * 0.005) && even <= odd * 0.05) return 'utf-16le';
  if (even >= Math.max(2, pairs * 0.005) && odd <= even * 0.05) return 'utf-16be';
  return null;
}

function encodingOf(data: Buffer): { encoding: string; skip: number } {
  if (data[0] === 0xff && data[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (data[0] === 0xfe && data[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  const order = data.includes(0) ? utf16Order(data.subarray(0, Math.min(data.length, 65536))) : null;
  return { encoding: order ?? 'utf-8', skip: 0 };
}

const refuseBinary = (file: string) =>
  new ImportFileError(`文件「${file}」看起来是二进制文件,不是文本,未导入。请选择 .txt、.docx、.pdf、.doc、.xlsx 或 .json 文件。`);

/** The text of a .txt file; binary content is refused. */
export function decodeText(file: string, data: Buffer): string {
  const { encoding, skip } = encodingOf(data);
  if (encoding.startsWith('utf-16')) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(data.subarray(skip));
    } catch {
      throw refuseBinary(file);
    }
    let control = 0;
    for (const ch of text.slice(0, 32768)) if (ch < ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\f') control++;
    if (control > Math.min(text.length, 32768) * 0.01) throw refuseBinary(file);
    return text;
  }
  const body = data.subarray(skip);
  const head = body.subarray(0, Math.min(body.length, 65536));
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
  if (head.includes(0) || control > head.length * 0.01) throw refuseBinary(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new ImportFileError(`文件「${file}」的文字编码无法识别(既不是 UTF-8、UTF-16 也不是 GBK),未导入。`);
    }
  }
}
