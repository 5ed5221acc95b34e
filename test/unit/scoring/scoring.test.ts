import { describe, expect, it } from 'vitest';
import { evaluateMember, Framework, resolveScoringScheme, reviewFormFor, schemeIssues, scoreSheet, ScoringScheme, sheetLines, type FrameworkNode, type ScoringSchemeInput } from '@kd/domain';
import { framework, shippedFrameworkJson } from '@kd/domain/scoring/catalogue';
import { member, r2025, scored, vietnameseLetter } from '../evaluation/fixtures';

const all = [1, 2, 3, 4, 5].map(framework);
const nodes = (f: Framework): FrameworkNode[] => {
  const walk = (n: FrameworkNode): FrameworkNode[] => [n, ...(n.items ?? []).flatMap(walk)];
  return f.groups.flatMap((g) => g.criteria.flatMap(walk));
};
const sectors = framework(4).variants!.options.map((o) => o.key);

/** A province scheme for Phụ lục 4: 18 / 4 / 8 over the general criteria, 70 for each sector's task criterion. */
const pl4 = (points: ScoringSchemeInput['points'] = {}, extra: Partial<ScoringSchemeInput> = {}) =>
  ScoringScheme.parse({
    id: 'tinh-x-pl4', appendix: 4, level: 'province', title: 'Thang điểm Phụ lục 4 của Tỉnh ủy', source: 'HD 05-HD/TU mục 2',
    points: { 'I.1': 18, 'I.2': 4, 'I.3': 8, ...Object.fromEntries(sectors.map((_, i) => [`II.${i + 1}`, 70])), ...points },
    ...extra,
  });
const issuesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    return (e as { details: { issues: string[] } }).details.issues;
  }
  return [];
};

