import { describe, expect, it } from 'vitest';
import { buildCommentForm, buildMassesMinutes, MASSES_REPRESENTATIVE, plainText, PARTY_NAME, buildSelfCriticism, selfCriticismSections, commentHeadingLabels, displayOrder, SelfCriticismBody, selfCriticismFormFor, type Block, type DocumentModel } from '@kd/domain';
import { commentFormInput, minutesInput, withoutPosition, withPosition } from './document-fixtures';

const of = <K extends Block['kind']>(m: DocumentModel, kind: K) => m.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const headings = (m: DocumentModel) => of(m, 'heading').map((h) => (h.number ? `${h.number}. ${h.text}` : h.text));

describe('the self-criticism record (R-MASS-06)', () => {
  it('picks the form by position', () => {
    expect(selfCriticismFormFor({ partyPosition: 'secretary' })).toBe('withPosition');
    expect(selfCriticismFormFor({ governmentPosition: 'Phó Giám đốc' })).toBe('withPosition');
    expect(selfCriticismFormFor({ partyPosition: null, governmentPosition: null })).toBe('withoutPosition');
  });

  it('keeps each form to its own fields', () => {
    const base = { identity: { fullName: 'Lê Thị Hai' } };
    expect(SelfCriticismBody.safeParse({ ...base, form: 'withoutPosition', committeeComment: 'Tốt.' }).success).toBe(false);
    expect(SelfCriticismBody.safeParse({ form: 'withoutPosition', identity: { fullName: 'Lê Thị Hai', partyPosition: 'Chi ủy viên' } }).success).toBe(false);
    expect(SelfCriticismBody.safeParse({ form: 'withPosition', identity: { fullName: 'Lê Thị Hai', duties: 'Kế toán' } }).success).toBe(false);
    expect(SelfCriticismBody.safeParse({ ...base, form: 'withoutPosition', strengths: { courage: 'x' } }).success).toBe(false);
    expect(SelfCriticismBody.safeParse({ ...base, form: 'withPosition', committeeComment: 'Tốt.' }).success).toBe(true);
  });
});

