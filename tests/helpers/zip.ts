// A small zip writer for crafted files: every entry's bytes, method and declared sizes are what the test says, so a
// bomb can be honest (huge declared size) or lying (small declared size, huge content), and streams never sit in memory.
import zlib from 'node:zlib';
import JSZip from 'jszip';

export interface RawEntry {
  name: string;
  /** The stored bytes (already deflated when `deflated`). */
  bytes: Buffer;
  deflated: boolean;
  /** What the directory says the entry inflates to, and its CRC. */
  size: number;
  crc: number;
}

/** An entry from its plain content, deflated or stored. */
export function entry(name: string, content: Buffer | string, opts: { store?: boolean; declare?: number } = {}): RawEntry {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const deflated = !opts.store;
  return { name, bytes: deflated ? zlib.deflateRawSync(data, { level: 9 }) : data, deflated, size: opts.declare ?? data.length, crc: zlib.crc32(data) };
}

/**
 * An entry of `size` repeated bytes, built from one deflated chunk repeated (sync-flushed segments join into one valid
 * deflate stream), so a gigabyte of content costs a few megabytes and milliseconds to build.
 */
export function repeated(name: string, size: number, byte = 0x20, opts: { declare?: number } = {}): RawEntry {
  const chunk = Buffer.alloc(Math.min(size, 4 << 20), byte);
  const seg = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const whole = Math.floor(size / chunk.length);
  const rest = size - whole * chunk.length;
  const parts: Buffer[] = Array.from({ length: whole }, () => seg);
  if (rest) parts.push(zlib.deflateRawSync(chunk.subarray(0, rest), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  // No CRC: a gigabyte would take seconds to sum, and no reader here checks it.
  return { name, bytes: Buffer.concat(parts), deflated: true, size: opts.declare ?? size, crc: 0 };
}

/** Writes the entries as a zip (local headers, data, central directory, end record). */
export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // The fields local and central headers share, from the flags on (UTF-8 names, method, CRC, sizes, name length).
  const shared = (b: Buffer, at: number, e: RawEntry, name: Buffer) => {
    b.writeUInt16LE(0x0800, at);
    b.writeUInt16LE(e.deflated ? 8 : 0, at + 2);
    b.writeUInt32LE(e.crc >>> 0, at + 8);
    b.writeUInt32LE(e.bytes.length, at + 12);
    b.writeUInt32LE(e.size >>> 0, at + 16);
    b.writeUInt16LE(name.length, at + 20);
  };
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    shared(local, 6, e, name);
    locals.push(local, name, e.bytes);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    shared(c, 8, e, name);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.bytes.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The entries of an existing zip (a workbook exceljs wrote), each part's text passed through `change`. */
export async function rewrite(zipped: Buffer, change: (part: string, text: string) => string | null): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(zipped);
  const out: RawEntry[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const data = await f.async('nodebuffer');
    const changed = /\.(xml|rels)$/.test(f.name) ? change(f.name, data.toString('utf8')) : null;
    out.push(entry(f.name, changed ?? data));
  }
  return out;
}
