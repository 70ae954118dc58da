// Files for tests: a crafted .xlsx indicator table as planners keep them (shared with the fuzzer), crafted .docx
// bodies, and files and places handed to the service by handle, as the desktop app's dialogs and the command line hand them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Context } from '../../core/common/context';

export async function indicatorXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow(['某区“十四五”主要指标']);
  ws.addRow(['序号', '指标名称', '单位', '基期(2020年)', '2023年', '2025年', '属性', '责任单位']);
  ws.addRow([1, '地区生产总值', '亿元', 1000, 1200, '1400以上', '预期性', '区发改委、区统计局']);
  ws.addRow([2, '单位GDP能耗下降', '%', null, null, '[13.5]', '约束性', '区发改委']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const escXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A Word paragraph, in a paragraph style when given (H1 and H2 are the headings of docxOf's styles). */
export const wordPara = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${escXml(text)}</w:t></w:r></w:p>`;

/** A .docx of the given WordprocessingML body, whose styles H1 and H2 are headings 1 and 2. */
export async function docxOf(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/styles.xml', '<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style></w:styles>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A file named by the test, handed to the service as a handle (as a dialog or the command line would). */
export const fileIn = (ctx: Context, file: string) => ({ handle: ctx.handles.register(file, 'read').handle });
/** Where an export should go, as a handle. */
export const outTo = (ctx: Context, file: string) => ctx.handles.register(file, 'write').handle;
export const folderTo = (ctx: Context, dir: string) => ctx.handles.register(dir, 'folder').handle;
/** The path of a file the service wrote. */
export const writtenPath = (ctx: Context, handle: string) => ctx.handles.resolve(handle, 'read');
