import { z } from 'zod';

/**
 * Results of years run outside this system, imported by the province from its own files: the final
 * rating of each member and organisation, or why there was none, and the discipline of the year.
 * An imported result is the record of that year as it was decided: no rulebook re-decides it.
 */

/** Why a member had no rating in an imported year (the reasons R-ELIG-01 to R-ELIG-05 name). */
export const pastNotRatedReasons = ['exempt', 'suspended', 'newMember', 'absent'] as const;
export const PastNotRatedReason = z.enum(pastNotRatedReasons);
export type PastNotRatedReason = z.infer<typeof PastNotRatedReason>;

export const pastNotRatedLabels: Record<PastNotRatedReason, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  newMember: 'Mới kết nạp chưa đủ 6 tháng',
  absent: 'Vắng, chưa xếp loại',
};

/** Why an organisation had no rating in an imported year (R-ELIG-04 and the cases Biểu 1 column 5 counts). */
export const pastUnitNotRatedReasons = ['newUnit', 'reorganised', 'other'] as const;
export const PastUnitNotRatedReason = z.enum(pastUnitNotRatedReasons);
export type PastUnitNotRatedReason = z.infer<typeof PastUnitNotRatedReason>;

export const pastUnitNotRatedLabels: Record<PastUnitNotRatedReason, string> = {
  newUnit: 'Mới thành lập chưa đủ 6 tháng',
  reorganised: 'Giải thể, hợp nhất, chia tách',
  other: 'Lý do khác',
};

/** Discipline of a party organisation (Điều lệ Đảng Điều 36: khiển trách, cảnh cáo, giải tán). */
export const orgDisciplines = ['reprimand', 'warning', 'dissolution'] as const;
export const OrgDiscipline = z.enum(orgDisciplines);
export type OrgDiscipline = z.infer<typeof OrgDiscipline>;

export const orgDisciplineLabels: Record<OrgDiscipline, string> = { reprimand: 'Khiển trách', warning: 'Cảnh cáo', dissolution: 'Giải tán' };

export function parseOrgDiscipline(text: string): OrgDiscipline | undefined {
  const t = text.normalize('NFC').trim().toLocaleLowerCase('vi');
  return orgDisciplines.find((d) => orgDisciplineLabels[d].toLocaleLowerCase('vi') === t);
}

/**
 * What an imported member row keeps beside its facts (the rating is `facts.decided`, the
 * discipline `facts.discipline`): why it has no rating, and the name the file gave for a member
 * no longer in the system (`known` false: retired, deceased, moved to another province).
 */
export const ImportedRowMark = z.object({
  notRatedReason: PastNotRatedReason.nullable().default(null),
  fullName: z.string().nullable().default(null),
  known: z.boolean().default(true),
});
export type ImportedRowMark = z.infer<typeof ImportedRowMark>;

/** An organisation's imported own result (its rating is the dossier's `collective.decided`). */
export const ImportedCollective = z.object({
  at: z.string(),
  notRatedReason: PastUnitNotRatedReason.nullable().default(null),
  discipline: OrgDiscipline.nullable().default(null),
});
export type ImportedCollective = z.infer<typeof ImportedCollective>;

/** The marker of imported results on a unit's year, as pages and documents show it. */
export const IMPORTED_LABEL = 'nhập từ số liệu năm trước';
