import { disciplineLabels, disciplines, parseDiscipline } from '../discipline';
import type { ColumnDef } from '../upload/column';
import {
  orgDisciplineLabels, orgDisciplines, parseOrgDiscipline, pastNotRatedLabels, pastNotRatedReasons, pastUnitNotRatedLabels, pastUnitNotRatedReasons,
  type PastNotRatedReason, type PastUnitNotRatedReason,
} from './past-result';

const byLabel = <T extends string>(labels: Record<T, string>) => (text: string): T | undefined => {
  const t = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return (Object.keys(labels) as T[]).find((k) => labels[k].toLocaleLowerCase('vi') === t);
};

/** Field keys of a row of past members' results (docs/spreadsheets.md, "Results of earlier years"). */
export type PastMemberKey = 'memberId' | 'partyCardNumber' | 'fullName' | 'unit' | 'rating' | 'notRatedReason' | 'discipline';

const unitColumn = {
  key: 'unit', header: 'Đơn vị', aliases: ['Mã đơn vị', 'Tên đơn vị'], required: true, type: 'text', maxLength: 200, width: 34,
} as const;

/** The columns of a file of past members' results, in template order. */
export const pastMemberColumns: readonly ColumnDef<PastMemberKey>[] = [
  { key: 'memberId', header: 'Mã đảng viên', required: false, type: 'text', maxLength: 40, width: 18,
    help: 'Mã đảng viên trong hệ thống; có thể để trống nếu ghi số thẻ đảng viên. Không trùng nhau trong tệp.' },
  { key: 'partyCardNumber', header: 'Số thẻ đảng viên', aliases: ['Số thẻ Đảng'], required: false, type: 'text', maxLength: 40, width: 18,
    help: 'Số thẻ đảng viên; dùng để tìm đảng viên khi không ghi mã đảng viên.' },
  { key: 'fullName', header: 'Họ và tên', required: false, type: 'text', maxLength: 120, width: 28,
    help: 'Nếu ghi, phải khớp với họ tên trong hệ thống; bắt buộc với đảng viên không còn trong hệ thống (đã chuyển đi, từ trần …).' },
  { ...unitColumn, help: 'Mã hoặc tên chi bộ nơi đảng viên sinh hoạt trong năm đó (đơn vị đã giải thể vẫn ghi được).' },
  { key: 'rating', header: 'Xếp loại', aliases: ['Kết quả xếp loại', 'Xếp loại chất lượng'], required: false, type: 'rating', width: 28,
    help: 'Kết quả xếp loại cuối cùng của năm; để trống nếu không xếp loại và ghi lý do ở cột sau.' },
  { key: 'notRatedReason', header: 'Lý do không xếp loại', required: false, type: 'enum', width: 26,
    options: pastNotRatedReasons.map((r: PastNotRatedReason) => ({ value: r, label: pastNotRatedLabels[r] })),
    parse: byLabel(pastNotRatedLabels),
    help: 'Chỉ ghi khi đảng viên không được xếp loại năm đó.' },
  { key: 'discipline', header: 'Hình thức kỷ luật trong năm', aliases: ['Hình thức kỉ luật trong năm'], required: false, type: 'enum', width: 18,
    options: disciplines.map((d) => ({ value: d, label: disciplineLabels[d] })),
    parse: parseDiscipline,
    help: 'Hình thức kỷ luật bị thi hành trong năm đó; để trống nếu không bị kỷ luật.' },
];

/** Field keys of a row of past organisations' results. */
export type PastUnitKey = 'unit' | 'rating' | 'notRatedReason' | 'discipline';

/** The columns of a file of past organisations' results, in template order. */
export const pastUnitColumns: readonly ColumnDef<PastUnitKey>[] = [
  { ...unitColumn, help: 'Mã hoặc tên tổ chức đảng được xếp loại năm đó (đơn vị đã giải thể vẫn ghi được). Không trùng nhau trong tệp.' },
  { key: 'rating', header: 'Xếp loại', aliases: ['Kết quả xếp loại', 'Xếp loại chất lượng'], required: false, type: 'rating', width: 28,
    help: 'Kết quả xếp loại cuối cùng của tổ chức đảng năm đó; để trống nếu không xếp loại và ghi lý do ở cột sau.' },
  { key: 'notRatedReason', header: 'Lý do không xếp loại', required: false, type: 'enum', width: 26,
    options: pastUnitNotRatedReasons.map((r: PastUnitNotRatedReason) => ({ value: r, label: pastUnitNotRatedLabels[r] })),
    parse: byLabel(pastUnitNotRatedLabels),
    help: 'Chỉ ghi khi tổ chức đảng không được xếp loại năm đó.' },
  { key: 'discipline', header: 'Hình thức kỷ luật tổ chức đảng', aliases: ['Hình thức kỉ luật tổ chức đảng'], required: false, type: 'enum', width: 18,
    options: orgDisciplines.map((d) => ({ value: d, label: orgDisciplineLabels[d] })),
    parse: parseOrgDiscipline,
    help: 'Hình thức kỷ luật tổ chức đảng bị thi hành trong năm đó; để trống nếu không có.' },
];