describe('buildSelfCriticism (the forms of Kế hoạch 03-KH/ĐUK)', () => {
  it('with a position: title, identity, the five headings, parts II and III, the committee block beside the author', () => {
    const model = buildSelfCriticism(withPosition());
    const text = plainText(model);
    expect(text[0]).toContain(PARTY_NAME);
    expect(text[0]).toContain('Trà Vinh, ngày 02 tháng 11 năm 2020');
    expect(of(model, 'title')[0]!.lines.map((l) => l.text)).toEqual(['BẢN TỰ PHÊ BÌNH', 'trước quần chúng cơ quan, đơn vị, doanh nghiệp năm 2020', '(Đối với đảng viên có chức vụ)']);
    expect(text).toContain('Họ và tên: Nguyễn Văn Tám, sinh ngày: 02/05/1970');
    expect(text).toContain('Chức vụ Đảng: Bí thư Chi bộ');
    expect(text).toContain('Chức vụ chính quyền: Giám đốc Sở Tài chính');
    expect(headings(model)).toEqual([
      'I- VỀ ƯU ĐIỂM',
      ...selfCriticismSections('withPosition', 2020).map((s, i) => `${i + 1}. ${s.heading}`),
      'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
      'III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC',
    ]);
    expect(text).toContain('Luôn kiên định lập trường, chấp hành nghiêm chủ trương của Đảng.');
    expect(text).toContain('- Kết quả học tập và làm theo chuyên đề năm 2020 theo tinh thần Chỉ thị số 05-CT/TW của Bộ Chính trị.');
    const [sign] = of(model, 'signatures');
    expect(sign!.blocks.map((b) => b.title)).toEqual(['NHẬN XÉT CỦA CẤP ỦY', 'NGƯỜI TỰ PHÊ']);
    expect(sign!.blocks[0]).toMatchObject({ body: ['Đồng chí gương mẫu, tự phê bình nghiêm túc.'], signer: ['ĐẢNG BỘ SỞ TÀI CHÍNH', 'CHI BỘ VĂN PHÒNG SỞ'], name: 'Lê Minh Hùng' });
    expect(sign!.blocks[1]).toMatchObject({ name: 'Nguyễn Văn Tám' });
  });

  it('leaves the committee block to fill by hand when it has not commented', () => {
    const input = withPosition({ committee: {} });
    const model = buildSelfCriticism({ ...input, selfCriticism: { ...input.selfCriticism, committeeComment: null } });
    expect(of(model, 'signatures')[0]!.blocks[0]).toMatchObject({ body: [], fillLines: 4, signer: ['ĐẢNG BỘ ……………', 'CHI BỘ ……………'] });
  });

  it('without a position: its own identity lines and wording, the author alone, dotted lines where nothing is written, a blank date', () => {
    const model = buildSelfCriticism(withoutPosition());
    const text = plainText(model);
    expect(text[0]).toContain('Trà Vinh, ngày …… tháng …… năm 2020');
    expect(of(model, 'title')[0]!.lines[2]!.text).toBe('(Dùng cho đảng viên không có chức vụ)');
    expect(text).toContain('Nhiệm vụ được phân công: Kế toán trưởng');
    expect(text.some((t) => t.startsWith('Chức vụ Đảng'))).toBe(false);
    expect(headings(model)).toContain('3. Thực hiện nhiệm vụ được giao');
    expect(text).toContain('- Kết quả thực hiện nhiệm vụ được giao và sự tín nhiệm của cán bộ, đảng viên và quần chúng cơ quan, đơn vị, doanh nghiệp.');
    const fills = of(model, 'fillLines');
    expect(fills.find((f) => f.lead?.[0]?.text === 'Họ và tên: ')?.lead?.map((r) => r.text).join('')).toBe('Họ và tên: Lê Thị Hai, sinh ngày: ');
    expect(fills.filter((f) => !f.lead).length).toBeGreaterThanOrEqual(6);
    expect(of(model, 'signatures')).toEqual([{ kind: 'signatures', blocks: [{ title: 'NGƯỜI TỰ PHÊ', hint: '(Ký, ghi rõ họ tên)', name: 'Lê Thị Hai' }] }]);
  });
});

describe('buildCommentForm (phiếu ghi ý kiến đóng góp)', () => {
  it('prints the five headings twice and the proposals, with no writer anywhere', () => {
    const model = buildCommentForm(commentFormInput);
    const labels = Object.values(commentHeadingLabels);
    expect(headings(model)).toEqual([
      'I- VỀ ƯU ĐIỂM', ...labels.map((l, i) => `${i + 1}. ${l}`),
      'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ', ...labels.map((l, i) => `${i + 1}. ${l}`),
      'III- ĐỀ XUẤT (nếu có)',
    ]);
    const text = plainText(model);
    expect(text).toContain('Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên Nguyễn Văn Tám');
    const at = (s: string) => text.indexOf(s);
    expect(at('Đồng chí luôn kiên định, gương mẫu.')).toBe(at('1. Tư tưởng chính trị') + 1);
    expect(at('Còn chậm trả lời kiến nghị của người lao động.')).toBe(text.lastIndexOf('3. Thực hiện chức trách (nhiệm vụ được giao)') + 1);
    expect(at('Đề nghị tổ chức đối thoại với người lao động mỗi quý.')).toBe(at('III- ĐỀ XUẤT (nếu có)') + 1);
    expect(of(model, 'signatures')).toEqual([]);
    expect(text.join(' ')).not.toMatch(/người viết|ký tên|họ tên người/i);
  });

  it('is blank to hand out when about nobody yet', () => {
    const model = buildCommentForm();
    expect(of(model, 'fillLines')[0]!.lead![0]!.text).toBe('Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên ');
    // The lead line, then one dotted area under each of the ten headings and the proposals: 3 lines for strengths, 4 for the rest.
    expect(of(model, 'fillLines').map((f) => f.count)).toEqual([1, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4]);
  });
});

