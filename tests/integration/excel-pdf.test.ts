// Prints the report through LibreOffice: every sheet reaches the PDF, Chinese text survives and pages are numbered.
// Set EXCEL_PDF_OUT to a folder to keep the PDF and PNG pages (pdftoppm) for looking at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { call } from '../../core/dispatch';
import { makeFixture } from '../helpers/report-fixture';
import { outTo } from '../helpers/files';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const soffice = has('soffice');

test('the report converts to a PDF with every sheet, Chinese text and page numbers', { skip: soffice ? false : '未安装 LibreOffice(soffice),跳过 PDF 转换检查', timeout: 180_000 }, async () => {
  const f = makeFixture();
  try {
    const xlsx = path.join(f.dir, '评估报告.xlsx');
    await call(f.ctx, 'export.report', { roundId: f.roundId, out: outTo(f.ctx, xlsx) });
    const out = process.env.EXCEL_PDF_OUT ? path.resolve(process.env.EXCEL_PDF_OUT) : path.join(f.dir, 'pdf');
    fs.mkdirSync(out, { recursive: true });
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(f.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx],
      { stdio: 'ignore', timeout: 170_000 });
    const pdf = path.join(out, '评估报告.pdf');
    assert.ok(fs.existsSync(pdf), 'PDF written');
    if (has('pdftotext') && has('pdfinfo')) {
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      for (const t of ['中期评估情况汇总表', '主要指标完成情况表', '重点任务进展情况表', '重大项目进展情况表', '规模以上工业增加值']) {
        assert.ok(text.includes(t), `PDF contains ${t}`);
      }
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0);
      assert.ok(pages >= 4, 'at least one page per sheet');
      assert.match(text, new RegExp(`第\\s*${pages}\\s*页\\s*共\\s*${pages}\\s*页`), 'pages numbered 第 N 页 共 M 页');
      assert.ok(!text.includes('###'), 'no cell shows ###');
    }
    if (has('pdftoppm') && process.env.EXCEL_PDF_OUT) execFileSync('pdftoppm', ['-r', '80', '-png', pdf, path.join(out, 'page')]);
  } finally {
    f.close();
  }
});
