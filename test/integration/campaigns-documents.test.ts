import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTY_NAME, ratingMinutesTitle, selfReviewHeadings, SIGN_HINT, selfReviewLabels } from '@kd/domain';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture, t1Members, t1Units } from '../support/fixture';
import { collapse, docxToText } from '../support/office';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';
import { campaignApi } from './campaigns-helpers';

let t: TestApp;
let api: ReturnType<typeof campaignApi>;
let dir: string;
const { cell } = identities;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  const store = await createTestStore('campaigns-docs');
  await seedFixture(store);
  await seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z');
  t = await createTestApp(store, '2021-12-20T02:00:00.000Z');
  api = campaignApi(t);
  dir = await mkdtemp(join(tmpdir(), 'kd-campaign-docs-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function download(path: string, name: string): Promise<string> {
  const res = await api.send(cell, path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(DOCX);
  const file = join(dir, name);
  await writeFile(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

describe('Word documents of the review, through the API', () => {
  it('a generated self-review opens in LibreOffice with the party header, every Mẫu 2A heading and the signature block', async () => {
    const saved = await api.send(cell, `${api.base('c1')}/members/M001/self-review`, 'PUT', {
      sections: { politicalThought: 'Kiên định lập trường, tư tưởng chính trị; chấp hành nghiêm chủ trương của Đảng.', remedies: 'Tăng cường học tập lý luận chính trị.' },
      checklist: [{ code: 'NQ04.01', answer: 'khong' }, { code: 'NQ04.04', answer: 'daKhacPhuc', note: 'Đã khắc phục trong quý III' }],
      rev: 0,
    });
    expect(saved.status).toBe(200);
    const file = await download(`${api.base('c1')}/members/M001/self-review.docx`, 'self-review.docx');
    const text = collapse(await docxToText(file));
    expect(text).toContain(PARTY_NAME);
    expect(text).toContain('ĐẢNG ỦY SỞ Y TẾ');
    expect(text).toContain('CHI BỘ BỆNH VIỆN PHỔI');
    expect(text).toContain('Thử Nghiệm, ngày 20 tháng 12 năm 2021');
    expect(text).toContain(`${selfReviewLabels.title} Năm 2021 ${selfReviewLabels.form}`);
    expect(text).toContain('Họ và tên: Lê Hồng Vũ');
    // The secretary is a committee member: the cấp ủy viên part is printed too.
    for (const heading of selfReviewHeadings(true)) expect(text).toContain(collapse(heading));
    expect(text).toContain('Kiên định lập trường, tư tưởng chính trị');
    expect(text).toContain(`${selfReviewLabels.reviewer} ${SIGN_HINT} Lê Hồng Vũ`);
    expect(text).toContain('Tự nhận mức xếp loại chất lượng đảng viên năm 2021: Hoàn thành tốt nhiệm vụ');
  }, 120_000);

  it('the minutes of the cell meeting need the meeting recorded, then open in LibreOffice', async () => {
    expect((await api.send(cell, `${api.base('c1')}/rating-minutes.docx`)).status).toBe(422);
    const r = await api.review(cell, 'c1');
    const rec = await api.send(cell, `${api.base('c1')}/cell-meeting`, 'POST', {
      heldOn: '2021-12-20', startTime: '07:30', location: 'Hội trường Bệnh viện Phổi', chairMemberId: 'M001', clerkMemberId: 'M009', rev: r.dossier.rev,
    });
    expect(rec.status).toBe(200);
    const text = collapse(await docxToText(await download(`${api.base('c1')}/rating-minutes.docx`, 'minutes.docx')));
    expect(text).toContain(PARTY_NAME);
    expect(text).toContain(ratingMinutesTitle(2021));
    expect(text).toContain('Thời gian: Vào lúc 07 giờ 30 phút, ngày 20/12/2021.');
    expect(text).toContain('Chủ trì: đồng chí Lê Hồng Vũ, Bí thư.');
    expect(text).toContain('Lý Thị Bình');
  }, 120_000);
});
