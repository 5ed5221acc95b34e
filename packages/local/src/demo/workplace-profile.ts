import type { Sector } from '@kd/domain';

/**
 * What kind of workplace a cell sits in: which government positions its members hold, how many
 * are women, whether they are civil servants (CBCCVC), and how old they tend to be.
 */
export interface WorkplaceProfile {
  sector: Sector;
  femaleShare: number;
  civilServant: boolean;
  /** Head of the workplace; becomes the cell's secretary. Null where the post is party-only. */
  head: string | null;
  deputy: string | null;
  seniors: readonly string[];
  /** Staff positions, repeated to weight them; null for members without a government post. */
  staff: readonly (string | null)[];
  /** Residential cells (khóm, ấp): many retirees, some elderly exempt from activities. */
  residential?: boolean;
}

/** Positions held on labour contracts rather than as CBCCVC. */
export const contractPositions: ReadonlySet<string> = new Set(['Lái xe', 'Bảo vệ', 'Nhân viên phục vụ']);

export const workplaceProfiles = {
  hospital: {
    sector: 'publicService', femaleShare: 0.6, civilServant: true,
    head: 'Giám đốc', deputy: 'Phó Giám đốc',
    seniors: ['Trưởng khoa Nội', 'Trưởng khoa Ngoại', 'Trưởng khoa Khám bệnh', 'Trưởng phòng Kế hoạch – Tổng hợp', 'Điều dưỡng trưởng', 'Trưởng khoa Dược', 'Trưởng khoa Xét nghiệm', 'Trưởng phòng Tổ chức – Hành chính'],
    staff: ['Bác sĩ', 'Bác sĩ', 'Bác sĩ', 'Bác sĩ', 'Điều dưỡng', 'Điều dưỡng', 'Điều dưỡng', 'Điều dưỡng', 'Kỹ thuật viên', 'Kỹ thuật viên', 'Dược sĩ', 'Hộ sinh', 'Chuyên viên', 'Kế toán'],
  },
  healthCentre: {
    sector: 'publicService', femaleShare: 0.55, civilServant: true,
    head: 'Giám đốc', deputy: 'Phó Giám đốc',
    seniors: ['Trưởng khoa Phòng chống bệnh truyền nhiễm', 'Trưởng khoa Xét nghiệm', 'Trưởng phòng Tổ chức – Hành chính', 'Trưởng khoa Dinh dưỡng'],
    staff: ['Bác sĩ', 'Bác sĩ', 'Y sĩ', 'Kỹ thuật viên xét nghiệm', 'Điều dưỡng', 'Dược sĩ', 'Chuyên viên', 'Kế toán'],
  },
  departmentOffice: {
    sector: 'agency', femaleShare: 0.45, civilServant: true,
    head: 'Giám đốc Sở', deputy: 'Phó Giám đốc Sở',
    seniors: ['Chánh Văn phòng', 'Chánh Thanh tra', 'Trưởng phòng Kế hoạch – Tài chính', 'Trưởng phòng Tổ chức cán bộ', 'Phó Chánh Văn phòng', 'Trưởng phòng Nghiệp vụ'],
    staff: ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Chuyên viên chính', 'Thanh tra viên', 'Kế toán', 'Văn thư', 'Lái xe'],
  },
  subDepartment: {
    sector: 'agency', femaleShare: 0.4, civilServant: true,
    head: 'Chi cục trưởng', deputy: 'Phó Chi cục trưởng',
    seniors: ['Trưởng phòng Hành chính – Tổng hợp', 'Trưởng phòng Nghiệp vụ', 'Phó Trưởng phòng'],
    staff: ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Kỹ thuật viên', 'Kế toán', 'Văn thư'],
  },
  bureau: {
    sector: 'agency', femaleShare: 0.5, civilServant: true,
    head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng',
    seniors: ['Chuyên viên chính'],
    staff: ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Kế toán'],
  },
  centre: {
    sector: 'publicService', femaleShare: 0.5, civilServant: true,
    head: 'Giám đốc', deputy: 'Phó Giám đốc',
    seniors: ['Trưởng phòng Hành chính – Tổng hợp', 'Trưởng phòng Nghiệp vụ'],
    staff: ['Viên chức', 'Viên chức', 'Chuyên viên', 'Kỹ thuật viên', 'Kế toán'],
  },
  association: {
    sector: 'agency', femaleShare: 0.45, civilServant: true,
    head: 'Chủ tịch', deputy: 'Phó Chủ tịch',
    seniors: ['Chánh Văn phòng'],
    staff: ['Chuyên viên', 'Chuyên viên', 'Kế toán'],
  },
  school: {
    sector: 'publicService', femaleShare: 0.62, civilServant: true,
    head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng',
    seniors: ['Tổ trưởng tổ Toán', 'Tổ trưởng tổ Ngữ văn', 'Tổ trưởng tổ Ngoại ngữ', 'Tổ trưởng tổ Khoa học tự nhiên', 'Tổ trưởng tổ Văn phòng'],
    staff: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Kế toán', 'Nhân viên thư viện', 'Nhân viên thiết bị'],
  },
  university: {
    sector: 'publicService', femaleShare: 0.5, civilServant: true,
    head: 'Trưởng khoa', deputy: 'Phó Trưởng khoa',
    seniors: ['Trưởng bộ môn', 'Phó Trưởng bộ môn'],
    staff: ['Giảng viên', 'Giảng viên', 'Giảng viên', 'Giảng viên', 'Giảng viên chính', 'Giảng viên chính', 'Chuyên viên'],
  },
  universityOffice: {
    sector: 'publicService', femaleShare: 0.55, civilServant: true,
    head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng',
    seniors: ['Chuyên viên chính'],
    staff: ['Chuyên viên', 'Chuyên viên', 'Chuyên viên', 'Kế toán', 'Nhân viên'],
  },
  media: {
    sector: 'publicService', femaleShare: 0.45, civilServant: true,
    head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng',
    seniors: ['Biên tập viên chính'],
    staff: ['Phóng viên', 'Phóng viên', 'Biên tập viên', 'Biên tập viên', 'Kỹ thuật viên', 'Quay phim'],
  },
  powerCompany: {
    sector: 'enterprise', femaleShare: 0.2, civilServant: false,
    head: 'Giám đốc', deputy: 'Phó Giám đốc',
    seniors: ['Trưởng phòng Kỹ thuật', 'Trưởng phòng Kinh doanh', 'Đội trưởng Đội Quản lý điện', 'Trưởng phòng Tổng hợp'],
    staff: ['Kỹ sư', 'Kỹ sư', 'Công nhân quản lý vận hành', 'Công nhân quản lý vận hành', 'Công nhân sửa chữa điện', 'Nhân viên kinh doanh', 'Kế toán viên'],
  },
  enterprise: {
    sector: 'enterprise', femaleShare: 0.4, civilServant: false,
    head: 'Giám đốc', deputy: 'Phó Giám đốc',
    seniors: ['Trưởng phòng Kế toán', 'Trưởng phòng Kinh doanh', 'Trưởng phòng Tổ chức – Hành chính'],
    staff: ['Nhân viên', 'Nhân viên', 'Kỹ sư', 'Kế toán viên', 'Công nhân'],
  },
  bank: {
    sector: 'enterprise', femaleShare: 0.5, civilServant: false,
    head: 'Giám đốc', deputy: 'Phó Giám đốc',
    seniors: ['Trưởng phòng Kế hoạch – Kinh doanh', 'Trưởng phòng Kế toán – Ngân quỹ', 'Trưởng phòng Giao dịch'],
    staff: ['Cán bộ tín dụng', 'Cán bộ tín dụng', 'Giao dịch viên', 'Giao dịch viên', 'Kế toán viên', 'Kiểm soát viên'],
  },
  residential: {
    sector: 'commune', femaleShare: 0.38, civilServant: false, residential: true,
    head: null, deputy: 'Trưởng khóm',
    seniors: ['Phó Trưởng khóm', 'Trưởng Ban công tác Mặt trận'],
    staff: [null, null, null, null, null, null, null, 'Tổ trưởng tổ nhân dân tự quản', 'Chi hội trưởng Hội Cựu chiến binh', 'Công an viên'],
  },
  communeOffice: {
    sector: 'commune', femaleShare: 0.4, civilServant: true,
    head: 'Chủ tịch Ủy ban nhân dân', deputy: 'Phó Chủ tịch Ủy ban nhân dân',
    seniors: ['Chủ tịch Ủy ban Mặt trận Tổ quốc', 'Chủ tịch Hội Cựu chiến binh', 'Chủ tịch Hội Liên hiệp Phụ nữ', 'Bí thư Đoàn Thanh niên'],
    staff: ['Công chức Văn phòng – Thống kê', 'Công chức Tư pháp – Hộ tịch', 'Công chức Địa chính – Xây dựng', 'Công chức Tài chính – Kế toán', 'Công chức Văn hóa – Xã hội'],
  },
  communeMilitary: {
    sector: 'commune', femaleShare: 0.08, civilServant: false,
    head: 'Chỉ huy trưởng Ban Chỉ huy Quân sự', deputy: 'Chỉ huy phó Ban Chỉ huy Quân sự',
    seniors: ['Trung đội trưởng dân quân'],
    staff: ['Dân quân thường trực', 'Dân quân thường trực', 'Dân quân tự vệ'],
  },
  communePolice: {
    sector: 'commune', femaleShare: 0.15, civilServant: false,
    head: 'Trưởng Công an', deputy: 'Phó Trưởng Công an',
    seniors: ['Phó Trưởng Công an'],
    staff: ['Cán bộ Công an', 'Cán bộ Công an', 'Cảnh sát khu vực'],
  },
  military: {
    sector: 'armedForces', femaleShare: 0.1, civilServant: false,
    head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng',
    seniors: ['Trưởng ban', 'Phó Trưởng ban'],
    staff: ['Trợ lý', 'Trợ lý', 'Trợ lý', 'Nhân viên', 'Quân nhân chuyên nghiệp', 'Công nhân viên quốc phòng'],
  },
  militaryUnit: {
    sector: 'armedForces', femaleShare: 0.03, civilServant: false,
    head: 'Chính trị viên', deputy: 'Đại đội trưởng',
    seniors: ['Trung đội trưởng', 'Chính trị viên phó'],
    staff: ['Tiểu đội trưởng', 'Chiến sĩ', 'Chiến sĩ', 'Quân nhân chuyên nghiệp'],
  },
} as const satisfies Record<string, WorkplaceProfile>;

export type ProfileKey = keyof typeof workplaceProfiles;
