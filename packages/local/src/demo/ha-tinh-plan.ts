import { baseCell, baseCommittee, bloc, cell, type TenantPlan } from './demo-plan';

/**
 * A third tenant outside the 2025 merger (Hà Tĩnh kept its borders on 1/7/2025): unit names shared
 * with Trà Vinh and Vĩnh Long, so that neither the merge nor its archive grant is seen to reach it.
 */
export const haTinhPlan: TenantPlan = {
  tenantId: 'ha-tinh',
  name: 'Tỉnh ủy Hà Tĩnh',
  memberIdPrefix: '42',
  khmerShare: 0,
  root: {
    slug: 'ht',
    name: 'Tỉnh ủy Hà Tĩnh',
    kind: 'province',
    sector: null,
    foundedOn: '1992-05-01',
    children: [
      bloc('duk', 'Đảng ủy Khối các cơ quan tỉnh', [
        baseCommittee('syt', 'Đảng ủy Sở Y tế', 'agency', [
          cell('bvdk', 'Chi bộ Bệnh viện Đa khoa tỉnh', 26, 'hospital'),
          cell('vp', 'Chi bộ Văn phòng Sở', 14, 'departmentOffice'),
        ]),
        baseCell('stp', 'Chi bộ Sở Tư pháp', 12, 'departmentOffice'),
      ], '2008-01-02'),
    ],
  },
  identities: [
    { tenant: 'ha-tinh', unit: 'ht', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy Hà Tĩnh', sub: 'demo-ht-province' },
  ],
  recipients: [{ unitId: 'ht', emails: ['bantochuc@hatinh.example.vn'] }],
  campaigns: 'seeds-closed',
};
