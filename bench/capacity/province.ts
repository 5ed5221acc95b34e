/**
 * A generated province for the capacity simulator. Its shape is this simulator's assumption, not a
 * published figure: 5.6 M members in about 52,000 base organisations and 250,000 cells nationwide
 * come to roughly 1,500 base organisations and 7,500 cells of ~22 members for an average province
 * of 165,000 members; since the 2025 reorganisation the base organisations sit under about a hundred
 * committees directly under the province (communes, wards, sector committees) — here "blocs".
 */
import { StoredUnit, campaignItem, memberItem, unitItem } from '@kd/data';
import { Campaign, Member, type Unit } from '@kd/domain';

export interface ProvinceShape {
  blocs: number;
  basesPerBloc: number;
  cellsPerBase: number;
  members: number;
}

/** The average province at real size (165,000 members); `KD_CAPACITY_MEMBERS` scales the tree with it. */
export function shapeFor(members: number): ProvinceShape {
  const cells = Math.max(4, Math.round(members / 22));
  const cellsPerBase = 5;
  const basesPerBloc = 15;
  const blocs = Math.max(1, Math.round(cells / (cellsPerBase * basesPerBloc)));
  return { blocs, basesPerBloc, cellsPerBase, members };
}

export interface Province {
  units: StoredUnit[];
  cells: StoredUnit[];
  members: Member[];
  membersOf: Map<string, Member[]>;
  parentOf: Map<string, string | null>;
  /** Every base committee above each cell (the cell's appraiser under the default plan). */
  baseOf: Map<string, string>;
}

export function generateProvince(shape: ProvinceShape): Province {
  const u = (id: string, kind: Unit['kind'], path: string[]): StoredUnit =>
    StoredUnit.parse({ id, name: `Đơn vị ${id}`, kind, parentId: path.length > 1 ? path[path.length - 2]! : null, path, foundedOn: '2000-01-01', sector: null, version: 1 });
  const units: StoredUnit[] = [u('p', 'province', ['p'])];
  const cells: StoredUnit[] = [];
  const baseOf = new Map<string, string>();
  for (let b = 0; b < shape.blocs; b++) {
    const bloc = u(`b${b}`, 'bloc', ['p', `b${b}`]);
    units.push(bloc);
    for (let c = 0; c < shape.basesPerBloc; c++) {
      const base = u(`b${b}-o${c}`, 'baseCommittee', [...bloc.path, `b${b}-o${c}`]);
      units.push(base);
      for (let k = 0; k < shape.cellsPerBase; k++) {
        const cell = u(`${base.id}-c${k}`, 'cell', [...base.path, `${base.id}-c${k}`]);
        units.push(cell);
        cells.push(cell);
        baseOf.set(cell.id, base.id);
      }
    }
  }
  const members: Member[] = [];
  const membersOf = new Map<string, Member[]>();
  for (let i = 0; i < shape.members; i++) {
    const cell = cells[i % cells.length]!;
    const m = Member.parse({ id: `M${String(i).padStart(7, '0')}`, unitId: cell.id, fullName: `Nguyễn Văn Thử ${i}`, admittedOn: '2010-01-01', officialOn: '2011-01-01' });
    members.push(m);
    membersOf.set(cell.id, [...(membersOf.get(cell.id) ?? []), m]);
  }
  const count = new Map<string, number>();
  for (const m of members) count.set(m.unitId, (count.get(m.unitId) ?? 0) + 1);
  const withCounts = units.map((x) => ({ ...x, memberCount: count.get(x.id) ?? 0 }) as StoredUnit);
  return { units: withCounts, cells, members, membersOf, parentOf: new Map(units.map((x) => [x.id, x.parentId ?? null])), baseOf };
}

export function provinceItems(tenant: string, campaign: Campaign, p: Province): Record<string, unknown>[] {
  return [campaignItem(tenant, campaign), ...p.units.map((x) => unitItem(tenant, x)), ...p.members.map((m) => memberItem(tenant, m))];
}

const ratings = ['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'] as const;

/** The cell's results file as a secretary fills it (CSV, docs/spreadsheets.md): ~10 % excellent, ~10 % complete. */
export function resultsCsv(members: readonly Member[], edit: number): { csv: string; excellent: number } {
  const lines = ['Mã đảng viên,Họ và tên,Số kỳ vắng sinh hoạt,Số ngày nghỉ ốm,Tự xếp loại,Tổ đảng đề xuất,Chi bộ xếp loại,Ghi chú'];
  let excellent = 0;
  members.forEach((m, i) => {
    const r = (i + edit) % 10 === 0 ? ratings[2] : (i + edit) % 10 === 5 ? ratings[1] : ratings[0];
    if (r === ratings[2]) excellent++;
    lines.push([m.id, m.fullName, 0, 0, r, r, r, edit > 0 ? `Sửa lần ${edit}` : ''].join(','));
  });
  return { csv: `${lines.join('\n')}\n`, excellent };
}
