import { ratingAbbreviations, type Rating } from '../rating';
import { IMPORTED_LABEL } from '../history/past-result';
import { unitKindLabels, type UnitKind } from '../unit-kind';
import type { ReviewFlag, RewardProposal } from './propose';

/** One year of a member's or an organisation's record, as the list prints it. */
export interface RewardYear {
  year: number;
  rating: Rating | null;
  imported: boolean;
}

export interface RewardListMember {
  memberId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  history: RewardYear[];
  proposals: RewardProposal[];
  flags: ReviewFlag[];
}

export interface RewardListOrganisation {
  unitId: string;
  name: string;
  kind: UnitKind;
  history: RewardYear[];
  proposals: RewardProposal[];
}

/** The rewards list of a unit for a year (for its rating meeting, its dossier, Biểu 2 column 18). */
export interface RewardList {
  year: number;
  unitId: string;
  unitName: string;
  members: RewardListMember[];
  organisations: RewardListOrganisation[];
  /** The rules deciding the list that are this system's readings, each once. */
  interpretations: { ruleId: string; note: string }[];
}

/** A printable list: sections of text rows (the .xlsx and the page show the same). */
export interface RewardDocument {
  title: string;
  subtitle: string;
  sections: { heading: string; headers: string[]; rows: string[][] }[];
  notes: string[];
}

const short = (r: Rating | null) => (r ? ratingAbbreviations[r][0]! : 'Không xếp loại');

/** "2019: HTXSNV* · 2020: HTXSNV · 2021: HTXSNV" — * marks a year imported from earlier records. */
export function historyText(history: readonly RewardYear[]): string {
  return [...history].sort((a, b) => a.year - b.year).map((h) => `${h.year}: ${short(h.rating)}${h.imported ? '*' : ''}`).join(' · ');
}

/**
 * The rewards list as sections to print: members proposed for an award, organisations proposed,
 * members put to the committee for review; notes name the imported years' mark and the readings
 * the list rests on. Pure.
 */
export function rewardDocument(list: RewardList): RewardDocument {
  const proposed = list.members.filter((m) => m.proposals.length > 0);
  const flagged = list.members.filter((m) => m.flags.length > 0);
  const orgs = list.organisations.filter((o) => o.proposals.length > 0);
  return {
    title: `Danh sách đề nghị khen thưởng năm ${list.year}`,
    subtitle: `${list.unitName} — đảng viên và tổ chức đảng Hoàn thành xuất sắc nhiệm vụ trong năm và nhiều năm liền`,
    sections: [
      {
        heading: 'I. Đảng viên',
        headers: ['STT', 'Họ và tên', 'Mã đảng viên', 'Chi bộ', 'Xếp loại các năm', 'Đề nghị khen thưởng'],
        rows: proposed.map((m, i) => [String(i + 1), m.fullName, m.memberId, m.unitName, historyText(m.history), m.proposals.map((p) => p.text).join('\n')]),
      },
      {
        heading: 'II. Tổ chức đảng',
        headers: ['STT', 'Tổ chức đảng', 'Loại hình', 'Xếp loại các năm', 'Đề nghị khen thưởng'],
        rows: orgs.map((o, i) => [String(i + 1), o.name, unitKindLabels[o.kind], historyText(o.history), o.proposals.map((p) => p.text).join('\n')]),
      },
      {
        heading: 'III. Đảng viên đề nghị cấp ủy xem xét',
        headers: ['STT', 'Họ và tên', 'Mã đảng viên', 'Chi bộ', 'Xếp loại các năm', 'Nội dung'],
        rows: flagged.map((m, i) => [String(i + 1), m.fullName, m.memberId, m.unitName, historyText(m.history), m.flags.map((f) => f.text).join('\n')]),
      },
    ],
    notes: [
      `Dấu * sau một năm: kết quả ${IMPORTED_LABEL}.`,
      'Danh sách nêu những trường hợp đủ điều kiện để cấp ủy xem xét, lựa chọn; không phải quyết định khen thưởng.',
      ...list.interpretations.map((i) => `${i.ruleId}: ${i.note}`),
    ],
  };
}
