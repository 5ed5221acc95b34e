import { baseCell, baseCommittee, bloc, cell, subCommittee, type TenantPlan, type UnitPlan } from './demo-plan';

/** The cell the 2021 plan (KH Chi bộ Bệnh viện Phổi 2021) belongs to, with its three tổ đảng and its secretary. */
const phoiHospital = cell('bvp', 'Chi bộ Bệnh viện Phổi', 25, 'hospital', {
  secretary: { fullName: 'Lê Hồng Vũ', gender: 'male' },
  newMembers: 2,
  probationary: 1,
  transfersIn: ['2021-03-15'],
  temporaryAttachmentAt: 'Chi bộ Học viên lớp Cao cấp lý luận chính trị, Học viện Chính trị khu vực IV',
  groups: [
    {
      name: 'Tổ đảng Khoa Nội',
      seniors: ['Trưởng khoa Nội', 'Phó Trưởng khoa Nội', 'Điều dưỡng trưởng khoa Nội'],
      staff: ['Bác sĩ', 'Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Điều dưỡng', 'Dược sĩ'],
    },
    {
      name: 'Tổ đảng Khoa Ngoại – Cận lâm sàng',
      seniors: ['Trưởng khoa Ngoại', 'Trưởng khoa Cận lâm sàng'],
      staff: ['Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Kỹ thuật viên xét nghiệm', 'Kỹ thuật viên X-quang'],
    },
    {
      name: 'Tổ đảng Hành chính',
      seniors: ['Trưởng phòng Tổ chức – Hành chính', 'Trưởng phòng Kế hoạch – Tổng hợp'],
      staff: ['Chuyên viên', 'Kế toán', 'Kế toán', 'Cán sự', 'Nhân viên công nghệ thông tin', 'Lái xe'],
    },
  ],
});

const health = baseCommittee('syt', 'Đảng ủy Sở Y tế', 'agency', [
  phoiHospital,
  cell('bvdk', 'Chi bộ Bệnh viện Đa khoa tỉnh', 58, 'hospital', {
    transfersIn: ['2021-08-02'],
    groups: [
      { name: 'Tổ đảng Khối Nội' },
      { name: 'Tổ đảng Khối Ngoại' },
      { name: 'Tổ đảng Cận lâm sàng' },
      { name: 'Tổ đảng Hành chính – Hậu cần', staff: ['Chuyên viên', 'Kế toán', 'Kỹ sư', 'Cán sự', 'Lái xe'] },
    ],
  }),
  cell('cdc', 'Chi bộ Trung tâm Kiểm soát bệnh tật', 32, 'healthCentre'),
  cell('vp', 'Chi bộ Văn phòng Sở', 21, 'departmentOffice'),
  cell('bvsn', 'Chi bộ Bệnh viện Sản – Nhi', 36, 'hospital'),
  cell('yhct', 'Chi bộ Bệnh viện Y dược cổ truyền', 19, 'hospital'),
  cell('bvtt', 'Chi bộ Bệnh viện Tâm thần', 14, 'hospital'),
  cell('kn', 'Chi bộ Trung tâm Kiểm nghiệm', 10, 'healthCentre'),
  cell('attp', 'Chi bộ Chi cục An toàn vệ sinh thực phẩm', 12, 'subDepartment'),
  cell('ds', 'Chi bộ Chi cục Dân số – Kế hoạch hóa gia đình', 11, 'subDepartment'),
]);

const education = baseCommittee('sgd', 'Đảng ủy Sở Giáo dục và Đào tạo', 'agency', [
  cell('vp', 'Chi bộ Văn phòng Sở', 34, 'departmentOffice', { transfersIn: ['2021-01-11'] }),
  cell('thptc', 'Chi bộ Trường THPT chuyên Trà Vinh', 28, 'school'),
  cell('ptb', 'Chi bộ Trường THPT Phạm Thái Bường', 31, 'school'),
  cell('thpttp', 'Chi bộ Trường THPT Thành phố Trà Vinh', 26, 'school'),
  cell('dtnt', 'Chi bộ Trường Phổ thông Dân tộc nội trú tỉnh', 24, 'school'),
  cell('nd', 'Chi bộ Trường THPT Nguyễn Đáng', 22, 'school'),
  cell('gdtx', 'Chi bộ Trung tâm Giáo dục thường xuyên tỉnh', 13, 'school', { head: 'Giám đốc', deputy: 'Phó Giám đốc' }),
]);

