// Checks a file before parsing: size, emptiness, zip signature, binary junk; decodes text as UTF-8 or GB18030.
import { ImportFileError } from './errors';

export const MAX_BYTES = 50 * 1024 * 1024;

export function checkSize(file: string, data: Buffer): void {
  if (data.length === 0) throw new ImportFileError(`文件「${file}」是空的,没有可导入的内容。`);
  if (data.length > MAX_BYTES) {
    const mb = (data.length / 1024 / 1024).toFixed(0);
    throw new ImportFileError(`文件「${file}」有 ${mb} MB,超过 50 MB 的上限,未导入。请拆分后再导入。`);
  }
}

export function checkZip(file: string, data: Buffer, what: string): void {
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 0x03 || data[3] !== 0x04) {
    throw new ImportFileError(`文件「${file}」不是有效的 ${what} 文件(内容不是 zip 压缩包),可能已损坏或扩展名不对。`);
  }
}

/** The text of a .txt file; binary content is refused. */
export function decodeText(file: string, data: Buffer): string {
  const head = data.subarray(0, Math.min(data.length, 65536));
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
  if (head.includes(0) || control > head.length * 0.01) {
    throw new ImportFileError(`文件「${file}」看起来是二进制文件,不是文本,未导入。请选择 .txt、.docx、.xlsx 或 .json 文件。`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      throw new ImportFileError(`文件「${file}」的文字编码无法识别(既不是 UTF-8 也不是 GBK),未导入。`);
    }
  }
}
