import { baseCommittee, bloc, cell, type TenantPlan } from './demo-plan';

/**
 * A second, small tenant: same names as Trà Vinh in places, so tenant isolation can be seen. It is
 * the successor of the 2025 merger: Trà Vinh's units and members join it as of 1/7/2025.
 */
export const vinhLongPlan: TenantPlan = {
  tenantId: 'vinh-long',
  name: 'Tỉnh ủy Vĩnh Long',
  memberIdPrefix: '86',
  khmerShare: 0.03,
  root: {
    slug: 'vl',
    name: 'Tỉnh ủy Vĩnh Long',
    kind: 'province',
    sector: null,
    foundedOn: '1992-05-01',
    children: [
      bloc('duk', 'Đảng ủy Khối các cơ quan tỉnh', [
        baseCommittee('syt', 'Đảng ủy Sở Y tế', 'agency', [
          cell('bvdk', 'Chi bộ Bệnh viện Đa khoa tỉnh', 30, 'hospital'),
          cell('vp', 'Chi bộ Văn phòng Sở', 22, 'departmentOffice'),
        ]),
        baseCommittee('sgd', 'Đảng ủy Sở Giáo dục và Đào tạo', 'agency', [
          cell('vp', 'Chi bộ Văn phòng Sở', 16, 'departmentOffice'),
          cell('nbk', 'Chi bộ Trường THPT chuyên Nguyễn Bỉnh Khiêm', 32, 'school'),
        ]),
      ], '2008-01-02'),
    ],
  },
  identities: [
    { tenant: 'vinh-long', unit: 'vl', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy Vĩnh Long', sub: 'demo-vl-province' },
    { tenant: 'vinh-long', unit: 'vl-duk-syt', role: 'base_committee', name: 'Văn phòng Đảng ủy Sở Y tế Vĩnh Long', sub: 'demo-vl-syt' },
    // Units of the tree after 1/7/2025 (docs/tree-history.md, "The demo's 2025 story").
    { tenant: 'vinh-long', unit: 'vl-ptv', role: 'bloc_board', name: 'Văn phòng Đảng ủy phường Trà Vinh', sub: 'demo-vl-ptv' },
    { tenant: 'vinh-long', unit: 'vl-dubnd-syt', role: 'base_committee', name: 'Văn phòng Đảng ủy Sở Y tế tỉnh Vĩnh Long (mới)', sub: 'demo-vl-syt-2025' },
  ],
  recipients: [
    { unitId: 'vl', emails: ['bantochuc@vinhlong.example.vn'] },
    { unitId: 'vl-duk', emails: ['bantochuc.dangkhoi@vinhlong.example.vn'] },
  ],
};
