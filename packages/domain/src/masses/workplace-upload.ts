import type { z } from 'zod';
import type { ColumnDef } from '../upload/column';
import { matchHeaders } from '../upload/header-match';
import { excerpt, RowErrorList, type RowError } from '../upload/row-error';
import { checkSchema, readRowValues } from '../upload/row-values';
import type { Table } from '../upload/table';
import { WorkplaceBody } from './workplace';

export type WorkplaceColumnKey = 'unitId' | 'unitName' | 'name' | 'permanent' | 'longTerm' | 'shortTerm' | 'productionLine';

const headcount = (key: 'permanent' | 'longTerm' | 'shortTerm' | 'productionLine', header: string, help: string): ColumnDef<WorkplaceColumnKey> => ({
  key, header, required: false, type: 'int', min: 0, max: 1_000_000, width: 16, help,
});

/**
 * The workplaces of a whole base committee in one sheet: one row per unit that declares its own
 * workplace (Kế hoạch 03-KH/ĐUK mục II.2 counts the masses by contract). Empty headcounts are 0.
 */
export const workplaceColumns: readonly ColumnDef<WorkplaceColumnKey>[] = [
  { key: 'unitId', header: 'Mã đơn vị', required: true, type: 'text', maxLength: 100, width: 22, help: 'Mã của chi bộ, đảng bộ trong hệ thống (như trên trang đơn vị).' },
  { key: 'unitName', header: 'Tên đơn vị', required: false, type: 'text', maxLength: 300, width: 36, help: 'Tên chi bộ, đảng bộ: chỉ để dễ đọc, không được ghi.' },
  { key: 'name', header: 'Tên cơ quan, đơn vị, doanh nghiệp', required: true, type: 'text', maxLength: 200, width: 40, help: 'Nơi đảng viên của đơn vị công tác.' },
  headcount('permanent', 'Biên chế', 'Số quần chúng (không phải đảng viên) trong biên chế.'),
  headcount('longTerm', 'Hợp đồng dài hạn', 'Số quần chúng hợp đồng dài hạn.'),
  headcount('shortTerm', 'Hợp đồng ngắn hạn', 'Số quần chúng hợp đồng ngắn hạn (không tính vào số quần chúng).'),
  headcount('productionLine', 'Công nhân theo dây chuyền sản xuất', 'Số công nhân trong bộ phận theo dây chuyền sản xuất (không tính vào số quần chúng).'),
];

export interface WorkplaceRow {
  row: number;
  unitId: string;
  workplace: z.infer<typeof WorkplaceBody>;
}

export interface WorkplaceValidation {
  rows: WorkplaceRow[];
  errors: RowError[];
  errorCount: number;
  total: number;
}

const headerOf = (key: string) => workplaceColumns.find((c) => c.key === key)?.header ?? key;

/**
 * Checks a workplace sheet row by row: each unit once, and only units of the uploading base
 * committee's subtree (`unitIds`). Header problems throw (400); the rest are row errors.
 * @example validateWorkplaceRows(table, { unitIds: new Set(['bc1', 'c1']) })
 */
export function validateWorkplaceRows(table: Table, context: { unitIds: ReadonlySet<string> }): WorkplaceValidation {
  const indexOf = matchHeaders(table.headers, workplaceColumns);
  const errors = new RowErrorList();
  const rows: WorkplaceRow[] = [];
  const seen = new Map<string, number>();
  for (const tableRow of table.rows) {
    const { row } = tableRow;
    const before = errors.count;
    const values = readRowValues(workplaceColumns, indexOf, tableRow, errors);
    const unitId = typeof values.unitId === 'string' ? values.unitId.trim() : undefined;
    if (unitId === undefined) {
      if (errors.count === before) errors.add({ row, column: headerOf('unitId'), code: 'REQUIRED', message: 'Thiếu mã đơn vị.' });
      continue;
    }
    const first = seen.get(unitId);
    if (first !== undefined) {
      errors.add({ row, column: headerOf('unitId'), code: 'DUPLICATE_UNIT', message: `Đơn vị "${excerpt(unitId)}" đã có ở dòng ${first}.` });
      continue;
    }
    seen.set(unitId, row);
    if (!context.unitIds.has(unitId)) {
      errors.add({ row, column: headerOf('unitId'), code: 'UNIT_NOT_IN_SUBTREE', message: `Đơn vị "${excerpt(unitId)}" không thuộc đảng bộ tải tệp lên.` });
      continue;
    }
    if (typeof values.name !== 'string') {
      if (errors.count === before) errors.add({ row, column: headerOf('name'), code: 'REQUIRED', message: 'Thiếu tên cơ quan, đơn vị, doanh nghiệp.' });
      continue;
    }
    const workplace = checkSchema(
      WorkplaceBody,
      { name: values.name, staff: { permanent: values.permanent ?? 0, longTerm: values.longTerm ?? 0, shortTerm: values.shortTerm ?? 0, productionLine: values.productionLine ?? 0 } },
      row,
      headerOf,
      errors,
    );
    if (workplace && errors.count === before) rows.push({ row, unitId, workplace });
  }
  return { rows, errors: errors.listed, errorCount: errors.count, total: table.rows.length };
}
