import { buildZip, deflatedEntry, patternEntry, repeatedEntry, workbookParts } from './zip-builder';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const SST = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>`;
export const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>`;
const smallSheet = deflatedEntry(
  'xl/worksheets/sheet1.xml',
  `${SHEET}<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>`,
);
/** 30,000 two-byte characters: a long cell Excel accepts. */
const longCell = 'Ễ'.repeat(30_000);

/**
 * Small .xlsx files (under 250 KB) that inflate to about 60 MB of XML, each aimed at one place
 * where a reader could keep what it reads: the code each is refused with, and the files.
 */
export const hostileXlsx = {
  /** The case: one 60 MB shared string, in 63 KB. */
  sharedString60MB: { code: 'CELL_TOO_LONG', build: () => buildZip([...workbookParts(), smallSheet, repeatedEntry('xl/sharedStrings.xml', `${SST}<si><t>`, 0x41, 60, '</t></si><si><t>x</t></si></sst>')]) },
  /** Two thousand shared strings of 30,000 characters: each is a legal cell. */
  manyLongSharedStrings: { code: 'TOO_MUCH_TEXT', build: () => buildZip([...workbookParts(), smallSheet, patternEntry('xl/sharedStrings.xml', SST, `<si><t>${longCell}</t></si>`, 60, '</sst>')]) },
  /** Three million two-letter shared strings. */
  millionsOfSharedStrings: { code: 'TOO_MUCH_TEXT', build: () => buildZip([...workbookParts(), smallSheet, patternEntry('xl/sharedStrings.xml', SST, '<si><t>ab</t></si>', 60, '</sst>')]) },
  /** One shared string made of millions of rich-text runs. */
  richTextRuns: { code: 'CELL_TOO_LONG', build: () => buildZip([...workbookParts(), smallSheet, patternEntry('xl/sharedStrings.xml', `${SST}<si>`, '<r><rPr><b/></rPr><t>ab</t></r>', 60, '</si></sst>')]) },
  /** Rows of 30,000-character inline strings. */
  longInlineCells: {
    code: 'TOO_MUCH_TEXT',
    build: () => buildZip([...workbookParts(), patternEntry('xl/worksheets/sheet1.xml', `${SHEET}<sheetData>`, `<row r="2"><c r="A2" t="inlineStr"><is><t>${longCell}</t></is></c></row>`, 60, '</sheetData></worksheet>')]),
  },
  /** One row of 60 MB. */
  oneHugeRow: {
    code: 'ROW_TOO_LARGE',
    build: () => buildZip([...workbookParts(), patternEntry('xl/worksheets/sheet1.xml', `${SHEET}<sheetData><row r="1">`, `<c r="A1" t="inlineStr"><is><t>${'x'.repeat(100)}</t></is></c>`, 60, '</row></sheetData></worksheet>')]),
  },
  /** Two million column declarations. */
  columnDeclarations: { code: 'FILE_UNREADABLE', build: () => buildZip([...workbookParts(), patternEntry('xl/worksheets/sheet1.xml', `${SHEET}<cols>`, '<col min="1" max="1" width="9"/>', 60, '</cols><sheetData/></worksheet>')]) },
} as const;

export type HostileXlsx = keyof typeof hostileXlsx;
