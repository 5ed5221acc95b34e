import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultHeaderMapping, readCentralRows, reconcile, type OurMember, type Table } from '@kd/domain';

const hash = (digits: string) => createHmac('sha256', 'k').update(digits).digest('base64url');
const table = (headers: string[], rows: (string | number | null)[][]): Table => ({ headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
const ours = (o: Partial<OurMember> & Pick<OurMember, 'memberId'>): OurMember => ({
  unitId: 'c1', fullName: 'Nguyễn Văn An', birthDate: '1980-01-02', admittedOn: '2010-05-19', status: 'official', partyCardNumber: null, nationalIdHash: null, nationalIdLast4: null, ...o,
});

describe('the central database’s export', () => {
  it('is read through the mapping; other columns are ignored; the national id is hashed and shortened, never repeated', () => {
    const t = table(['STT', 'Họ tên', 'Số thẻ Đảng', 'Ngày sinh', 'Số CCCD', 'Loại đảng viên', 'Ngày kết nạp', 'Tên chi bộ', 'Quê quán'], [
      [1, 'Nguyễn Văn An', '84 012345', '02/01/1980', '001080012345', 'Chính thức', '19/05/2010', 'Chi bộ Phổi', 'Trà Vinh'],
      [2, 'Lê Văn Bé', null, null, 1080099999, 'Dự bị', null, 'Chi bộ Phổi', null],
      [3, 'Trần Thị Sai', null, null, '0010800123', 'Dự bị', null, 'Chi bộ Phổi', null],
    ]);
    const v = readCentralRows(t, defaultHeaderMapping, hash);
    expect(v.records[0]).toEqual({
      row: 2, partyCardNumber: '84012345', fullName: 'Nguyễn Văn An', birthDate: '1980-01-02', nationalIdHash: hash('001080012345'), nationalIdLast4: '2345',
      status: 'official', admittedOn: '2010-05-19', cellName: 'Chi bộ Phổi',
    });
    expect(v.records[1]).toMatchObject({ nationalIdHash: hash('001080099999'), nationalIdLast4: '9999', status: 'probationary' });
    expect(v.errors).toEqual([expect.objectContaining({ row: 4, code: 'INVALID_NATIONAL_ID' })]);
    expect(JSON.stringify(v)).not.toContain('0010800123');
    expect(JSON.stringify(v)).not.toContain('001080012345');
  });

  it('matches by card, then national id, then name and birth date (folded), compares the cell through the mapping only', () => {
    const central = readCentralRows(
      table(['Số thẻ đảng viên', 'Họ và tên', 'Ngày sinh', 'Số định danh cá nhân', 'Loại đảng viên', 'Ngày vào Đảng', 'Chi bộ'], [
        ['C1', 'Nguyễn Văn An', '02/01/1980', null, 'Chính thức', '19/05/2010', 'Chi bộ Một'],
        [null, 'Trần  Thị Bình', '03/03/1985', '001085000001', 'Dự bị', '19/05/2010', 'Chi bộ Hai'],
        [null, 'LÊ VĂN CƯỜNG', '04/04/1990', null, 'Chính thức', '01/01/2015', 'Chi bộ Lạ'],
        [null, 'Phạm Văn Dũng', '05/05/1970', null, 'Chính thức', '01/01/2000', 'Chi bộ Một'],
        [null, 'Hai Người', '06/06/1966', null, 'Chính thức', '01/01/2000', 'Chi bộ Một'],
        ['Z9', 'Ngoài Phạm Vi', null, null, 'Chính thức', null, 'Chi bộ Ngoài'],
      ]),
      defaultHeaderMapping,
      hash,
    );
    const result = reconcile({
      ours: [
        ours({ memberId: 'C1' }),
        ours({ memberId: 'M2', fullName: 'Trần Thị Bình', birthDate: '1985-03-03', status: 'official', nationalIdHash: hash('001085000001'), nationalIdLast4: '0001', unitId: 'c1' }),
        ours({ memberId: 'M3', fullName: 'Lê Văn Cường', birthDate: '1990-04-04', admittedOn: '2015-01-01' }),
        ours({ memberId: 'M4', fullName: 'Võ Thị Một', birthDate: null }),
        ours({ memberId: 'M5', fullName: 'Hai Người', birthDate: '1966-06-06' }),
        ours({ memberId: 'M6', fullName: 'Hai Người', birthDate: '1966-06-06' }),
      ],
      central: central.records,
      fields: central.fields,
      cellMapping: new Map([['chi bộ một', 'c1'], ['chi bộ hai', 'c2'], ['chi bộ ngoài', 'x9']]),
      inScope: (id) => id !== 'x9',
    });
    expect(result.matched).toEqual({ card: 1, nationalId: 1, nameBirth: 1 });
    expect(result.same).toBe(2); // C1 by card; Lê Văn Cường by name and birth date (its cell unmapped: not compared)
    expect(result.outsideScope).toBe(1);
    expect(result.unmappedCells).toEqual([{ name: 'Chi bộ Lạ', rows: 1 }]);
    const kinds = result.entries.map((e) => [e.kind, e.kind === 'onlyThere' ? e.central.fullName : e.member.memberId]);
    expect(kinds).toEqual([['differs', 'M2'], ['onlyThere', 'Phạm Văn Dũng'], ['onlyThere', 'Hai Người'], ['onlyHere', 'M4'], ['onlyHere', 'M5'], ['onlyHere', 'M6']]);
    const m2 = result.entries[0]!;
    expect(m2.kind === 'differs' && m2.differences).toEqual([
      { field: 'cell', ours: 'c1', central: 'c2' },
      { field: 'status', ours: 'official', central: 'probationary' },
    ]);
    expect(result.entries[2]!.kind === 'onlyThere' && result.entries[2]!.note).toMatch(/2 đảng viên cùng họ tên và ngày sinh/);
  });
});
