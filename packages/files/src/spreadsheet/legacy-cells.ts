import type { LegacyEncoding } from './legacy-encoding-name';
import { cleanReading, isRealUnicode, readsAsIs, repairCellText, tcvn3Capitals } from './legacy-detect';

interface Tally {
  converted: Partial<Record<LegacyEncoding, number>>;
  unicode: number;
}
interface Later {
  set: (text: string) => void;
  refuse: (encoding: LegacyEncoding, alternative?: LegacyEncoding) => never;
}

/**
 * The legacy-encoding pass over a table's text cells, column by column (the header row counts
 * as one more column). A cell is converted, refused or kept on its own when it can be
 * (repairCellText). The others are settled at the end by their column, when its other cells
 * were converted from exactly one encoding E:
 * - a cell that reads as TCVN3 and VNI alike takes E, and is refused when no column decides;
 * - a cell that may be legacy without showing it ("Huúnh", "Tè") takes E when E reads it as
 *   Vietnamese and either it does not read as Vietnamese itself or no cell of the column can
 *   only be Unicode.
 * Most cells of a Unicode file hold a character no legacy file could give, and cost nothing here.
 */
export class LegacyCells {
  private readonly tallies = new Map<string, Tally>();
  private readonly undecided: ({ column: string; raw: string; both: boolean } & Later)[] = [];

  /** `tcvn3File`: the whole file was decoded from TCVN3 bytes, so its capitals need restoring. */
  constructor(private readonly tcvn3File = false) {}

  /** The cell's text for now, or `refuse` with the encoding it seems to be in. */
  take(raw: string, column: string, later: Later): { text: string } | { refuse: LegacyEncoding } {
    const text = this.tcvn3File ? tcvn3Capitals(raw) : raw;
    const repair = repairCellText(text);
    if ('refuse' in repair) return repair;
    const tally = this.tally(column);
    if ('undecided' in repair) this.undecided.push({ column, raw: text, both: repair.undecided === 'both', ...later });
    else if (repair.from) tally.converted[repair.from] = (tally.converted[repair.from] ?? 0) + 1;
    else if (isRealUnicode(text)) tally.unicode += 1;
    return { text: repair.text };
  }

  settle(): void {
    for (const cell of this.undecided) {
      const tally = this.tallies.get(cell.column);
      const used = tally ? (Object.keys(tally.converted) as LegacyEncoding[]) : [];
      const encoding = used.length === 1 ? used[0] : undefined;
      const text = encoding && (cell.both || tally?.unicode === 0 || !readsAsIs(cell.raw)) ? cleanReading(cell.raw, encoding) : undefined;
      if (text !== undefined) cell.set(text);
      else if (cell.both) cell.refuse('TCVN3', 'VNI');
    }
  }

  private tally(column: string): Tally {
    let t = this.tallies.get(column);
    if (!t) this.tallies.set(column, (t = { converted: {}, unicode: 0 }));
    return t;
  }
}