describe('buildMassesMinutes (biên bản, R-MASS-10)', () => {
  const model = buildMassesMinutes(minutesInput());
  const text = plainText(model);

  it('follows the agenda: time, place, the people, the opening, the list, the contributions, the answer, the closing', () => {
    expect(of(model, 'title')[0]!.lines.map((l) => l.text)).toEqual(['BIÊN BẢN', 'TỰ PHÊ BÌNH VÀ PHÊ BÌNH TRƯỚC QUẦN CHÚNG', 'NĂM 2020']);
    expect(text).toContain('Thời gian: Vào lúc 08 giờ 00 phút, ngày 10/11/2020.');
    expect(text).toContain('Đại diện cấp ủy: đồng chí Lê Minh Hùng.');
    expect(headings(model)).toEqual(['I. NGHI THỨC', 'II. NỘI DUNG', '1. Đại diện cấp ủy thông qua danh sách đảng viên', '2. Đóng góp của quần chúng', '3. Đại diện cấp ủy tiếp thu', 'III. KẾT THÚC']);
    expect(text).toContain('- Số cấp ủy viên, đảng viên tự phê bình: 3 đồng chí; có mặt: 2 đồng chí; vắng mặt: 1 đồng chí:');
    expect(text).toContain('+ Đồng chí Võ Văn Ba (Đi học tập trung tại Trường Chính trị tỉnh);');
    expect(text).toContain('- Số quần chúng tham dự: 6 người (tổng số quần chúng của cơ quan, đơn vị: 6 người).');
    expect(text).toContain('Tổng số ý kiến đóng góp: 4 (góp ý trực tiếp: 2; bằng văn bản: 2; ý kiến trái chiều: 1).');
    expect(text).toContain('- Khuyết điểm, hạn chế — 3. Thực hiện chức trách (nhiệm vụ được giao): Chưa sâu sát cơ sở như bản tự phê nêu. (bằng văn bản; ý kiến trái chiều)');
    expect(text).toContain('Đối với đồng chí Võ Văn Ba (vắng mặt; cấp ủy tiếp thu, thông báo lại ý kiến cho đồng chí):');
    expect(text).toContain('Đại diện chi ủy tiếp thu đầy đủ các ý kiến và sẽ thông báo lại cho đồng chí vắng mặt.');
    expect(text.at(-2)).toContain('Cuộc họp kết thúc vào lúc 11 giờ 30 phút cùng ngày.');
  });

  it('lists the members in Vietnamese name order with duties and the committee summary', () => {
    const [table] = of(model, 'table');
    expect(table!.rows.map((r) => r[1]!.text)).toEqual(['Võ Văn Ba', 'Lê Thị Hai', 'Nguyễn Văn Tám']);
    expect(table!.rows[2]!.map((c) => c.text)).toEqual(['3', 'Nguyễn Văn Tám', 'Bí thư Chi bộ, Giám đốc Sở', 'Ưu điểm: gương mẫu. Khuyết điểm: chưa sâu sát cơ sở.', '']);
    expect(table!.rows[0]![4]!.text).toBe('Vắng mặt: Đi học tập trung tại Trường Chính trị tỉnh');
  });

  it('ends with the three signatures, the masses representative named once signed', () => {
    expect(of(model, 'signatures')[0]!.blocks.map((b) => [b.title, b.name])).toEqual([
      ['CHỦ TRÌ', 'Nguyễn Văn Tám'],
      ['THƯ KÝ', 'Trần Thị Lan'],
      [MASSES_REPRESENTATIVE, 'Phạm Thị Hoa'],
    ]);
  });

  it('prints comments in display order, not in the order they were taken', () => {
    const taken = ['Đồng chí Tám gương mẫu, sâu sát.', 'Chưa sâu sát cơ sở như bản tự phê nêu.', 'Còn đi họp trễ.', 'Công khai kết quả khắc phục trên bảng tin.'];
    const ids = ['k-a', 'k-b', 'k-c', 'k-d'];
    const expected = displayOrder(ids.map((id, i) => ({ id, text: taken[i]! })), 'S1-secret').map((c) => c.text);
    const printed = minutesInput().comments!.map((c) => c.text);
    expect(printed).toEqual(expected);
    expect(printed).not.toEqual(taken);
  });
});
