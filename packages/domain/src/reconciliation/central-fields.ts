import { z } from 'zod';

/**
 * The columns this system reads from an export of the central party-member database (CSDL đảng
 * viên 3.0). The export's exact headers are not public and vary by version and by the report a
 * province prints, so each field is found through a header mapping the province keeps (docs/reconciliation.md).
 */
export const centralFields = ['partyCardNumber', 'fullName', 'birthDate', 'nationalId', 'status', 'admittedOn', 'cellName'] as const;
export const CentralField = z.enum(centralFields);
export type CentralField = z.infer<typeof CentralField>;

export const centralFieldLabels: Record<CentralField, string> = {
  partyCardNumber: 'Số thẻ đảng viên',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  nationalId: 'Số định danh cá nhân (CCCD)',
  status: 'Đảng viên chính thức / dự bị',
  admittedOn: 'Ngày vào Đảng',
  cellName: 'Chi bộ',
};

/** Fields a file must have: without a name and a cell no row can be matched or placed. */
export const requiredCentralFields: ReadonlySet<CentralField> = new Set<CentralField>(['fullName', 'cellName']);

const Header = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' ')).pipe(z.string().min(1).max(200));

/** For each field, the headers that name it in the province's exports (any one of them). */
export const HeaderMapping = z.strictObject(
  Object.fromEntries(centralFields.map((f) => [f, z.array(Header).max(20)])) as Record<CentralField, z.ZodArray<typeof Header>>,
);
export type HeaderMapping = z.infer<typeof HeaderMapping>;

/**
 * The headers this system expects until a province records its own: the wording of the printed
 * lists of the database (Mẫu danh sách đảng viên) as seen in provinces' published lists. A guess
 * to be checked against the province's actual export — hence editable.
 */
export const defaultHeaderMapping: HeaderMapping = {
  partyCardNumber: ['Số thẻ đảng viên', 'Số thẻ Đảng', 'Số thẻ'],
  fullName: ['Họ và tên', 'Họ tên', 'Họ và tên khai sinh'],
  birthDate: ['Ngày sinh', 'Ngày, tháng, năm sinh'],
  nationalId: ['Số định danh cá nhân', 'Số CCCD', 'Số căn cước công dân', 'Số căn cước', 'CCCD'],
  status: ['Loại đảng viên', 'Chính thức/Dự bị', 'Đảng viên chính thức/dự bị', 'Trạng thái'],
  admittedOn: ['Ngày vào Đảng', 'Ngày kết nạp', 'Ngày vào Đảng (kết nạp)'],
  cellName: ['Chi bộ', 'Tên chi bộ', 'Chi bộ sinh hoạt', 'Nơi sinh hoạt'],
};

/** One line of the province's table from the database's cell names to this system's units. */
export const CellMappingEntry = z.object({
  centralName: Header,
  unitId: z.string().min(1).max(100),
});
export type CellMappingEntry = z.infer<typeof CellMappingEntry>;

/** Names compare after NFC, collapsed spaces and case folding. */
export function foldText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}
