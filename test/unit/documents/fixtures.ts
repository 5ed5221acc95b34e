import { nationalDegradationSigns, resolveScoringScheme, ScoringScheme, scoreSheet, type RatingMinutesInput, type ReviewFormInput, type SelfReviewInput } from '@kd/domain';
import { framework } from '@kd/domain/scoring/catalogue';

/** Demo people and units of seed 000 (Chi bộ Bệnh viện Phổi); names other than the bí thư are made up. */
export const partyHeader = { upperCommittee: 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh', unitName: 'Chi bộ Bệnh viện Phổi' };

export function selfReviewInput(overrides: Partial<SelfReviewInput> = {}): SelfReviewInput {
  return {
    partyHeader,
    place: 'Trà Vinh',
    date: '2021-12-15',
    year: 2021,
    member: {
      fullName: 'Lê Hồng Vũ',
      birthDate: '1975-03-09',
      partyPosition: 'Bí thư Chi bộ',
      governmentPosition: 'Phó Giám đốc Bệnh viện',
      workplace: 'Bệnh viện Phổi',
      cellName: 'Chi bộ Bệnh viện Phổi',
      isCommitteeMember: true,
    },
    sections: {
      politicalThought: 'Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.\n\nTham gia đầy đủ các đợt học tập nghị quyết.',
      quantifiedResults: 'Hoàn thành 100% chỉ tiêu khám, chữa bệnh được giao.',
    },
    degradationChecklist: nationalDegradationSigns.map((s, i) => ({
      code: s.code,
      text: s.text,
      answer: i === 3 ? ('daKhacPhuc' as const) : ('khong' as const),
      ...(i === 3 ? { note: 'Đã khắc phục trong quý III' } : {}),
    })),
    selfProposed: 'good',
    ...overrides,
  };
}

export function minutesInput(overrides: Partial<RatingMinutesInput> = {}): RatingMinutesInput {
  return {
    partyHeader,
    place: 'Trà Vinh',
    year: 2021,
    meeting: { date: '2021-12-20', startTime: '14:00', endTime: '16:30', location: 'Hội trường Bệnh viện Phổi' },
    chair: { fullName: 'Lê Hồng Vũ', position: 'Bí thư Chi bộ' },
    clerk: { fullName: 'Trần Thị Ánh', position: 'Chi ủy viên' },
    attendance: { totalMembers: 7, officialMembers: 6, present: 6, absentees: [{ fullName: 'Phạm Văn Đức', reason: 'đi công tác' }] },
    voters: 5,
    collective: { rating: 'good', votesFor: 5 },
    members: [
      { fullName: 'Lê Hồng Vũ', selfProposed: 'excellent', groupProposed: 'excellent', votesFor: 5, decided: 'excellent' },
      { fullName: 'Trần Thị Ánh', selfProposed: 'good', groupProposed: 'good', votesFor: 5, decided: 'good' },
      { fullName: 'Nguyễn Văn An', selfProposed: 'good', groupProposed: 'complete', votesFor: 4, decided: 'complete' },
      { fullName: 'Phạm Văn Đức', selfProposed: 'good', notRated: 'absentRatedLater' },
      { fullName: 'Võ Thị Bình', notRated: 'newlyAdmitted' },
      { fullName: 'Đặng Văn Dũng', notRated: 'exempt' },
      { fullName: 'Hồ Văn Anh', notRated: 'suspended' },
    ],
    ...overrides,
  };
}

/** A filled Phụ lục 4 sheet under a province's 18 / 4 / 8 + 70 scheme, for a public-service member. */
export function reviewFormScoring() {
  const sectors = framework(4).variants!.options.map((o) => o.key);
  const scheme = resolveScoringScheme(framework(4), ScoringScheme.parse({
    id: 'tinh-tra-vinh-pl4', appendix: 4, level: 'province', title: 'Thang điểm Phụ lục 4', source: 'HD 05-HD/TU mục 2',
    points: { 'I.1': 18, 'I.2': 4, 'I.3': 8, ...Object.fromEntries(sectors.map((_, i) => [`II.${i + 1}`, 70])), 'II.7.1': 45, 'II.7.2': 25 },
  }));
  return scoreSheet(scheme, { variant: 'publicService', scores: { 'I.1': 17.5, 'I.2': 3.5, 'I.3': 8, 'II.7.1': 42, 'II.7.2': 23 } });
}

export function reviewFormInput(overrides: Partial<ReviewFormInput> = {}): ReviewFormInput {
  return {
    form: '2B',
    partyHeader,
    place: 'Trà Vinh',
    date: '2025-12-15',
    year: 2025,
    member: { fullName: 'Trần Thị Bình', birthDate: '1988-07-02', workplace: 'Bệnh viện Phổi', cellName: 'Chi bộ Bệnh viện Phổi' },
    sections: {
      conduct: 'Giữ vững lập trường chính trị; không vi phạm những điều đảng viên không được làm.',
      tasks: 'Hoàn thành 100% nhiệm vụ đúng tiến độ; 40% nhiệm vụ vượt yêu cầu.',
    },
    scoring: reviewFormScoring(),
    proposed: 'excellent',
    ...overrides,
  };
}
