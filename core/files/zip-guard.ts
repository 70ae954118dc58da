// Refuses zip bombs and oversized workbooks before any spreadsheet parser sees them: the central directory's sizes are
// checked with jszip, then each part is inflated with a hard output limit so a lying directory cannot get through.
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { invalid } from '../common/errors';

export const MAX_RETURN_BYTES = 20 * 1024 * 1024;
export const MAX_UNCOMPRESSED = 200 * 1024 * 1024;
const MAX_PART = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;
const MAX_RATIO = 200;

interface Compressed { compressedSize: number; uncompressedSize: number; compression: { magic: string }; compressedContent: Uint8Array }

const mb = (n: number) => (n / 1048576).toFixed(0);

/** What a zip must be: its name in messages (and what a normal one is called), the part it cannot lack, its largest size. */
export interface ZipKind { label: string; noun: string; part: string; maxBytes: number }
export const XLSX_RETURN: ZipKind = { label: ' Excel 工作簿(.xlsx)', noun: '填报表', part: 'xl/workbook.xml', maxBytes: MAX_RETURN_BYTES };

export async function guardZip(name: string, data: Buffer, kind: ZipKind = XLSX_RETURN): Promise<void> {
  if (data.length > kind.maxBytes) throw invalid(`「${name}」超过 ${mb(kind.maxBytes)} MB,未读取`);
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw invalid(`「${name}」不是${kind.label},未读取`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false, createFolders: false });
  } catch {
    throw invalid(`「${name}」已损坏,或不是${kind.label},未读取`);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > MAX_ENTRIES) throw invalid(`「${name}」包含的部件过多(${entries.length} 个),不像正常的${kind.noun},未读取`);
  let total = 0;
  for (const e of entries) {
    const c = (e as unknown as { _data: Compressed })._data;
    total += c.uncompressedSize;
    if (c.uncompressedSize > MAX_PART || total > MAX_UNCOMPRESSED) {
      throw invalid(`「${name}」解压后超过 ${mb(MAX_UNCOMPRESSED)} MB,可能是压缩炸弹,未读取`);
    }
    if (c.compressedSize > 0 && c.uncompressedSize > 1048576 && c.uncompressedSize / c.compressedSize > MAX_RATIO) {
      throw invalid(`「${name}」的压缩比异常(${Math.round(c.uncompressedSize / c.compressedSize)} 倍),可能是压缩炸弹,未读取`);
    }
  }
  if (!zip.file('[Content_Types].xml') || !zip.file(kind.part)) throw invalid(`「${name}」不是${kind.label},未读取`);
  for (const e of entries) {
    const c = (e as unknown as { _data: Compressed })._data;
    if (c.compression.magic !== '\x08\x00') continue;
    try {
      zlib.inflateRawSync(c.compressedContent, { maxOutputLength: Math.max(1, c.uncompressedSize) + 1 });
    } catch {
      throw invalid(`「${name}」中的「${e.name}」解压后与声明的大小不符或已损坏,未读取`);
    }
  }
}
