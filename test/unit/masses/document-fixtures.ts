import { takeComment, minutesInputOf, signSession, type CommentFormDocumentInput, type MassesMinutesInput, type SelfCriticismDocumentInput } from '@kd/domain';
import { recordedSession } from './fixtures';

/** A 2020 session of a cell in the Trà Vinh bloc (Kế hoạch 03-KH/ĐUK); the people are made up. */
export const names = new Map([
  ['DV001', 'Nguyễn Văn Tám'],
  ['DV002', 'Lê Thị Hai'],
  ['DV003', 'Võ Văn Ba'],
]);

export function withPosition(overrides: Partial<SelfCriticismDocumentInput> = {}): SelfCriticismDocumentInput {
  return {
    place: 'Trà Vinh',
    date: '2020-11-02',
    year: 2020,
    committee: { upperName: 'Đảng bộ Sở Tài chính', unitName: 'Chi bộ Văn phòng Sở', signer: 'Lê Minh Hùng' },
    selfCriticism: {
      form: 'withPosition',
      identity: {
        fullName: 'Nguyễn Văn Tám',
        birthDate: '1970-05-02',
        partyPosition: 'Bí thư Chi bộ',
        governmentPosition: 'Giám đốc Sở Tài chính',
        workplace: 'Sở Tài chính tỉnh Trà Vinh',
        cellName: 'Chi bộ Văn phòng Sở',
      },
      strengths: { politicalThought: 'Luôn kiên định lập trường, chấp hành nghiêm chủ trương của Đảng.', duties: 'Hoàn thành 100% chỉ tiêu ngân sách được giao.' },
      shortcomings: 'Có lúc chưa sâu sát cơ sở.',
      causes: 'Khối lượng công việc lớn.',
      remedies: 'Bố trí lịch đi cơ sở hằng tháng.',
      committeeComment: 'Đồng chí gương mẫu, tự phê bình nghiêm túc.',
    },
    ...overrides,
  };
}

export function withoutPosition(): SelfCriticismDocumentInput {
  return {
    place: 'Trà Vinh',
    date: null,
    year: 2020,
    selfCriticism: {
      form: 'withoutPosition',
      identity: { fullName: 'Lê Thị Hai', workplace: 'Sở Tài chính tỉnh Trà Vinh', cellName: 'Chi bộ Văn phòng Sở', duties: 'Kế toán trưởng' },
      strengths: { discipline: 'Chấp hành nghiêm nội quy cơ quan.' },
    },
  };
}

export const commentFormInput: CommentFormDocumentInput = {
  about: { kind: 'member', name: 'Nguyễn Văn Tám' },
  comments: [
    { kind: 'strength', heading: 1, text: 'Đồng chí luôn kiên định, gương mẫu.' },
    { kind: 'shortcoming', heading: 3, text: 'Còn chậm trả lời kiến nghị của người lao động.' },
    { kind: 'proposal', heading: null, text: 'Đề nghị tổ chức đối thoại với người lao động mỗi quý.' },
  ],
};

/** The minutes of a signed session with oral and written comments, one dissenting, printed in display order. */
export function minutesInput(): MassesMinutesInput {
  let session = recordedSession('S1', { acknowledgement: 'Đại diện chi ủy tiếp thu đầy đủ các ý kiến và sẽ thông báo lại cho đồng chí vắng mặt.' });
  const comments = [
    takeComment(session, { about: 'DV001', channel: 'oral', heading: 1, kind: 'strength', text: 'Đồng chí Tám gương mẫu, sâu sát.' }, 'k-a'),
    takeComment(session, { about: 'DV001', channel: 'written', heading: 3, kind: 'shortcoming', text: 'Chưa sâu sát cơ sở như bản tự phê nêu.', dissenting: true }, 'k-b'),
    takeComment(session, { about: 'DV003', channel: 'written', heading: 4, kind: 'shortcoming', text: 'Còn đi họp trễ.' }, 'k-c'),
    takeComment(session, { about: null, channel: 'oral', heading: null, kind: 'proposal', text: 'Công khai kết quả khắc phục trên bảng tin.' }, 'k-d'),
  ];
  for (const [role, name] of [['chair', 'Nguyễn Văn Tám'], ['clerk', 'Trần Thị Lan'], ['massesRepresentative', 'Phạm Thị Hoa']] as const) {
    session = signSession(session, { role, name }, new Date('2020-11-10T04:40:00Z'));
  }
  return minutesInputOf({
    session,
    comments,
    names,
    partyHeader: { upperCommittee: 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh', unitName: 'Chi bộ Văn phòng Sở' },
    place: 'Trà Vinh',
    workplace: { name: 'Sở Tài chính tỉnh Trà Vinh', countedMasses: 6 },
    orderKey: 'S1-secret',
  });
}
