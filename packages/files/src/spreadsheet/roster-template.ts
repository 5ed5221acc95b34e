import { rosterColumns, type RosterMember } from '@kd/domain';
import { writeTemplate } from './template-writer';

/** A member to pre-fill: id and name at least, any other roster field when known. */
export type RosterTemplateMember = Pick<RosterMember, 'id' | 'fullName'> & Partial<Omit<RosterMember, 'id' | 'fullName' | 'unitId'>>;

/**
 * The roster template (docs/spreadsheets.md, "The roster") for one unit, pre-filled with its members.
 *
 * @example
 * const xlsx = await rosterTemplate({ unitName: 'Chi bộ Bệnh viện Phổi', members });
 */
export function rosterTemplate(input: { unitName: string; members: readonly RosterTemplateMember[] }): Promise<Buffer> {
  return writeTemplate({
    sheetName: 'Danh sách đảng viên',
    title: `Danh sách đảng viên — ${input.unitName}`,
    columns: rosterColumns,
    rows: input.members,
  });
}