const finance = baseCommittee('stc', 'Đảng ủy Sở Tài chính', 'agency', [
  cell('vp', 'Chi bộ Văn phòng – Thanh tra Sở', 12, 'departmentOffice'),
  cell('ns', 'Chi bộ Phòng Quản lý ngân sách', 11, 'bureau', { suspended: 1 }),
  cell('dt', 'Chi bộ Phòng Tài chính đầu tư', 10, 'bureau'),
  cell('gcs', 'Chi bộ Phòng Quản lý giá và công sản', 10, 'bureau'),
]);

const power = baseCommittee('pc', 'Đảng ủy Công ty Điện lực Trà Vinh', 'enterprise', [
  cell('vp', 'Chi bộ Văn phòng Công ty', 22, 'powerCompany'),
  cell('kt', 'Chi bộ Phòng Kỹ thuật – An toàn', 15, 'powerCompany', { head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng' }),
  cell('tp', 'Chi bộ Điện lực Thành phố Trà Vinh', 27, 'powerCompany', { suspended: 1 }),
  cell('cl', 'Chi bộ Điện lực Càng Long', 18, 'powerCompany'),
  cell('ck', 'Chi bộ Điện lực Cầu Kè', 14, 'powerCompany'),
  cell('tc', 'Chi bộ Điện lực Tiểu Cần', 15, 'powerCompany'),
  cell('tcu', 'Chi bộ Điện lực Trà Cú', 16, 'powerCompany'),
  cell('dh', 'Chi bộ Điện lực Duyên Hải', 13, 'powerCompany'),
  cell('ct', 'Chi bộ Điện lực Châu Thành', 15, 'powerCompany'),
  cell('cca', 'Chi bộ Đội Quản lý vận hành lưới điện cao thế', 12, 'powerCompany', { head: 'Đội trưởng', deputy: 'Đội phó' }),
]);

const agriculture = baseCommittee('snn', 'Đảng ủy Sở Nông nghiệp và Phát triển nông thôn', 'agency', [
  cell('vp', 'Chi bộ Văn phòng Sở', 24, 'departmentOffice', { transfersIn: ['2021-05-04'] }),
  cell('ts', 'Chi bộ Chi cục Thủy sản', 16, 'subDepartment'),
  cell('kl', 'Chi bộ Chi cục Kiểm lâm', 18, 'subDepartment', { staff: ['Kiểm lâm viên', 'Kiểm lâm viên', 'Chuyên viên', 'Kế toán'] }),
  cell('ttbv', 'Chi bộ Chi cục Trồng trọt và Bảo vệ thực vật', 20, 'subDepartment'),
  cell('cntv', 'Chi bộ Chi cục Chăn nuôi và Thú y', 19, 'subDepartment'),
  cell('tl', 'Chi bộ Chi cục Thủy lợi', 14, 'subDepartment'),
  cell('ptnt', 'Chi bộ Chi cục Phát triển nông thôn', 12, 'subDepartment'),
  cell('kn', 'Chi bộ Trung tâm Khuyến nông', 13, 'centre'),
  cell('nsh', 'Chi bộ Trung tâm Nước sạch và Vệ sinh môi trường nông thôn', 17, 'centre'),
]);

const university = baseCommittee('dhtv', 'Đảng ủy Trường Đại học Trà Vinh', 'publicService', [
  subCommittee('yd', 'Đảng bộ bộ phận Trường Y – Dược', 'publicService', [
    cell('yk', 'Chi bộ Bộ môn Y khoa', 22, 'university', { head: 'Trưởng bộ môn', deputy: 'Phó Trưởng bộ môn' }),
    cell('duoc', 'Chi bộ Bộ môn Dược', 16, 'university', { head: 'Trưởng bộ môn', deputy: 'Phó Trưởng bộ môn' }),
    cell('dd', 'Chi bộ Bộ môn Điều dưỡng – Kỹ thuật y học', 18, 'university', { head: 'Trưởng bộ môn', deputy: 'Phó Trưởng bộ môn' }),
  ]),
  subCommittee('ktl', 'Đảng bộ bộ phận Trường Kinh tế, Luật', 'publicService', [
    cell('kt', 'Chi bộ Bộ môn Kinh tế', 19, 'university', { head: 'Trưởng bộ môn', deputy: 'Phó Trưởng bộ môn' }),
    cell('luat', 'Chi bộ Bộ môn Luật', 14, 'university', { head: 'Trưởng bộ môn', deputy: 'Phó Trưởng bộ môn' }),
  ]),
  cell('tchc', 'Chi bộ Phòng Tổ chức – Hành chính', 24, 'universityOffice'),
  cell('dt', 'Chi bộ Phòng Đào tạo', 17, 'universityOffice'),
  cell('ktcn', 'Chi bộ Trường Kỹ thuật và Công nghệ', 28, 'university', { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng' }),
  cell('khmer', 'Chi bộ Trường Ngôn ngữ – Văn hóa – Nghệ thuật Khmer Nam Bộ', 21, 'university', { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng' }),
  cell('nnts', 'Chi bộ Khoa Nông nghiệp – Thủy sản', 20, 'university'),
  cell('bv', 'Chi bộ Bệnh viện Trường Đại học Trà Vinh', 23, 'hospital'),
]);

const agribank = baseCommittee('agr', 'Đảng ủy Ngân hàng Nông nghiệp và Phát triển nông thôn Chi nhánh tỉnh Trà Vinh', 'enterprise', [
  cell('hs', 'Chi bộ Hội sở tỉnh', 29, 'bank'),
  cell('tp', 'Chi bộ Chi nhánh Thành phố Trà Vinh', 14, 'bank'),
  cell('cl', 'Chi bộ Chi nhánh huyện Càng Long', 12, 'bank'),
  cell('tcu', 'Chi bộ Chi nhánh huyện Trà Cú', 13, 'bank'),
  cell('cn', 'Chi bộ Chi nhánh huyện Cầu Ngang', 11, 'bank'),
  cell('dh', 'Chi bộ Chi nhánh thị xã Duyên Hải', 10, 'bank'),
]);

const broadcasting = baseCommittee('ptth', 'Đảng ủy Đài Phát thanh và Truyền hình Trà Vinh', 'publicService', [
  cell('ts', 'Chi bộ Phòng Thời sự', 15, 'media'),
  cell('cd', 'Chi bộ Phòng Chuyên đề – Phóng sự', 12, 'media'),
  cell('kt', 'Chi bộ Phòng Kỹ thuật – Công nghệ', 13, 'media', { staff: ['Kỹ thuật viên', 'Kỹ thuật viên', 'Kỹ sư', 'Quay phim'] }),
  cell('hc', 'Chi bộ Phòng Hành chính – Tổng hợp', 10, 'media', { head: 'Giám đốc', deputy: 'Phó Giám đốc', staff: ['Chuyên viên', 'Kế toán', 'Văn thư', 'Lái xe'] }),
  cell('khmer', 'Chi bộ Phòng Chương trình Khmer', 11, 'media'),
]);

const water = baseCommittee('ctn', 'Đảng ủy Công ty Cổ phần Cấp thoát nước Trà Vinh', 'enterprise', [
  cell('vp', 'Chi bộ Văn phòng Công ty', 14, 'enterprise'),
  cell('nm', 'Chi bộ Nhà máy nước Trà Vinh', 12, 'enterprise', { head: 'Giám đốc Nhà máy', deputy: 'Phó Giám đốc Nhà máy' }),
  cell('xn', 'Chi bộ Xí nghiệp Cấp nước huyện', 11, 'enterprise', { head: 'Giám đốc Xí nghiệp', deputy: 'Phó Giám đốc Xí nghiệp' }),
  cell('kd', 'Chi bộ Phòng Kinh doanh', 10, 'enterprise', { head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng' }),
]);

const labour = baseCommittee('sld', 'Đảng ủy Sở Lao động – Thương binh và Xã hội', 'agency', [
  cell('vp', 'Chi bộ Văn phòng Sở', 16, 'departmentOffice'),
  cell('dvvl', 'Chi bộ Trung tâm Dịch vụ việc làm', 11, 'centre'),
  cell('btxh', 'Chi bộ Trung tâm Bảo trợ xã hội', 12, 'centre'),
  cell('ctxh', 'Chi bộ Trung tâm Công tác xã hội', 10, 'centre'),
  cell('cdn', 'Chi bộ Trường Cao đẳng nghề Trà Vinh', 19, 'school'),
]);

/** Base cells directly under the bloc; one founded in August 2021, so R-ELIG-04 shows in 2021. */
const blocBaseCells: readonly UnitPlan[] = [
  baseCell('stp', 'Chi bộ Sở Tư pháp', 22, 'departmentOffice'),
  baseCell('skhcn', 'Chi bộ Sở Khoa học và Công nghệ', 19, 'departmentOffice'),
  baseCell('btv', 'Chi bộ Báo Trà Vinh', 17, 'media', { head: 'Tổng Biên tập', deputy: 'Phó Tổng Biên tập' }),
  baseCell('lmhtx', 'Chi bộ Liên minh Hợp tác xã tỉnh', 9, 'association'),
  baseCell('xskt', 'Chi bộ Công ty TNHH Một thành viên Xổ số kiến thiết Trà Vinh', 24, 'enterprise'),
  baseCell('vhnt', 'Chi bộ Hội Văn học Nghệ thuật tỉnh', 7, 'association'),
  baseCell('kkt', 'Chi bộ Ban Quản lý Khu kinh tế tỉnh', 18, 'departmentOffice', { head: 'Trưởng ban', deputy: 'Phó Trưởng ban' }),
  baseCell('hcc', 'Chi bộ Trung tâm Phục vụ hành chính công tỉnh', 8, 'centre', { foundedOn: '2021-08-15', newMembers: 0, probationary: 0 }),
  baseCell('ctd', 'Chi bộ Hội Chữ thập đỏ tỉnh', 6, 'association'),
];

/** A ward's base committee: residential cells (khóm / ấp), militia, police and the ward office. */
function ward(slug: string, name: string, residential: readonly [string, number][], sizes: { militia: number; police: number; office: number }, hamlet = false): UnitPlan {
  const where = hamlet ? 'xã' : 'phường';
  return baseCommittee(slug, name, 'commune', [
    ...residential.map(([label, size], i) =>
      cell(`k${i + 1}`, `Chi bộ ${label}`, size, 'residential', hamlet ? { deputy: 'Trưởng ấp', seniors: ['Phó Trưởng ấp', 'Trưởng Ban công tác Mặt trận'] } : {}),
    ),
    cell('qs', 'Chi bộ Quân sự', sizes.militia, 'communeMilitary', { head: `Chỉ huy trưởng Ban Chỉ huy Quân sự ${where}` }),
    cell('ca', 'Chi bộ Công an', sizes.police, 'communePolice', { head: `Trưởng Công an ${where}`, deputy: `Phó Trưởng Công an ${where}` }),
    cell('cq', 'Chi bộ Cơ quan', sizes.office, 'communeOffice', { head: `Chủ tịch Ủy ban nhân dân ${where}`, deputy: `Phó Chủ tịch Ủy ban nhân dân ${where}` }),
  ]);
}

const khom = (...sizes: number[]): [string, number][] => sizes.map((s, i) => [`Khóm ${i + 1}`, s]);

const city = bloc('ttv', 'Thành ủy Trà Vinh', [
  ward('p1', 'Đảng ủy Phường 1', khom(24, 21, 27, 19, 22), { militia: 10, police: 13, office: 19 }),
  ward('p2', 'Đảng ủy Phường 2', khom(18, 23, 20, 25), { militia: 10, police: 12, office: 17 }),
  ward('p3', 'Đảng ủy Phường 3', khom(22, 19, 26, 17), { militia: 11, police: 12, office: 18 }),
  ward('p4', 'Đảng ủy Phường 4', khom(20, 24, 18, 21, 16), { militia: 10, police: 12, office: 18 }),
  ward('p5', 'Đảng ủy Phường 5', khom(17, 21, 19, 18), { militia: 10, police: 11, office: 16 }),
  ward('p6', 'Đảng ủy Phường 6', khom(23, 18, 20, 22), { militia: 10, police: 12, office: 17 }),
  ward('p7', 'Đảng ủy Phường 7', khom(26, 22, 24, 19, 21), { militia: 11, police: 13, office: 19 }),
  ward('p8', 'Đảng ủy Phường 8', khom(19, 17, 22), { militia: 10, police: 11, office: 16 }),
  ward('p9', 'Đảng ủy Phường 9', khom(21, 18, 16, 20), { militia: 10, police: 12, office: 17 }),
  ward(
    'ld',
    'Đảng ủy xã Long Đức',
    [['Ấp Sa Bình', 25], ['Ấp Long Trị', 22], ['Ấp Long Bình A', 28], ['Ấp Long Bình B', 19], ['Ấp Kinh Lớn', 23]],
    { militia: 12, police: 12, office: 18 },
    true,
  ),
  baseCell('vhtt', 'Chi bộ Trung tâm Văn hóa – Thể thao thành phố', 12, 'centre'),
  baseCell('bqlc', 'Chi bộ Ban Quản lý chợ thành phố', 9, 'centre', { head: 'Trưởng ban', deputy: 'Phó Trưởng ban' }),
  baseCell('ptqd', 'Chi bộ Trung tâm Phát triển quỹ đất thành phố', 8, 'centre'),
], '2010-03-04');

const militaryCommand = baseCommittee('bchqs', 'Đảng ủy Bộ Chỉ huy Quân sự tỉnh', 'armedForces', [
  cell('tm', 'Chi bộ Phòng Tham mưu', 28, 'military'),
  cell('ct', 'Chi bộ Phòng Chính trị', 22, 'military'),
  cell('hc', 'Chi bộ Phòng Hậu cần', 24, 'military'),
  cell('kt', 'Chi bộ Phòng Kỹ thuật', 17, 'military'),
  cell('tqs', 'Chi bộ Trường Quân sự tỉnh', 15, 'military', { head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng', staff: ['Giáo viên', 'Giáo viên', 'Trợ lý', 'Nhân viên'] }),
  cell('dd1', 'Chi bộ Đại đội Bộ binh 1', 13, 'militaryUnit'),
], '1992-05-01');

const borderGuard = baseCommittee('bdbp', 'Đảng ủy Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'armedForces', [
  cell('tm', 'Chi bộ Phòng Tham mưu', 21, 'military'),
  cell('ct', 'Chi bộ Phòng Chính trị', 16, 'military'),
  cell('hckt', 'Chi bộ Phòng Hậu cần – Kỹ thuật', 18, 'military'),
  cell('lh', 'Chi bộ Đồn Biên phòng Long Hòa', 14, 'militaryUnit', { head: 'Chính trị viên', deputy: 'Đồn trưởng' }),
  cell('tlh', 'Chi bộ Đồn Biên phòng Trường Long Hòa', 13, 'militaryUnit', { head: 'Chính trị viên', deputy: 'Đồn trưởng' }),
], '1992-05-01');

export const traVinhPlan: TenantPlan = {
  tenantId: 'tra-vinh',
  name: 'Tỉnh ủy Trà Vinh',
  memberIdPrefix: '84',
  khmerShare: 0.14,
  root: {
    slug: 'tv',
    name: 'Tỉnh ủy Trà Vinh',
    kind: 'province',
    sector: null,
    foundedOn: '1992-05-01',
    children: [
      bloc('duk', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', [
        health, education, finance, power, agriculture, university, agribank, broadcasting, water, labour,
        ...blocBaseCells,
      ], '2008-01-07'),
      city,
      militaryCommand,
      borderGuard,
    ],
  },
  identities: [
    { tenant: 'tra-vinh', unit: 'tv', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy Trà Vinh', sub: 'demo-tv-province' },
    { tenant: 'tra-vinh', unit: 'tv-duk', role: 'bloc_board', name: 'Ban Tổ chức Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', sub: 'demo-tv-bloc' },
    { tenant: 'tra-vinh', unit: 'tv-ttv', role: 'bloc_board', name: 'Ban Tổ chức Thành ủy Trà Vinh', sub: 'demo-tv-city' },
    { tenant: 'tra-vinh', unit: 'tv-duk-syt', role: 'base_committee', name: 'Văn phòng Đảng ủy Sở Y tế', sub: 'demo-tv-syt' },
    { tenant: 'tra-vinh', unit: 'tv-duk-syt-bvp', role: 'cell_secretary', name: 'Lê Hồng Vũ', sub: 'demo-tv-bvp' },
    // A party member signing in for themselves: `sub` is their member id in the generated roster (fixed by the seed).
    { tenant: 'tra-vinh', unit: 'tv-duk-syt-bvp', role: 'member', name: 'Nguyễn Kim Huyền', sub: '84.427350' },
    { tenant: 'tra-vinh', unit: 'tv', role: 'viewer', name: 'Ủy ban Kiểm tra Tỉnh ủy Trà Vinh', sub: 'demo-tv-viewer' },
  ],
  campaigns: 'seeds-closed',
  recipients: [
    { unitId: 'tv', emails: ['bantochuc@travinh.example.vn'] },
    { unitId: 'tv-duk', emails: ['bantochuc.dangkhoi@travinh.example.vn'] },
    { unitId: 'tv-ttv', emails: ['bantochuc.thanhuy@travinh.example.vn'] },
  ],
};
