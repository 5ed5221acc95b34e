import ExcelJS from 'exceljs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '@kd/data';
import type { Identity } from '@kd/api';
import { XLSX_CONTENT_TYPE } from '@kd/files';
import type { TestApp } from '../support/app';
import { identities } from '../support/fixture';

export { XLSX_CONTENT_TYPE };

/** Every item of the table: a refused upload must leave this number as it was. */
export async function itemCount(store: Store): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(new ScanCommand({ TableName: store.tableName, Select: 'COUNT', ExclusiveStartKey }));
    count += out.Count ?? 0;
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

export const resultsPath = (year: number, unitId: string, dryRun: boolean) => `/api/v1/campaigns/${year}/units/${unitId}/results?dryRun=${dryRun}`;
export const rosterPath = (unitId: string, dryRun: boolean) => `/api/v1/units/${unitId}/roster?dryRun=${dryRun}`;

/** Posts a file as the request body, as the page and other systems do. */
export function postFile(
  t: TestApp,
  path: string,
  body: BodyInit,
  contentType: string,
  as: Identity = identities.cell,
): Promise<Response> {
  return t.request(path, { method: 'POST', body, headers: { 'content-type': contentType }, as, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit & { as: Identity });
}

/** An .xlsx with one sheet: the header row, then the rows. */
export async function xlsxOf(rows: readonly (readonly unknown[])[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  for (const row of rows) ws.addRow([...row]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function csvOf(rows: readonly (readonly string[])[], separator = ','): string {
  return rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator)).join('\r\n') + '\r\n';
}

/** Every cell of every sheet of a workbook that holds a formula. */
export async function formulaCells(bytes: ArrayBuffer | Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const found: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || (cell as { formula?: string }).formula) found.push(`${ws.name}!${cell.address}`);
      }),
    ),
  );
  return found;
}
