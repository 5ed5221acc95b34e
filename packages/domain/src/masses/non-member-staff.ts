import { z } from 'zod';

/**
 * How the non-party staff of a workplace are employed (Kế hoạch 03-KH/ĐUK mục II.2). Only some of
 * them are counted as the masses before whom members criticise themselves; which ones is a
 * parameter of the tenant's masses settings (`countedContracts`).
 */
export const contractKinds = ['permanent', 'longTerm', 'shortTerm', 'productionLine'] as const;
export const ContractKind = z.enum(contractKinds);
export type ContractKind = z.infer<typeof ContractKind>;

export const contractKindLabels: Record<ContractKind, string> = {
  permanent: 'Biên chế',
  longTerm: 'Hợp đồng dài hạn',
  shortTerm: 'Hợp đồng ngắn hạn',
  productionLine: 'Công nhân trong bộ phận theo dây chuyền sản xuất',
};

const Headcount = z.number({ error: 'Số người phải là số nguyên không âm' }).int('Số người phải là số nguyên').min(0, 'Số người không được âm').max(1_000_000, 'Số người quá lớn');

/** Non-party staff by contract; a kind left out counts as nobody. */
export const StaffByContract = z.strictObject({
  permanent: Headcount.default(0),
  longTerm: Headcount.default(0),
  shortTerm: Headcount.default(0),
  productionLine: Headcount.default(0),
});
export type StaffByContract = z.infer<typeof StaffByContract>;

/** The counted masses: the staff on the contracts the settings count (R-MASS-03). */
export function countedMasses(staff: StaffByContract, counted: readonly ContractKind[]): number {
  return [...new Set(counted)].reduce((sum, kind) => sum + staff[kind], 0);
}
