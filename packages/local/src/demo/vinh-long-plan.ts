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
  // The logins below the province sign in at units of the tree after 1/7/2025 (docs/tree-history.md,
  // "The demo's 2025 story"): they exist once `npm start` has told the story.
  identities: [
    { tenant: 'vinh-long', unit: 'vl', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy Vĩnh Long', sub: 'demo-vl-province' },
    { tenant: 'vinh-long', unit: 'vl-dubnd', role: 'bloc_board', name: 'Ban Tổ chức Đảng ủy Ủy ban nhân dân tỉnh Vĩnh Long', sub: 'demo-vl-duk' },
    { tenant: 'vinh-long', unit: 'vl-ptv', role: 'bloc_board', name: 'Văn phòng Đảng ủy phường Trà Vinh', sub: 'demo-vl-ptv' },
    { tenant: 'vinh-long', unit: 'vl-dubnd-syt', role: 'base_committee', name: 'Văn phòng Đảng ủy Sở Y tế tỉnh Vĩnh Long', sub: 'demo-vl-syt' },
    { tenant: 'vinh-long', unit: 'vl-dubnd-sgd', role: 'base_committee', name: 'Văn phòng Đảng ủy Sở Giáo dục và Đào tạo tỉnh Vĩnh Long', sub: 'demo-vl-sgd' },
    { tenant: 'vinh-long', unit: 'vl-dubnd-sgd-vp', role: 'cell_secretary', name: 'Bí thư Chi bộ Văn phòng Sở Giáo dục và Đào tạo', sub: 'demo-vl-sgd-vp' },
    { tenant: 'vinh-long', unit: 'vl-duk-sgd-nbk', role: 'cell_secretary', name: 'Bí thư Chi bộ Trường THPT chuyên Nguyễn Bỉnh Khiêm', sub: 'demo-vl-sgd-nbk' },
  ],
  // Seeded once the 2025 story has built the new tree (`reorganise-2025.ts`), not with the units.
  campaigns: 'live-2026',
  recipients: [
    { unitId: 'vl', emails: ['bantochuc@vinhlong.example.vn'] },
    { unitId: 'vl-dubnd', emails: ['bantochuc.dubnd@vinhlong.example.vn'] },
  ],
};
