// Refuses zip bombs and disguised files before any parser sees a zip (.docx, .xlsx, or any other zip-based format):
// the entry count is read from the end record first, then the declared sizes and ratios are checked, then every part
// is inflated with a hard output limit (a lying directory cannot get through) and its XML searched for DTDs (XXE).
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { invalid } from '../common/errors';

export const MAX_RETURN_BYTES = 20 * 1024 * 1024;
export const MAX_UNCOMPRESSED = 200 * 1024 * 1024;

export interface ZipLimits {
  /** The file's name, for the messages. */
  name: string;
  /** What the file should be, for the messages: 'Excel 工作簿(.xlsx)', 'Word 文档(.docx)'. */
  what?: string;
  maxBytes?: number;
  maxEntries?: number;
  /** All parts together, and any one part, once inflated. */
  maxTotal?: number;
  maxPart?: number;
  /** Inflated to compressed size, for parts over 1 MB. */
  maxRatio?: number;
  /** Parts the format must have. */
  required?: readonly string[];
  /** Inflated parts to hand back (the worksheets, for the pre-scan), instead of inflating them twice. */
  keep?: (part: string) => boolean;
}

export interface GuardedZip { parts: string[]; kept: Map<string, Buffer> }

const DEFAULTS = { maxBytes: 50 * 1024 * 1024, maxEntries: 2000, maxTotal: MAX_UNCOMPRESSED, maxPart: 100 * 1024 * 1024, maxRatio: 200 };

/** The limits of each office format the importers and the returns reader take in. */
export const XLSX_LIMITS = { what: 'Excel 工作簿(.xlsx)', required: ['[Content_Types].xml', 'xl/workbook.xml'] } as const;
export const DOCX_LIMITS = { what: 'Word 文档(.docx)', required: ['[Content_Types].xml', 'word/document.xml'], maxTotal: 120 * 1024 * 1024, maxPart: 60 * 1024 * 1024 } as const;

interface Compressed { compressedSize: number; uncompressedSize: number; compression: { magic: string } | null; compressedContent: Uint8Array }

const mb = (n: number) => (n / 1048576).toFixed(0);
const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;
export const looksLikeZip = isZip;

/** The entry count of the end-of-central-directory record, read without unpacking anything; null when there is none. */
function declaredEntries(buf: Buffer): number | null {
  const from = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return buf.readUInt16LE(i + 10);
  }
  return null;
}

const XML_PART = /\.(xml|rels|vml)$/i;
const DTD_MARKS = ['<!DOCTYPE', '<!ENTITY'].flatMap((m) => [Buffer.from(m, 'utf8'), Buffer.from(m, 'utf16le')]);

/**
 * Checks a zip against the limits and gives back the parts kept; any breach is refused with a Chinese message naming
 * the file. Nothing but the central directory is parsed before the sizes are known.
 */
export async function guardZip(buf: Buffer, limits: ZipLimits): Promise<GuardedZip> {
  const l = { ...DEFAULTS, ...limits };
  const name = l.name;
  const what = l.what ?? 'Office 文件';
  if (buf.length > l.maxBytes) throw invalid(`「${name}」超过 ${mb(l.maxBytes)} MB,未读取`);
  if (!isZip(buf)) throw invalid(`「${name}」不是 ${what}(内容不是 zip 压缩包),可能已损坏或扩展名不对,未读取`);
  const count = declaredEntries(buf);
  if (count === null) throw invalid(`「${name}」已损坏(压缩包不完整),未读取`);
  if (count === 0xffff || count > l.maxEntries) throw invalid(`「${name}」包含的部件过多,不像正常的 ${what},未读取`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false, createFolders: false });
  } catch {
    throw invalid(`「${name}」已损坏,或不是 ${what},未读取`);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > l.maxEntries) throw invalid(`「${name}」包含的部件过多(${entries.length} 个),不像正常的 ${what},未读取`);
  let total = 0;
  for (const e of entries) {
    const c = (e as unknown as { _data: Compressed })._data;
    // The directory's 32-bit sizes are read as signed numbers: a size past 2 GB comes out negative.
    if (c.uncompressedSize < 0) c.uncompressedSize += 2 ** 32;
    if (c.compressedSize < 0) c.compressedSize += 2 ** 32;
    total += c.uncompressedSize;
    if (c.uncompressedSize > l.maxPart || total > l.maxTotal) {
      throw invalid(`「${name}」解压后超过 ${mb(Math.min(l.maxTotal, total))} MB,可能是压缩炸弹,未读取`);
    }
    if (c.compressedSize > 0 && c.uncompressedSize > 1048576 && c.uncompressedSize / c.compressedSize > l.maxRatio) {
      throw invalid(`「${name}」的压缩比异常(${Math.round(c.uncompressedSize / c.compressedSize)} 倍),可能是压缩炸弹,未读取`);
    }
  }
  for (const part of l.required ?? []) if (!zip.file(part)) throw invalid(`「${name}」不是 ${what}(缺少 ${part}),可能扩展名不对,未读取`);
  const kept = new Map<string, Buffer>();
  for (const e of entries) {
    const data = inflate(e.name, (e as unknown as { _data: Compressed })._data, name);
    if (XML_PART.test(e.name) && DTD_MARKS.some((m) => data.includes(m))) {
      throw invalid(`「${name}」中的「${e.name}」含有文档类型声明(DOCTYPE/ENTITY),Office 文件不会有这种内容,出于安全考虑未读取`);
    }
    if (l.keep?.(e.name)) kept.set(e.name, data);
  }
  return { parts: entries.map((e) => e.name), kept };
}

/** One part, inflated to at most its declared size: more, or less, means the directory lies or the part is damaged. */
function inflate(part: string, c: Compressed, name: string): Buffer {
  const content = Buffer.from(c.compressedContent.buffer, c.compressedContent.byteOffset, c.compressedContent.byteLength);
  let out: Buffer;
  try {
    if (c.compression?.magic === '\x00\x00') out = content;
    else if (c.compression?.magic === '\x08\x00') out = zlib.inflateRawSync(content, { maxOutputLength: Math.max(1, c.uncompressedSize) + 1 });
    else throw new Error('method');
  } catch {
    throw invalid(`「${name}」中的「${part}」解压后与声明的大小不符、压缩方式不受支持或已损坏,未读取`);
  }
  if (out.length !== c.uncompressedSize) throw invalid(`「${name}」中的「${part}」解压后与声明的大小不符,可能是压缩炸弹或已损坏,未读取`);
  return out;
}
