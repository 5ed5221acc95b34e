import { resultsColumns, type ColumnDef, type MemberFacts, type ResultsKey } from '@kd/domain';
import { writeTemplate } from './template-writer';

/**
 * The results template (docs/spreadsheets.md, "The results") for one unit and year: one row per member, with the
 * facts already recorded when `existing` has them, in the columns of the year's rulebook.
 *
 * @example
 * const xlsx = await resultsTemplate({ unitName: 'Chi bộ Bệnh viện Phổi', year: 2021, members, existing });
 */
export function resultsTemplate(input: {
  unitName: string;
  year: number;
  members: readonly { id: string; fullName: string }[];
  existing?: ReadonlyMap<string, MemberFacts>;
  /** The columns of the year's rulebook (`resultsColumnsFor(rulebook).template`); the earlier results file's by default. */
  columns?: readonly ColumnDef<ResultsKey>[];
}): Promise<Buffer> {
  return writeTemplate({
    sheetName: `Kết quả ${input.year}`,
    title: `Kết quả kiểm điểm, xếp loại đảng viên năm ${input.year} — ${input.unitName}`,
    columns: input.columns ?? resultsColumns,
    rows: input.members.map((m) => ({ ...input.existing?.get(m.id), memberId: m.id, fullName: m.fullName })),
  });
}
