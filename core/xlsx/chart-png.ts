// Bar charts drawn into a pixel buffer and encoded as PNG with zlib: no browser, no canvas, no fonts needed.
// Counts are drawn with a small built-in digit font; the category names go into the cells beside the picture.
import zlib from 'node:zlib';

export interface Bar { label: string; value: number; fill: string; edge: string }
export interface BarPanel { title: string; bars: Bar[] }

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export class Canvas {
  readonly px: Buffer;
  constructor(readonly width: number, readonly height: number, bg = '#FFFFFF') {
    this.px = Buffer.alloc(width * height * 3);
    this.rect(0, 0, width, height, bg);
  }
  rect(x: number, y: number, w: number, h: number, hex: string): void {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const x0 = Math.max(0, Math.round(x)), y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w)), y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const o = (yy * this.width + xx) * 3;
        this.px[o] = r; this.px[o + 1] = g; this.px[o + 2] = b;
      }
    }
  }
  /** Draws digits (and . %) with a 3×5 pixel font scaled by `s`, centred on cx. */
  digits(text: string, cx: number, y: number, s: number, hex: string): void {
    const w = text.length * 4 * s - s;
    let x = cx - w / 2;
    for (const ch of text) {
      const g = GLYPHS[ch];
      if (g) g.forEach((row, ry) => [...row].forEach((bit, rx) => bit === '1' && this.rect(x + rx * s, y + ry * s, s, s, hex)));
      x += 4 * s;
    }
  }
  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 3 + 1)] = 0;
      this.px.copy(raw, y * (this.width * 3 + 1) + 1, y * this.width * 3, (y + 1) * this.width * 3);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

const GLYPHS: Record<string, string[]> = {
  0: ['111', '101', '101', '101', '111'], 1: ['010', '110', '010', '010', '111'], 2: ['111', '001', '111', '100', '111'],
  3: ['111', '001', '111', '001', '111'], 4: ['101', '101', '111', '001', '001'], 5: ['111', '100', '111', '001', '111'],
  6: ['111', '100', '111', '101', '111'], 7: ['111', '001', '010', '010', '010'], 8: ['111', '101', '111', '101', '111'],
  9: ['111', '101', '111', '001', '111'], '.': ['000', '000', '000', '000', '010'], '%': ['101', '001', '010', '100', '101'],
};

export const CHART_SIZE = { width: 960, height: 380 };

/**
 * Panels side by side, each a set of bars on a common baseline with its count above each bar. Bar i of panel p is
 * described, in the same order, by the legend the caller writes into cells.
 */
export function barChartPng(panels: BarPanel[], size = CHART_SIZE): Buffer {
  const c = new Canvas(size.width, size.height);
  const pad = 24, gap = 40, top = 40, bottom = 30;
  const pw = (size.width - pad * 2 - gap * (panels.length - 1)) / Math.max(1, panels.length);
  panels.forEach((p, pi) => {
    const x0 = pad + pi * (pw + gap);
    const base = size.height - bottom;
    const max = Math.max(1, ...p.bars.map((b) => b.value));
    const slot = pw / Math.max(1, p.bars.length);
    const bw = Math.min(70, slot * 0.62);
    for (let g = 0; g <= 4; g++) c.rect(x0, base - ((base - top) * g) / 4, pw, 1, '#E3E6EB');
    c.rect(x0, base, pw, 2, '#5A6472');
    p.bars.forEach((b, i) => {
      const h = ((base - top) * b.value) / max;
      const bx = x0 + slot * i + (slot - bw) / 2;
      if (h > 0) {
        c.rect(bx, base - h, bw, h, b.edge);
        if (h > 4 && bw > 4) c.rect(bx + 2, base - h + 2, bw - 4, h - 2, b.fill);
      }
      c.digits(String(b.value), bx + bw / 2, base - h - 18, 3, '#222222');
      c.digits(String(i + 1), bx + bw / 2, base + 8, 3, '#5A6472');
    });
  });
  return c.png();
}
