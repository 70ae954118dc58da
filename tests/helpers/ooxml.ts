// Office files read back in tests: every XML part of an .xlsx or .docx checked against the ECMA-376 schemas (by the
// ooxml-validate.sh script next to the project, with xmllint), and a Word file's parts and text through jszip.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';

const root = path.resolve(__dirname, '..', '..');

const has = (cmd: string): boolean => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** The validator: $OOXML_VALIDATE, or shared/ooxml-validate.sh beside the checkout (or beside its parent folder). */
export function validator(): string | null {
  const candidates = [process.env.OOXML_VALIDATE, path.join(root, '..', 'shared', 'ooxml-validate.sh'), path.join(root, '..', '..', 'shared', 'ooxml-validate.sh')];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

/** Why the schema check cannot run here (false when it can): the test skips with this reason. */
export function cannotValidate(): string | false {
  if (!has('xmllint')) return 'xmllint 未安装(apt-get install -y libxml2-utils),跳过 ECMA-376 架构校验';
  if (!validator()) return '找不到 ooxml-validate.sh(可用环境变量 OOXML_VALIDATE 指定),跳过 ECMA-376 架构校验';
  return false;
}

/** Checks every part of `file`; throws with the validator's report when a part is invalid. */
export function assertValidOoxml(file: string): void {
  try {
    execFileSync('bash', [validator()!, file], { stdio: 'pipe', timeout: 120_000 });
  } catch (e) {
    const out = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${path.basename(file)} 有不合架构的部分:\n${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`);
  }
}

export interface WordFile { zip: JSZip; part(name: string): Promise<string>; text: string; paragraphs: { style: string; text: string }[] }

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A .docx read back: its parts, and the document's paragraphs (style id and text) in order. */
export async function readWord(file: string): Promise<WordFile> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const part = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no part ${name}`);
    return f.async('string');
  };
  const xml = await part('word/document.xml');
  const paragraphs = [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1])?.[1] ?? '',
    text: unescape([...m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));
  return { zip, part, paragraphs, text: paragraphs.map((p) => p.text).join('\n') };
}

export const soffice = has('soffice');
export const pdfTools = has('pdftotext') && has('pdfinfo');

/** Converts an Office file to PDF with LibreOffice (its own profile in `dir`); returns the PDF's path. */
export function toPdf(file: string, dir: string): string {
  const out = path.join(dir, 'pdf');
  fs.mkdirSync(out, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file],
    { stdio: 'ignore', timeout: 170_000 });
  const pdf = path.join(out, path.basename(file).replace(/\.[^.]+$/, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${path.basename(file)}`);
  return pdf;
}
