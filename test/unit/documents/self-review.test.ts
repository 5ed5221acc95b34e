import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_MARK, SIGN_HINT, selfReviewLabels, headingText, plainText, PARTY_NAME, buildSelfReview, committeeReviewSections, DEGRADATION_SIGNS_HEADING, memberReviewSections, selfReviewHeadings, selfReviewParts, type Block, type DocumentModel } from '@kd/domain';
import { selfReviewInput } from './fixtures';

const headings = (m: DocumentModel) => m.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
const of = <K extends Block['kind']>(m: DocumentModel, kind: K) => m.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('buildSelfReview (Mẫu 2A)', () => {
  it('opens with the two-column party header and the title', () => {
    const model = buildSelfReview(selfReviewInput());
    expect(model.blocks[0]).toEqual({
      kind: 'partyHeader',
      left: [
        { text: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH' },
        { text: 'CHI BỘ BỆNH VIỆN PHỔI', bold: true },
        { text: '*' },
      ],
      right: [
        { text: PARTY_NAME, bold: true, underline: true },
        { text: '' },
        { text: 'Trà Vinh, ngày 15 tháng 12 năm 2021', italic: true },
      ],
    });
    expect(of(model, 'title')[0]?.lines.map((l) => l.text)).toEqual(['BẢN TỰ KIỂM ĐIỂM ĐẢNG VIÊN', 'Năm 2021', '(Mẫu 2A)']);
  });

  it('prints the date in the header with two-digit day and month', () => {
    const model = buildSelfReview(selfReviewInput({ date: '2022-01-05' }));
    expect(plainText(model)[0]).toContain('Trà Vinh, ngày 05 tháng 01 năm 2022');
  });

  it('prints the identity lines, dates as dd/mm/yyyy, and dotted lines for what is unknown', () => {
    const text = plainText(buildSelfReview(selfReviewInput()));
    expect(text).toContain('Họ và tên: Lê Hồng Vũ');
    expect(text).toContain('Ngày sinh: 09/03/1975');
    expect(text).toContain('Chức vụ Đảng: Bí thư Chi bộ');
    expect(text).toContain('Sinh hoạt tại chi bộ: Chi bộ Bệnh viện Phổi');

    const base = selfReviewInput();
    const sparse = buildSelfReview({ ...base, member: { fullName: 'Nguyễn Văn An', cellName: 'Chi bộ Bệnh viện Phổi', isCommitteeMember: false } });
    const fills = of(sparse, 'fillLines').map((b) => (b.lead ?? []).map((r) => r.text).join(''));
    expect(fills).toEqual(expect.arrayContaining(['Ngày sinh: ', 'Chức vụ Đảng: ', 'Chức vụ chính quyền: ', 'Đơn vị công tác: ']));
  });

  it('contains every Mẫu 2A heading, numbered, in the order of the plan (§3.2.1 then §3.2.2)', () => {
    const model = buildSelfReview(selfReviewInput());
    const printed = headings(model).map(headingText);
    expect(headings(model).map((h) => h.text)).toEqual(selfReviewHeadings(true));
    expect(printed).toEqual(
      expect.arrayContaining([
        'I. KIỂM ĐIỂM ĐẢNG VIÊN',
        '1. Về tư tưởng chính trị, phẩm chất đạo đức, lối sống, ý thức tổ chức kỷ luật, tác phong, lề lối làm việc',
        '1.1. Tư tưởng chính trị',
        '1.2. Phẩm chất đạo đức, lối sống',
        '1.3. Ý thức tổ chức kỷ luật',
        '1.4. Tác phong, lề lối làm việc',
        `1.5. ${DEGRADATION_SIGNS_HEADING}`,
        '2. Về thực hiện chức trách, nhiệm vụ',
        '2.2. Kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao trong năm được lượng hóa bằng sản phẩm cụ thể',
        '5. Những vấn đề được gợi ý kiểm điểm (nếu có)',
        'II. KIỂM ĐIỂM CẤP ỦY VIÊN',
        'III. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC',
        'IV. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG',
      ]),
    );
    for (const s of committeeReviewSections) expect(printed.some((p) => p.endsWith(s.heading))).toBe(true);
    // The plan's own guidance for each sub-item is printed under it.
    const guidance = memberReviewSections.flatMap((s) => s.children ?? []).flatMap((c) => (c.guidance ? [c.guidance] : []));
    expect(guidance).toHaveLength(4);
    for (const g of guidance) expect(plainText(model)).toContain(g);
  });

  it('leaves out the cấp ủy viên part for a member who is not on the committee', () => {
    const base = selfReviewInput();
    const model = buildSelfReview({ ...base, member: { ...base.member, isCommitteeMember: false } });
    const texts = headings(model).map((h) => h.text);
    expect(texts).toEqual(selfReviewHeadings(false));
    expect(texts).not.toContain(selfReviewParts.committeeReview);
    for (const s of committeeReviewSections) expect(texts).not.toContain(s.heading);
    expect(headings(model).map(headingText)).toContain('II. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC');
  });

  it("prints the member's text one paragraph per line and dotted lines under empty sections", () => {
    const model = buildSelfReview(selfReviewInput());
    const i = model.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Tư tưởng chính trị');
    expect(model.blocks[i + 1]).toMatchObject({ kind: 'paragraph', runs: [{ italic: true }] });
    expect(plainText(model).slice(i + 2, i + 4)).toEqual([
      'Luôn trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.',
      'Tham gia đầy đủ các đợt học tập nghị quyết.',
    ]);
    const j = model.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Tác phong, lề lối làm việc');
    expect(model.blocks[j + 2]).toEqual({ kind: 'fillLines', count: 3 });
  });

  it('prints the self-proposed rating by its full Vietnamese name, or a line to fill', () => {
    expect(plainText(buildSelfReview(selfReviewInput()))).toContain('Tự nhận mức xếp loại chất lượng đảng viên năm 2021: Hoàn thành tốt nhiệm vụ');
    const blank = buildSelfReview(selfReviewInput({ selfProposed: null }));
    expect(of(blank, 'fillLines').some((b) => b.lead?.[0]?.text === 'Tự nhận mức xếp loại chất lượng đảng viên năm 2021: ')).toBe(true);
  });

  it('ends with the signature and the blocks the chi ủy and the chi bộ fill in', () => {
    const model = buildSelfReview(selfReviewInput());
    const sigs = of(model, 'signatures').flatMap((s) => s.blocks);
    expect(sigs[0]).toEqual({ title: 'NGƯỜI TỰ KIỂM ĐIỂM', hint: SIGN_HINT, name: 'Lê Hồng Vũ' });
    expect(sigs.map((s) => s.title)).toEqual(['NGƯỜI TỰ KIỂM ĐIỂM', 'T/M CHI ỦY', 'T/M CHI BỘ']);
    const titles = of(model, 'title').flatMap((t) => t.lines.map((l) => l.text));
    expect(titles).toEqual(expect.arrayContaining([selfReviewLabels.committeeComment, selfReviewLabels.cellRating]));
    expect(SIGN_HINT).toBe('(Ký, ghi rõ họ tên)');
  });

  it('adds the appendix table of signs with the answers marked, and placeholders stay marked', () => {
    const model = buildSelfReview(selfReviewInput());
    const titles = of(model, 'title').flatMap((t) => t.lines.map((l) => l.text));
    expect(titles).toContain(
      'Phụ lục: Liên hệ 27 biểu hiện về suy thoái tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" trong nội bộ',
    );
    const [table] = of(model, 'table');
    expect(table?.columns.map((c) => c.header)).toEqual(['STT', 'Biểu hiện', 'Có', 'Không', 'Đã khắc phục', 'Ghi chú']);
    expect(table?.rows).toHaveLength(27);
    expect(table?.rows[0]?.map((c) => c.text).slice(2, 5)).toEqual(['', 'x', '']);
    expect(table?.rows[3]?.map((c) => c.text).slice(2)).toEqual(['', '', 'x', 'Đã khắc phục trong quý III']);
    expect(table?.rows.slice(4).every((r) => r[1]?.text.includes(PLACEHOLDER_MARK))).toBe(true);
    expect(plainText(model)).toContain('Kết quả tự liên hệ 27 biểu hiện (chi tiết tại Phụ lục): có 0; đã khắc phục 1; không có 26.');
  });

  it('has no appendix without a checklist', () => {
    const model = buildSelfReview(selfReviewInput({ degradationChecklist: undefined }));
    expect(of(model, 'table')).toHaveLength(0);
    expect(of(model, 'pageBreak')).toHaveLength(0);
  });

  it('is NFC everywhere, even from decomposed input', () => {
    const base = selfReviewInput();
    const nfd = JSON.parse(JSON.stringify(base).normalize('NFD')) as typeof base;
    const model = buildSelfReview(nfd);
    for (const s of strings(model)) expect(s).toBe(s.normalize('NFC'));
    expect(plainText(model)).toContain('Họ và tên: Lê Hồng Vũ');
  });

  it('rejects a date that is not a real day', () => {
    expect(() => buildSelfReview(selfReviewInput({ date: '2021-02-30' }))).toThrow();
  });
});
