// Prints the Excel and the Word report through LibreOffice: every sheet and section reaches the PDF, Chinese text
// survives, body text of the tables prints at 10 pt or more, the chart sits alone on one page, no value is written
// twice, the Word pages hold 28 characters to the line and carry "— N —" at the foot. Set EXCEL_PDF_OUT to a folder
// to keep the PDFs and their pages as PNG (pdftoppm) for looking at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { call } from '../../core/dispatch';
import { makeFixture } from '../helpers/report-fixture';
import { outTo } from '../helpers/files';
import { soffice, pdfTools, toPdf } from '../helpers/ooxml';

const skip = !soffice ? '未安装 LibreOffice(soffice),跳过 PDF 转换检查' : !pdfTools ? '未安装 poppler-utils(pdftotext、pdfinfo),跳过 PDF 检查' : false;

const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0);
const pageText = (pdf: string, n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-']).toString();

/** Words of a page with their boxes (pdftotext -bbox). */
function words(pdf: string, n: number): { text: string; x0: number; x1: number; y0: number; y1: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-']).toString();
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] }));
}
/** The printed size (pt) of a word of Chinese characters: each is as wide as the font is large. */
const cjkSize = (w: { text: string; x0: number; x1: number }) => (w.x1 - w.x0) / w.text.length;
const isCjk = (s: string) => s.length >= 2 && /^[\u4e00-\u9fff]+$/.test(s);

function keep(pdf: string, name: string): void {
  const dir = process.env.EXCEL_PDF_OUT;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(pdf, path.join(dir, `${name}.pdf`));
  if (fs.existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(dir, name)]);
}

test('the Excel report prints every sheet at 10 pt or more, the chart alone on its page, values once', { skip, timeout: 240_000 }, async () => {
  const f = makeFixture();
  try {
    const xlsx = path.join(f.dir, '评估报告.xlsx');
    await call(f.ctx, 'export.report', { roundId: f.roundId, out: outTo(f.ctx, xlsx) });
    const pdf = toPdf(xlsx, f.dir);
    keep(pdf, 'excel-report');
    const pages = pageCount(pdf);
    const all = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    const text = all.join('\n');
    for (const t of ['中期评估情况汇总表', '中期评估情况统计图', '主要指标完成情况表', '重点任务进展情况表', '重大项目进展情况表', '规模以上工业增加值', '责任单位推进情况']) {
      assert.ok(text.includes(t), `PDF contains ${t}`);
    }
    assert.match(text, new RegExp(`第\\s*${pages}\\s*页\\s*共\\s*${pages}\\s*页`), 'pages numbered 第 N 页 共 M 页');
    assert.ok(!text.includes('###'), 'no cell shows ###');
    assert.ok(!/以上以上|以内以内|\[\[|\]\]/.test(text), 'no value written twice');
    // the chart's page holds the chart alone, and the next sheet starts on the next page
    const chart = all.findIndex((p) => p.includes('情况统计图'));
    assert.ok(chart >= 0 && all.filter((p) => p.includes('情况统计图')).length === 1);
    assert.ok(all[chart + 1].includes('主要指标完成情况表'));
    // the table text prints at 10 pt or more (the page footer aside)
    for (let n = 1; n <= pages; n++) {
      if (n === chart + 1) continue;
      const body = words(pdf, n).filter((w) => isCjk(w.text) && !/^[第共页]+$/.test(w.text));
      for (const w of body) assert.ok(cjkSize(w) >= 9.9, `page ${n}: 「${w.text}」 prints at ${cjkSize(w).toFixed(1)} pt`);
    }
  } finally {
    f.close();
  }
});

test('the Word report prints on A4 with 28 characters to the line, page numbers and every part', { skip, timeout: 240_000 }, async () => {
  const f = makeFixture();
  try {
    await call(f.ctx, 'settings.setOffice', { office: '某市发展和改革委员会' });
    const docx = path.join(f.dir, '评估报告.docx');
    await call(f.ctx, 'export.docx', { roundId: f.roundId, out: outTo(f.ctx, docx) });
    const pdf = toPdf(docx, f.dir);
    keep(pdf, 'word-report');
    const pages = pageCount(pdf);
    const all = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    for (const t of ['规划实施情况中期评估报告', '一、总体情况', '五、下一步工作建议', '附件1', '主要指标完成情况表', '附件2', '重点任务推进情况表']) {
      assert.ok(all.join('\n').replace(/\s+/g, '').includes(t), `PDF contains ${t}`);
    }
    all.forEach((p, i) => assert.match(p, new RegExp(`—\\s*${i + 1}\\s*—`), `page ${i + 1} numbered`));
    assert.match(execFileSync('pdfinfo', [pdf]).toString(), /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // body lines (3号 text, not the tables') of the first pages: at most 28 characters, the full ones exactly 28
    // (lines of Chinese characters and full-width punctuation only: Latin digits are narrower)
    const wide: number[] = [];
    const pitches: number[] = [];
    for (let n = 1; n <= Math.min(pages, 4); n++) {
      const lines = new Map<number, string>();
      for (const w of words(pdf, n)) {
        if (w.y1 - w.y0 < 15 || w.y1 > 760 || /—/.test(w.text)) continue;
        if (/^[^\x00-\x7f“”‘’]{6,}$/.test(w.text) && w.y1 - w.y0 > 19.5 && w.y1 - w.y0 < 24) pitches.push((w.x1 - w.x0) / w.text.length);
        const key = Math.round(w.y0);
        lines.set(key, (lines.get(key) ?? '') + w.text);
      }
      for (const l of lines.values()) if (!/[\x00-\x7f“”‘’]/.test(l)) wide.push([...l].length);
    }
    assert.ok(wide.length >= 4 && Math.max(...wide) <= 28, `characters per line: ${wide.join(',')}`);
    // 3号 characters advance 442.2 / 28 pt or a little less: 28 fit the type area, 29 do not (a justified line with
    // Latin digits in it spreads its characters a little wider)
    const pitch = Math.min(...pitches);
    assert.ok(pitches.length >= 10 && pitch * 28 <= 442.3 && pitch * 29 > 442.2, `character pitch ${pitch.toFixed(2)} pt: ${pitches.map((p) => p.toFixed(1)).join(',')}`);
  } finally {
    f.close();
  }
});
