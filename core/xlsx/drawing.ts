// Places a PNG picture on a streamed worksheet. exceljs's streaming writer has no pictures (only backgrounds), so this
// adds the three parts a picture needs — the drawing, its relationships and the sheet's <drawing> element — itself.
import type { stream, Worksheet } from 'exceljs';

type WorkbookWriter = stream.xlsx.WorkbookWriter;
type WorksheetWriter = Worksheet;

// exceljs internals used here: the archive, the sheet's relationship writer, its XML stream and the content-types part.
interface WriterInternals {
  zip: { append(data: string | Buffer, opts: { name: string }): void };
  media: unknown[];
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown[];
  addContentTypes(): Promise<void>;
}
interface SheetInternals {
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeRowBreaks(): void;
  stream: { write(s: string): void };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ContentTypesXform = require('exceljs/lib/xlsx/xform/core/content-types-xform') as new () => { toXml(model: unknown): string };

const EMU_PER_PX = 9525;
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** Anchors `png` (width × height pixels) with its top-left corner at the given 0-based column and row. */
export function addPicture(wb: WorkbookWriter, ws: WorksheetWriter, png: Buffer, at: { col: number; row: number }, size: { width: number; height: number }): void {
  const book = wb as unknown as WriterInternals;
  const sheet = ws as unknown as SheetInternals;
  const imageId = wb.addImage({ buffer: png, extension: 'png' } as unknown as Parameters<WorkbookWriter['addImage']>[0]);
  const drawingName = `drawing${imageId + 1}`;
  const rId = sheet._sheetRelsWriter.addRelationship({ Type: REL_DRAWING, Target: `../drawings/${drawingName}.xml` });

  book.zip.append(drawingXml(at, size), { name: `xl/drawings/${drawingName}.xml` });
  book.zip.append(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_IMAGE}" Target="../media/image${imageId}.png"/></Relationships>`,
  { name: `xl/drawings/_rels/${drawingName}.xml.rels` });

  // <drawing> belongs after headerFooter and rowBreaks in the sheet XML.
  const writeRowBreaks = sheet._writeRowBreaks.bind(sheet);
  sheet._writeRowBreaks = () => {
    writeRowBreaks();
    sheet.stream.write(`<drawing r:id="${rId}"/>`);
  };

  const drawings = ((book as unknown as { __drawings?: { name: string }[] }).__drawings ??= []);
  drawings.push({ name: drawingName });
  book.addContentTypes = () => new Promise((resolve) => {
    const model = {
      worksheets: book._worksheets.filter(Boolean), sharedStrings: book.sharedStrings, commentRefs: book.commentRefs,
      media: book.media, drawings,
    };
    book.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
    resolve();
  });
}

function drawingXml(at: { col: number; row: number }, size: { width: number; height: number }): string {
  const cx = size.width * EMU_PER_PX, cy = size.height * EMU_PER_PX;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
<xdr:ext cx="${cx}" cy="${cy}"/>
<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="统计图"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>
<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>
<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>
<xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
}
