import { centralFieldLabels, differenceLabels, formatVietnameseDate, maskedNationalId, memberStatusLabels, type Caller, type Difference, type LocalDate } from '@kd/domain';
import { listRunEntries, listAllUnits, type RunEntry } from '@kd/data';
import type { SectionsDocument } from '@kd/files';
import { filesModule } from '../files-module';
import type { ServiceDeps } from '../deps';
import { runOf } from './run';

const isDate = (v: string | null): v is LocalDate => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

function shown(d: Difference, side: 'ours' | 'central', unitNames: ReadonlyMap<string, string>): string {
  const v = d[side];
  if (v === null) return '(trống)';
  if (d.field === 'cell') return unitNames.get(v) ?? v;
  if (d.field === 'status') return memberStatusLabels[v as 'official' | 'probationary'] ?? v;
  if (d.field === 'nationalId') return maskedNationalId(v);
  return isDate(v) ? formatVietnameseDate(v) : v;
}

/**
 * The corrections to send up to the central database where ours is right (entries decided `ours`):
 * one line per field to correct, and members the database lacks. National ids appear by their last
 * four digits only.
 */
export async function correctionsFile(deps: ServiceDeps, caller: Caller, unitId: string, runId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const { unit, summary } = await runOf(deps, caller, unitId, runId);
  const [entries, units] = await Promise.all([listRunEntries(deps.store, caller.tenant, runId), listAllUnits(deps.store, caller.tenant)]);
  const names = new Map(units.map((u) => [u.id, u.name] as const));
  const ours = entries.filter((e: RunEntry) => e.decision === 'ours');
  const rows: string[][] = [];
  for (const e of ours) {
    const card = e.central?.partyCardNumber ?? e.ours?.partyCardNumber ?? e.ours?.memberId ?? '';
    const name = e.central?.fullName ?? e.ours?.fullName ?? '';
    const cell = e.central?.cellName ?? (e.ours ? (names.get(e.ours.unitId) ?? e.ours.unitId) : '');
    if (e.kind === 'onlyHere') {
      rows.push([String(rows.length + 1), card, name, cell, 'Bổ sung đảng viên vào CSDL', '', `${e.ours!.fullName}; ${e.ours!.birthDate ? formatVietnameseDate(e.ours!.birthDate) : ''}; vào Đảng ${formatVietnameseDate(e.ours!.admittedOn)}`]);
      continue;
    }
    for (const d of e.differences) rows.push([String(rows.length + 1), card, name, cell, differenceLabels[d.field], shown(d, 'central', names), shown(d, 'ours', names)]);
  }
  const doc: SectionsDocument = {
    title: 'Danh sách đề nghị điều chỉnh Cơ sở dữ liệu đảng viên',
    subtitle: `${unit.name} — theo kết quả đối chiếu ngày ${formatVietnameseDate(summary.at.slice(0, 10) as LocalDate)}`,
    sections: [{ heading: 'Các nội dung cần điều chỉnh', headers: ['STT', centralFieldLabels.partyCardNumber, 'Họ và tên (trong CSDL)', 'Chi bộ (trong CSDL)', 'Nội dung', 'Đang ghi trong CSDL', 'Đề nghị sửa thành (theo hồ sơ của tỉnh)'], rows }],
    notes: ['Số định danh cá nhân chỉ ghi 4 chữ số cuối; số đầy đủ đối chiếu trên hồ sơ gốc.'],
  };
  return { bytes: await (await filesModule()).sectionsXlsx(doc, deps.clock(), 'Đề nghị điều chỉnh'), fileName: `dieu-chinh-csdl-dang-vien-${runId.slice(0, 8)}.xlsx` };
}
