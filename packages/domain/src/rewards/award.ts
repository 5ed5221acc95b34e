import { z } from 'zod';

/**
 * The awards tied to `excellent` (HD 06-HD/TW ngày 09/6/2025 điểm 19.2; HD 21-HD/BTCTW before):
 * the base organisation's certificate for the year, the certificate of the standing committee of
 * the committee directly above the base organisation and the province's for five consecutive years.
 */
export const rewardAwards = ['baseCertificate', 'upperCertificate', 'provinceCertificate'] as const;
export const RewardAward = z.enum(rewardAwards);
export type RewardAward = z.infer<typeof RewardAward>;

/** Who grants an award. */
export const rewardIssuers = ['baseOrganisation', 'upperCommittee', 'province'] as const;
export type RewardIssuer = (typeof rewardIssuers)[number];

export const rewardIssuerLabels: Record<RewardIssuer, string> = {
  baseOrganisation: 'Đảng ủy cơ sở (chi bộ cơ sở)',
  upperCommittee: 'Ban Thường vụ cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng',
  province: 'Ban Thường vụ Tỉnh ủy',
};

export const rewardAwardLabels: Record<RewardAward, string> = {
  baseCertificate: 'Giấy khen',
  upperCertificate: 'Giấy khen',
  provinceCertificate: 'Bằng khen',
};

/** Whom a reward rule looks at. */
export const rewardSubjects = ['member', 'organisation'] as const;
export const RewardSubject = z.enum(rewardSubjects);
export type RewardSubject = z.infer<typeof RewardSubject>;
