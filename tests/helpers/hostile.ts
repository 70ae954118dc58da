// Hostile and broken files as they arrive by e-mail: zip bombs (honest and lying), validations and merges over the
// whole sheet, far cells, DTD entities (XXE, billion laughs), too many parts, renamed files; and a plain big table.
// Each says what should become of it: refused with a Chinese message, or imported.
import ExcelJS from 'exceljs';
import { entry, repeated, rewrite, writeZip } from './zip';
import { indicatorXlsx } from './files';

export interface Hostile { name: string; data: Buffer; what: string; expect: 'refused' | 'imported'; message?: RegExp }

const SHEET = 'xl/worksheets/sheet1.xml';
const DOCTYPE = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>';

/** The first sheet of a workbook changed by `change` (its XML as text). */
export async function patchSheet(xlsx: Buffer, change: (xml: string) => string, part = SHEET): Promise<Buffer> {
  return writeZip(await rewrite(xlsx, (p, text) => (p === part ? change(text) : null)));
}

const beforeMargins = (xml: string, add: string) => xml.replace(/<pageMargins\b/, `${add}<pageMargins`);
const lastRowEnd = (xml: string, add: string) => xml.replace('</sheetData>', `${add}</sheetData>`);

/** A minimal Word document whose body is the given paragraphs (and extra XML), parts as Word writes them. */
export function docx(paragraphs: string[], opts: { prolog?: string; body?: string } = {}): Buffer {
  const p = paragraphs.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
  return writeZip([
    entry('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    entry('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?>${opts.prolog ?? ''}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p}${opts.body ?? ''}</w:body></w:document>`),
  ]);
}

export const PLAN_PARAGRAPHS = ['某区数字经济发展行动方案', '一、主要任务', '(一)建设算力中心。牵头单位:区大数据发展局。', '(二)培育数据要素市场。牵头单位:区发展改革委。'];

/** An ordinary indicator table of `rows` rows, as a planner's workbook has them. */
export async function bigIndicatorTable(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow(['某区“十四五”主要指标']);
  ws.addRow(['序号', '指标名称', '单位', '基期(2020年)', '2023年', '2025年', '属性', '责任单位']);
  for (let i = 1; i <= rows; i++) ws.addRow([i, `指标${i}`, '亿元', 1000 + i, 1200 + i, `${1400 + i}以上`, i % 2 ? '预期性' : '约束性', '区发改委']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Crafted plan files for the importer (import.preview), every format's zip paths included. */
export async function hostilePlanFiles(): Promise<Hostile[]> {
  const base = await indicatorXlsx();
  const refusedAs = (name: string, data: Buffer, what: string, message: RegExp): Hostile => ({ name, data, what, expect: 'refused', message });
  const imported = (name: string, data: Buffer, what: string): Hostile => ({ name, data, what, expect: 'imported' });
  const word = docx(PLAN_PARAGRAPHS);
  return [
    imported('validation.xlsx', await patchSheet(base, (x) => beforeMargins(x, '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"甲,乙"</formula1></dataValidation></dataValidations>')),
      'a data validation over A1:XFD1048576'),
    imported('merge.xlsx', await patchSheet(base, (x) => beforeMargins(x, '<mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>')), 'a merge over the whole sheet'),
    imported('dimension.xlsx', await patchSheet(base, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')), 'a dimension of the whole sheet'),
    imported('far-empty.xlsx', await patchSheet(base, (x) => lastRowEnd(x, '<row r="5000"><c r="XFD5000" s="0"/></row><row r="1048576"/>')), 'an empty styled cell at XFD5000 and an empty last row'),
    refusedAs('far-cell.xlsx', await patchSheet(base, (x) => lastRowEnd(x, '<row r="5000"><c r="XFD5000" t="inlineStr"><is><t>远</t></is></c></row>')), 'a value at XFD5000', /很远的单元格 XFD5000/),
    refusedAs('far-elsewhere.xlsx', writeZip((await rewrite(await patchSheet(base, (x) => lastRowEnd(x, '<row r="5000"><c r="XFD5000" t="inlineStr"><is><t>远</t></is></c></row>')),
      (p, text) => (p === 'xl/_rels/workbook.xml.rels' || p === '[Content_Types].xml' ? text.replace(/worksheets\/sheet1\.xml/g, 'data/sheet1.xml') : null)))
      .map((e) => (e.name === SHEET ? { ...e, name: 'xl/data/sheet1.xml' } : e))), 'a value at XFD5000 in a sheet kept outside xl/worksheets/', /很远的单元格 XFD5000/),
    refusedAs('far-row.xlsx', await patchSheet(base, (x) => lastRowEnd(x, '<row r="1048576"><c r="A1048576"><v>1</v></c></row>')), 'a value in row 1048576', /1048576 行/),
    refusedAs('xxe.xlsx', await patchSheet(base, (x) => x.replace(/^(<\?xml[^>]*\?>)/, `$1${DOCTYPE}`)), 'DTD entities in a sheet', /DOCTYPE/),
    refusedAs('bomb.xlsx', writeZip([entry('[Content_Types].xml', '<Types/>'), entry('xl/workbook.xml', '<workbook/>'), repeated(SHEET, 1024 ** 3)]), 'a sheet that inflates to 1 GB', /压缩炸弹/),
    refusedAs('lying.xlsx', writeZip([entry('[Content_Types].xml', '<Types/>'), entry('xl/workbook.xml', '<workbook/>'), repeated(SHEET, 256 << 20, 0x20, { declare: 4096 })]),
      'a sheet declared 4 KB that inflates to 256 MB', /声明的大小不符/),
    refusedAs('parts.xlsx', writeZip([entry('[Content_Types].xml', '<Types/>'), entry('xl/workbook.xml', '<workbook/>'), ...Array.from({ length: 5000 }, (_, i) => entry(`xl/media/p${i}.xml`, '<a/>', { store: true }))]),
      '5000 parts', /部件过多/),
    refusedAs('bomb.docx', writeZip([entry('[Content_Types].xml', '<Types/>'), repeated('word/document.xml', 2 * 1024 ** 3, 0x20)]), 'a document that inflates to 2 GB', /压缩炸弹/),
    refusedAs('lying.docx', writeZip([entry('[Content_Types].xml', '<Types/>'), repeated('word/document.xml', 512 << 20, 0x20, { declare: 2048 })]),
      'a document declared 2 KB that inflates to 512 MB', /声明的大小不符/),
    refusedAs('xxe.docx', docx(['&lol3;'], { prolog: DOCTYPE }), 'DTD entities in a document', /DOCTYPE/),
    refusedAs('word.xlsx', word, 'a Word document renamed .xlsx', /不是 Excel 工作簿/),
    refusedAs('sheet.docx', base, 'a workbook renamed .docx', /不是 Word 文档/),
    refusedAs('image.docx', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2000, 7)]), 'a PNG renamed .docx', /不是.*docx|不是 Word 文档|zip/),
    refusedAs('bomb.txt', writeZip([repeated('a.txt', 1024 ** 3)]), 'a zip bomb renamed .txt', /压缩炸弹|二进制/),
    refusedAs('bomb.json', writeZip([repeated('a.json', 1024 ** 3)]), 'a zip bomb renamed .json', /压缩炸弹|JSON/),
    imported('plan.docx', word, 'an ordinary Word plan'),
    imported('table.xlsx', await bigIndicatorTable(8000), 'an ordinary 8 000-row indicator table'),
  ];
}

/** Crafted variants of a real returns workbook (its task sheet is sheet2 of the workbook exceljs wrote). */
export async function hostileReturns(valid: Buffer): Promise<Hostile[]> {
  const tasks = 'xl/worksheets/sheet2.xml';
  return [
    { name: 'return-validation.xlsx', what: 'a validation over the whole task sheet of a real return', expect: 'imported',
      data: await patchSheet(valid, (x) => x.replace(/sqref="[^"]*"/, 'sqref="A1:XFD1048576"'), tasks) },
    { name: 'return-far.xlsx', what: 'a value at XFD5000 in a real return', expect: 'refused', message: /很远的单元格/,
      data: await patchSheet(valid, (x) => lastRowEnd(x, '<row r="5000"><c r="XFD5000"><v>1</v></c></row>'), tasks) },
    { name: 'return-xxe.xlsx', what: 'DTD entities in a real return', expect: 'refused', message: /DOCTYPE/,
      data: await patchSheet(valid, (x) => x.replace(/^(<\?xml[^>]*\?>)/, `$1${DOCTYPE}`), tasks) },
    { name: 'return-bomb.xlsx', what: 'a return whose sheet inflates to 1 GB', expect: 'refused', message: /压缩炸弹/,
      data: writeZip([entry('[Content_Types].xml', '<Types/>'), entry('xl/workbook.xml', '<workbook/>'), repeated(tasks, 1024 ** 3)]) },
  ];
}