describe('criteria frameworks of QĐ 366 Phụ lục 1–5 as data', () => {
  it('five frameworks, each 30 general + 70 task points, every text NFC Vietnamese, codes unique', () => {
    expect(Object.keys(shippedFrameworkJson)).toEqual(['1', '2', '3', '4', '5']);
    for (const f of all) {
      expect(Framework.safeParse(shippedFrameworkJson[f.appendix]).success).toBe(true);
      expect(f.groups.map((g) => [g.code, g.title, g.maxPoints])).toEqual([['I', 'Nhóm tiêu chí chung', 30], ['II', 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', 70]]);
      expect(f.source).toMatch(new RegExp(`^QĐ 366-QĐ/TW Điều 10 khoản \\d; Phụ lục ${f.appendix}$`));
      const codes = nodes(f).map((n) => n.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const n of nodes(f)) {
        expect(n.text).toBe(n.text.normalize('NFC'));
        expect(n.text, n.code).toMatch(vietnameseLetter);
      }
    }
  });

  it('keeps the structure the sources reproduce (Phụ lục 4: 10 items; 4 areas of 4, 2, 3, 3; 9 sectors)', () => {
    const f = framework(4);
    const [i1, i2, i3] = f.groups[0].criteria;
    expect(i1!.text).toBe('Về chính trị, phẩm chất đạo đức và ý thức tổ chức kỷ luật');
    expect(i1!.items).toHaveLength(10);
    expect(i2!.items!.map((a) => a.items?.length)).toEqual([4, 2, 3, 3]);
    expect(i3!.text).toBe('Về tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm');
    expect(f.groups[1].criteria.map((c) => c.variant)).toEqual(sectors);
    expect(f.groups[1].criteria[6]!.text).toBe('Khối đơn vị sự nghiệp công lập tập trung đánh giá về:');
    expect(framework(1).groups.map((g) => g.criteria.length)).toEqual([6, 2]);
    expect(framework(1).groups[1].criteria[0]!.items!.map((i) => i.variant)).toEqual(sectors);
    expect(framework(5).groups[1].criteria.map((c) => c.code)).toEqual(['II.1', 'II.2', 'II.3']);
    expect(framework(3).groups[0].criteria[2]!.items!.map((a) => a.text)).toEqual([
      'Năng lực lãnh đạo, quản lý', 'Năng lực chuyên môn, nghiệp vụ theo vị trí việc làm', 'Khả năng đáp ứng yêu cầu thực thi nhiệm vụ được giao',
      'Thái độ công tác trong thực hiện nhiệm vụ', 'Tinh thần đổi mới sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung',
    ]);
  });

  it('leaves open, without invented items, what the sources did not reproduce (Phụ lục 2 and 3, task results)', () => {
    for (const [appendix, count] of [[2, 11], [3, 3]] as const) {
      const open = framework(appendix).groups[1].criteria;
      expect(open).toHaveLength(count);
      for (const c of open) expect([c.open, c.items]).toEqual([true, undefined]);
    }
    for (const appendix of [1, 4, 5]) expect(nodes(framework(appendix)).some((n) => n.open)).toBe(false);
  });
});

describe('scoring schemes: points per criterion inside 30 and 70 (HD 43 mục 7.12)', () => {
  it('a province scheme with fixed points resolves; a public-service member scores four lines', () => {
    const scheme = resolveScoringScheme(framework(4), pl4());
    expect(scheme.schemeIds).toEqual(['tinh-x-pl4']);
    expect(sheetLines(scheme, 'publicService').map((l) => [l.code, l.max])).toEqual([['I.1', 18], ['I.2', 4], ['I.3', 8], ['II.7', 70]]);
  });

  it('a criterion split over its items is scored item by item', () => {
    const scheme = resolveScoringScheme(framework(4), pl4({ 'II.7.1': 45, 'II.7.2': 25, 'I.1.1': 2, 'I.1.2': 2, 'I.1.3': 2, 'I.1.4': 2, 'I.1.5': 2, 'I.1.6': 2, 'I.1.7': 1, 'I.1.8': 1, 'I.1.9': 2, 'I.1.10': 2 }));
    const lines = sheetLines(scheme, 'publicService');
    expect(lines.map((l) => l.code)).toEqual(['I.1.1', 'I.1.2', 'I.1.3', 'I.1.4', 'I.1.5', 'I.1.6', 'I.1.7', 'I.1.8', 'I.1.9', 'I.1.10', 'I.2', 'I.3', 'II.7.1', 'II.7.2']);
    expect(lines.at(-1)!.text).toBe('Giao tiếp chuẩn mực, văn minh; hợp tác tốt với đồng nghiệp.');
    // Another sector still scores its criterion as a whole.
    expect(sheetLines(scheme, 'judiciary').at(-1)).toMatchObject({ code: 'II.6', max: 70 });
  });

  it('refuses points that do not add up, missing criteria, half-split criteria and codes outside the framework', () => {
    const issues = schemeIssues(framework(4), pl4({ 'I.1': 17, 'II.9': 60, 'II.7.1': 45, 'I.2.1.1': 1, 'I.9': 3 }));
    expect(issues).toEqual([
      'Mã I.2.1.1 không phải là tiêu chí hoặc nội dung trực tiếp của tiêu chí trong Phụ lục 4.',
      'Mã I.9 không phải là tiêu chí hoặc nội dung trực tiếp của tiêu chí trong Phụ lục 4.',
      'Nhóm tiêu chí chung (khối cơ quan tham mưu của đảng): tổng điểm các tiêu chí là 29, phải bằng 30.',
      'Nhóm tiêu chí chung (khối cơ quan hành chính nhà nước): tổng điểm các tiêu chí là 29, phải bằng 30.',
      ...issues.slice(4, 11),
      'Tiêu chí II.7 (khối đơn vị sự nghiệp công lập) đã chia điểm cho nội dung nhưng còn thiếu: II.7.2.',
      'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ (khối cơ quan các hội quần chúng được đảng và nhà nước giao nhiệm vụ): tổng điểm các tiêu chí là 60, phải bằng 70.',
    ]);
    const { 'I.3': _, ...withoutI3 } = pl4().points;
    expect(schemeIssues(framework(4), { ...pl4(), points: withoutI3 })).toContain('Tiêu chí I.3 chưa có điểm.');
    expect(() => resolveScoringScheme(framework(4), pl4({ 'I.1': 17 }))).toThrow(expect.objectContaining({ code: 'SCORING_SCHEME_INVALID', kind: 'unprocessable' }));
    expect(schemeIssues(framework(5), pl4())).toContain('Thang điểm dành cho Phụ lục 4, không phải Phụ lục 5.');
  });

  it('a bloc chooses within the province’s ranges and may split criteria, nothing else', () => {
    const province = pl4({ 'I.1': { min: 10, max: 20 }, 'I.2': { min: 2, max: 10 } });
    expect(schemeIssues(framework(4), province)).toEqual([]);
    expect(issuesOf(() => resolveScoringScheme(framework(4), province))[0]).toBe('Tiêu chí I.1: thang điểm của tỉnh để khung 10–20, cần thang điểm của khối để chấm.');
    const bloc = (points: ScoringSchemeInput['points']) =>
      ScoringScheme.parse({ id: 'khoi-co-quan', appendix: 4, level: 'bloc', parentId: 'tinh-x-pl4', title: 'Thang điểm của Đảng ủy khối', source: 'HD 02-HD/ĐUK', points });
    const ok = resolveScoringScheme(framework(4), province, bloc({ 'I.1': 18, 'I.2': 4, 'II.7.1': 50, 'II.7.2': 20 }));
    expect(ok.schemeIds).toEqual(['tinh-x-pl4', 'khoi-co-quan']);
    expect(sheetLines(ok, 'publicService').map((l) => [l.code, l.max])).toEqual([['I.1', 18], ['I.2', 4], ['I.3', 8], ['II.7.1', 50], ['II.7.2', 20]]);
    expect(schemeIssues(framework(4), bloc({ 'I.1': 22, 'I.2': 0 }), province)).toEqual([
      'Tiêu chí I.1: điểm của khối phải là một số trong khung 10–20 của tỉnh.',
      'Tiêu chí I.2: điểm của khối phải là một số trong khung 2–10 của tỉnh.',
      ...schemeIssues(framework(4), bloc({ 'I.1': 22, 'I.2': 0 }), province).slice(2),
    ]);
    expect(schemeIssues(framework(4), bloc({ 'I.1': 18 }), province)).toContain('Tiêu chí I.2: chưa chọn điểm trong khung 2–10 của tỉnh.');
    expect(schemeIssues(framework(4), bloc({ 'I.1': 17, 'I.2': 4, 'I.3': 9 }), province)).toContain('Tiêu chí I.3: điểm của khối phải là một số trong khung 8–8 của tỉnh.');
    expect(schemeIssues(framework(4), bloc({ 'II.7.1': 50, 'II.7.2': 20 }), pl4())).toEqual([]);
    expect(schemeIssues(framework(4), bloc({ 'I.4': 3 }), pl4())).toContain('Mã I.4: khối chỉ chia điểm cho nội dung của tiêu chí, không thêm tiêu chí.');
    expect(schemeIssues(framework(4), bloc({ 'I.1': 18, 'I.2': 4 }), { ...province, id: 'tinh-khac' })[0]).toMatch(/phải nằm trong thang điểm tinh-x-pl4/);
  });

  it('the province writes the items the sources left open (Phụ lục 3), only there', () => {
    const scheme = (addedItems: ScoringSchemeInput['addedItems'], points: ScoringSchemeInput['points'] = {}) =>
      ScoringScheme.parse({
        id: 'tinh-x-pl3', appendix: 3, level: 'province', title: 'Thang điểm Phụ lục 3', source: 'HD 05-HD/TU mục 3',
        points: { 'I.1': 6, 'I.2': 6, 'I.3': 10, 'I.4': 4, 'I.5': 4, 'II.1': 30, 'II.2': 25, 'II.3': 15, ...points }, addedItems,
      });
    const items = [
      { parent: 'II.1', code: 'II.1.1', text: 'Nội dung thứ nhất do Ban Thường vụ Tỉnh ủy cụ thể hóa' },
      { parent: 'II.1', code: 'II.1.2', text: 'Nội dung thứ hai do Ban Thường vụ Tỉnh ủy cụ thể hóa' },
    ];
    const resolved = resolveScoringScheme(framework(3), scheme(items, { 'II.1.1': 20, 'II.1.2': 10 }));
    expect(sheetLines(resolved, null).filter((l) => l.group === 'II').map((l) => [l.code, l.text, l.max])).toEqual([
      ['II.1.1', items[0]!.text, 20], ['II.1.2', items[1]!.text, 10],
      ['II.2', 'Kết quả lãnh đạo, chỉ đạo, điều hành, tổ chức thực hiện nhiệm vụ trong phạm vi phụ trách.', 25],
      ['II.3', expect.stringMatching(/^Kết quả đánh giá, xếp loại chất lượng của tập thể/), 15],
    ]);
    expect(framework(3).groups[1].criteria[0]!.items).toBeUndefined(); // the shipped framework is untouched
    expect(schemeIssues(framework(3), scheme([{ parent: 'I.1', code: 'I.1.7', text: 'Nội dung thêm' }]))[0]).toMatch(/I\.1 không phải tiêu chí như vậy/);
  });
});

describe('a filled sheet: points within each line’s maximum, totals on 30, 70 and 100', () => {
  const scheme = resolveScoringScheme(framework(4), pl4());

  it('totals a complete sheet; the totals flow into the member’s facts and the r2025 evaluation', () => {
    const result = scoreSheet(scheme, { variant: 'publicService', scores: { 'I.1': 17.5, 'I.2': 3.5, 'I.3': 8, 'II.7': 62 } });
    expect([result.general, result.tasks, result.total]).toEqual([29, 62, 91]);
    const e = evaluateMember({
      rulebook: r2025, member: member(), year: 2025, ratingDate: '2025-12-20',
      facts: scored(result.general, result.tasks, { selfScore: result.total, exceedingPercent: 40, decided: 'excellent' }),
    });
    expect(e).toMatchObject({ score: 91, final: 'excellent' });
  });

  it('refuses a score above its line, a line the subject does not score, and a missing line (a draft may leave lines empty)', () => {
    const bad = () => scoreSheet(scheme, { variant: 'publicService', scores: { 'I.1': 19, 'I.2': 3, 'II.6': 50 } });
    expect(bad).toThrow(expect.objectContaining({ code: 'SCORE_SHEET_INVALID', kind: 'unprocessable' }));
    expect(issuesOf(bad)).toEqual([
      'Dòng II.6 không có trong bảng chấm điểm của đối tượng này.',
      'Dòng I.1: 19 điểm vượt mức tối đa 18.',
      'Dòng I.3 chưa có điểm.',
      'Dòng II.7 chưa có điểm.',
    ]);
    expect(scoreSheet(scheme, { variant: 'publicService', scores: { 'I.1': 18 } }, { complete: false })).toMatchObject({ general: 18, tasks: 0, total: 18 });
  });

  it('needs the subject’s sector where the framework has sectors, and none where it has not', () => {
    expect(() => scoreSheet(scheme, { scores: {} }, { complete: false })).toThrow(expect.objectContaining({ code: 'SCORE_SHEET_INVALID' }));
    expect(() => scoreSheet(scheme, { variant: 'astrology', scores: {} }, { complete: false })).toThrow(expect.objectContaining({ code: 'SCORE_SHEET_INVALID' }));
    const pl5 = resolveScoringScheme(framework(5), ScoringScheme.parse({
      id: 'tinh-x-pl5', appendix: 5, level: 'province', title: 'Thang điểm Phụ lục 5', source: 'HD 05-HD/TU', points: { 'I.1': 20, 'I.2': 10, 'II.1': 30, 'II.2': 20, 'II.3': 20 },
    }));
    expect(scoreSheet(pl5, { scores: { 'I.1': 20, 'I.2': 9, 'II.1': 30, 'II.2': 18, 'II.3': 20 } }).total).toBe(97);
    expect(() => scoreSheet(pl5, { variant: 'publicService', scores: {} }, { complete: false })).toThrow(expect.objectContaining({ code: 'SCORE_SHEET_INVALID' }));
  });

  it('reports errors as 422 with Vietnamese messages', () => {
    expect(() => scoreSheet(scheme, { variant: 'publicService', scores: { 'I.1': 30 } })).toThrow(
      expect.objectContaining({ code: 'SCORE_SHEET_INVALID', message: expect.stringMatching(vietnameseLetter) }),
    );
  });
});

describe('which form applies to whom (HD 43 mục 2.1)', () => {
  it.each([
    [{ kind: 'collective' }, { form: '01', appendix: 1 }],
    [{ kind: 'member', worksInPoliticalSystem: true, holdsLeadershipPost: true }, { form: '2A', appendix: 3 }],
    [{ kind: 'member', worksInPoliticalSystem: true, holdsLeadershipPost: true, centrallyManaged: true }, { form: '2A', appendix: 2 }],
    [{ kind: 'member', worksInPoliticalSystem: true, holdsLeadershipPost: false }, { form: '2B', appendix: 4 }],
    [{ kind: 'member', worksInPoliticalSystem: false, holdsLeadershipPost: false }, { form: '2C', appendix: 5 }],
    [{ kind: 'member', worksInPoliticalSystem: false, holdsLeadershipPost: true }, { form: '2C', appendix: 5 }],
  ] as const)('%j → %j', (subject, expected) => {
    expect(reviewFormFor(subject)).toEqual(expected);
  });
});
