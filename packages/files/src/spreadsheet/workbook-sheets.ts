/** A sheet as workbook.xml lists it, in tab order, with the zip part that holds it. */
export interface WorkbookSheet {
  name: string;
  /** The part, when the relationship resolves to one present in the zip. */
  path: string | undefined;
  hidden: boolean;
  /** Hidden with `state="veryHidden"`, which Excel's own Unhide does not offer. */
  veryHidden: boolean;
}

interface SheetEntry {
  name?: string;
  rId?: string;
  state?: string;
}
interface Relationship {
  Id: string;
  Target: string;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The workbook's sheets in tab order. `state="hidden"` and `state="veryHidden"` (the latter can
 * only be set from VBA) are sheets the user does not see; Excel shows the first sheet that is
 * neither. A workbook that lists no sheets at all gets its sheet parts in number order instead.
 */
export function workbookSheets(sheets: readonly SheetEntry[] | undefined, rels: readonly Relationship[] | undefined, parts: readonly string[]): WorkbookSheet[] {
  const present = new Set(parts);
  if (sheets && sheets.length > 0) {
    return sheets.map((s, i) => {
      const target = rels?.find((r) => r.Id === s.rId)?.Target;
      const path = target === undefined ? undefined : partOf(target);
      return { name: s.name ?? `Sheet${i + 1}`, path: path && present.has(path) ? path : undefined, hidden: s.state === 'hidden' || s.state === 'veryHidden', veryHidden: s.state === 'veryHidden' };
    });
  }
  return parts
    .filter((p) => SHEET_PART.test(p))
    .sort((a, b) => Number(SHEET_PART.exec(a)?.[1]) - Number(SHEET_PART.exec(b)?.[1]))
    .map((path, i) => ({ name: `Sheet${i + 1}`, path, hidden: false, veryHidden: false }));
}

/** A relationship target (relative to xl/, or absolute from the package root) as a zip part name. */
function partOf(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = ['xl'];
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}
