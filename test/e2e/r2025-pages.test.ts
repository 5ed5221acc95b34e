import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { Campaign, MemberFacts } from '@kd/domain';
import { commitResults, putCampaign } from '@kd/data';
import { identities } from '../support/fixture';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { docxToText } from '../support/office';

/**
 * The 100-point regime on the pages, in Chromium: a province sets the points per criterion, the
 * cell keys in Mẫu 01/2A/2B/2C, the forms are downloaded and read back by LibreOffice, and the
 * cell's upload shows the same scores; the province changes its overlay in the form and sees
 * the dossiers it re-evaluates.
 */
let h: BrowserHarness;
let dir: string;
const year = 2026;
const actor = { sub: 's', name: 'Hồ Thị Mai', role: 'cell_secretary', unit: 'c3' };
const api = (path: string, as: (typeof identities)[keyof typeof identities], method = 'GET', body?: unknown) =>
  h.t.request(`/api/v1/campaigns/${year}/units/${path}`, { as, method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

beforeAll(async () => {
  h = await startBrowserHarness('e2e-r2025', {
    now: '2026-12-15T03:00:00.000Z',
    seed: async (store) => {
      await putCampaign(store, 't1', Campaign.parse({ year, rulebookId: 'r2025', ratingDate: '2026-12-31' }));
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'kd-r2025-'));
}, 180_000);

afterAll(async () => {
  await h?.close();
});

/** Points a province gives each criterion (each group adds up to 30 and 70, per sector where the framework splits). */
const schemes: Record<number, Record<string, number>> = {
  1: { 'I.1': 5, 'I.2': 5, 'I.3': 5, 'I.4': 5, 'I.5': 5, 'I.6': 5, 'II.1': 50, 'II.2': 20 },
  3: { 'I.1': 6, 'I.2': 6, 'I.3': 8, 'I.4': 5, 'I.5': 5, 'II.1': 30, 'II.2': 20, 'II.3': 20 },
  4: { 'I.1': 12, 'I.2': 10, 'I.3': 8, ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`II.${i + 1}`, 70])) },
  5: { 'I.1': 20, 'I.2': 10, 'II.1': 30, 'II.2': 20, 'II.3': 20 },
};
/** What the cell keys in, and the totals the forms must show. */
const sheets = [
  { who: 'M001', path: 'c1/members/M001', form: '2A', code: 'Mẫu 02A-HD KĐ.ĐG 2025', scores: { 'I.1': 6, 'I.2': 5, 'I.3': 7, 'I.4': 5, 'I.5': 4, 'II.1': 28, 'II.2': 19, 'II.3': 18 }, general: '27', tasks: '65', total: '92' },
  { who: 'M002', path: 'c1/members/M002', form: '2B', code: 'Mẫu 02B-HD KĐ.ĐG 2025', scores: { 'I.1': 11, 'I.2': 9.5, 'I.3': 7, 'II.2': 62 }, general: '27,5', tasks: '62', total: '89,5' },
  { who: 'M003', path: 'c1/members/M003', form: '2C', code: 'Mẫu 2C-HD KĐ.ĐG 2025', scores: { 'I.1': 18, 'I.2': 9, 'II.1': 27, 'II.2': 18, 'II.3': 17 }, general: '27', tasks: '62', total: '89' },
  { who: 'c1', path: 'c1', form: '01', code: 'Mẫu 01-HD KĐ.ĐG 2025', scores: { 'I.1': 5, 'I.2': 5, 'I.3': 4, 'I.4': 5, 'I.5': 4, 'I.6': 5, 'II.1': 45, 'II.2': 18 }, general: '28', tasks: '63', total: '91' },
] as const;

async function download(page: Page, testId: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  const path = join(dir, name);
  await file.saveAs(path);
  return path;
}

describe('scoring sheets on pages, as Word files, and into the results (Chromium, LibreOffice)', () => {
  it('the province sets the points of Phụ lục 4 in the form; the others through the API', async () => {
    const page = await h.login('id-p1');
    await page.goto(`${h.url}/campaigns/${year}/units/p1/scoring/4`);
    // A wrong sum is refused with the problem named, and nothing is stored.
    for (const [code, points] of Object.entries(schemes[4]!)) await page.fill(`[data-testid="points-${code}"]`, String(code === 'I.1' ? 13 : points));
    await page.fill('[data-testid="scheme-source"]', 'Hướng dẫn 05-HD/TU ngày 10/11/2026 của Ban Thường vụ Tỉnh ủy');
    await page.click('[data-testid="save-scheme"]');
    expect(await page.locator('[data-testid="flash-error"]').textContent()).toContain('phải bằng 30');
    expect(await page.locator('[data-testid="points-I.1"]').inputValue()).toBe('');
    for (const [code, points] of Object.entries(schemes[4]!)) await page.fill(`[data-testid="points-${code}"]`, String(points));
    await page.fill('[data-testid="scheme-source"]', 'Hướng dẫn 05-HD/TU ngày 10/11/2026 của Ban Thường vụ Tỉnh ủy');
    await page.click('[data-testid="save-scheme"]');
    await page.waitForSelector('[data-testid="flash-ok"]');
    for (const appendix of [1, 3, 5]) {
      const res = await api(`p1/scoring-schemes/${appendix}`, identities.province, 'PUT', { source: 'Hướng dẫn 05-HD/TU', points: schemes[appendix], rev: 0 });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const audit = await (await h.t.request('/api/v1/units/p1/audit', { as: identities.province })).json();
    expect(audit.entries.filter((a: { action: string }) => a.action === 'scoring.scheme')).toHaveLength(4);
    await page.close();
  });

  it('the cell keys in Mẫu 2A, 2B, 2C and 01 on the pages; each downloads and LibreOffice reads back the points', async () => {
    const page = await h.login('id-c1');
    for (const s of sheets) {
      await page.goto(`${h.url}/campaigns/${year}/units/${s.path}/score-sheet`);
      if (s.who === 'M003') {
        // The roster suggests 2B (a unit of the agency sector); the cell chooses 2C for a retired member.
        expect(await page.locator('[data-testid="sheet-form"]').inputValue()).toBe('2B');
        await page.selectOption('[data-testid="sheet-form"]', '2C');
        await page.locator('[data-testid="sheet-choose"] button').click();
      }
      if (s.who === 'M001') expect(await page.locator('[data-testid="sheet-form"]').inputValue()).toBe('2A');
      await page.waitForSelector('[data-testid="sheet-lines"]');
      for (const [code, points] of Object.entries(s.scores)) await page.fill(`[data-testid="score-${code}"]`, String(points));
      await page.selectOption('[data-testid="sheet-proposed"]', 'good');
      await page.click('[data-testid="save-sheet"]');
      await page.waitForSelector('[data-testid="flash-ok"]');
      expect(await page.locator('[data-testid="sheet-total"]').textContent(), s.who).toBe(s.total);
      const text = await docxToText(await download(page, 'sheet-docx', `${s.who}.docx`));
      expect(text, s.who).toContain(s.code);
      expect(text.replace(/\s+/g, ' '), s.who).toContain(`Tổng điểm: ${s.total}/100`);
      expect(text.replace(/\s+/g, ' '), s.who).toContain(`${s.general}/30`);
      expect(text.replace(/\s+/g, ' '), s.who).toContain(`${s.tasks}/70`);
      expect(text, s.who).toContain('☒ Hoàn thành tốt nhiệm vụ');
    }
    await page.close();
  });

  it('the cell’s upload of its template then shows the same scores, and the collective’s evaluation its sheet’s', async () => {
    const template = await h.t.request(`/api/v1/campaigns/${year}/units/c1/results-template`, { as: identities.cell });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await template.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const column = (header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (!['M001', 'M002', 'M003'].includes(String(row.getCell(1).value))) continue;
      row.getCell(column('Tỷ lệ hoàn thành nhiệm vụ (%)')).value = 100;
      row.getCell(column('Chi bộ xếp loại')).value = 'Hoàn thành tốt nhiệm vụ';
    }
    const res = await h.t.request(`/api/v1/campaigns/${year}/units/c1/results?dryRun=false`, {
      as: identities.cell, method: 'POST', body: new Uint8Array(await wb.xlsx.writeBuffer()), headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = await res.json();
    expect(answer.errors).toEqual([]);
    const score = (id: string) => answer.evaluations.find((e: { memberId: string }) => e.memberId === id).score;
    expect([score('M001'), score('M002'), score('M003')]).toEqual([92, 89.5, 89]);
    expect((await (await api('c1/members/M002/evaluation', identities.cell)).json())).toMatchObject({ score: 89.5, rated: true, final: 'good' });
    expect((await (await api('c1/evaluation', identities.cell)).json())).toMatchObject({ score: 91 });
    // An upload that contradicts a sheet is refused, naming the row and the column.
    const bad = `Mã đảng viên,Điểm tiêu chí chung\r\nM002,29\r\n`;
    const refused = await (await h.t.request(`/api/v1/campaigns/${year}/units/c1/results?dryRun=true`, { as: identities.cell, method: 'POST', body: bad, headers: { 'content-type': 'text/csv' } })).json();
    expect(refused.errors).toEqual([expect.objectContaining({ row: 2, column: 'Điểm tiêu chí chung', code: 'SCORES_FROM_SHEET' })]);
  });
});

describe('the province changes its overlay in the form (R-QUOTA share 0.25)', () => {
  it('shows on the rulebook page, lists the dossiers it re-evaluates, flags them for the appraisal, and the audit keeps before and after', async () => {
    // Đảng ủy Sở Tài chính (bc2) sent up its dossier: 2 excellent and 12 good below it, within a cap of 2 at 20 %.
    for (let i = 1; i <= 13; i++) {
      const res = await h.t.request('/api/v1/units/c3/members', { as: identities.otherCell, method: 'POST', body: JSON.stringify({ id: `Q${i}`, fullName: `Trần Văn Quý ${i}`, admittedOn: '2012-01-01', officialOn: '2013-01-01' }) });
      expect(res.status).toBe(201);
    }
    const scored = (general: number, tasks: number, decided: 'excellent' | 'good') =>
      MemberFacts.parse({ generalScore: general, taskScore: tasks, taskCompletionPercent: 100, exceedingPercent: 40, decided });
    await commitResults(h.store, 't1', 'c3', year, ['M011', ...Array.from({ length: 13 }, (_, i) => `Q${i + 1}`)].map((memberId, i) => ({ memberId, facts: i < 2 ? scored(28, 65, 'excellent') : scored(25, 55, 'good') })), { actor, at: '2026-12-10T01:00:00Z' });
    expect((await api('bc2/collective', identities.otherBaseCommittee, 'PUT', { decided: 'good', scores: { general: 25, tasks: 55 }, taskCompletionPercent: 100 })).status).toBe(200);
    const r = await (await api('bc2/review', identities.otherBaseCommittee)).json();
    expect(r.blocking).toEqual([]);
    expect((await api('bc2/submit', identities.otherBaseCommittee, 'POST', { rev: r.dossier.rev })).status).toBe(200);

    const page = await h.login('id-p1');
    await page.goto(`${h.url}/campaigns/${year}/units/p1/rulebook`);
    const quotaRow = page.locator('tr[data-rule="R-QUOTA-01.base"]');
    expect(await quotaRow.locator('[data-testid="interpretation"]').textContent()).toContain('Cách hiểu của hệ thống');
    await page.fill('[data-testid="param-R-QUOTA-01.base-ratioPercent"]', '25');
    await page.fill('[data-testid="overlay-source"]', 'Hướng dẫn 05-HD/TU ngày 10/11/2026 của Ban Thường vụ Tỉnh ủy, mục 3');
    await page.click('[data-testid="overlay-preview"]');
    await page.waitForSelector('[data-testid="preview-affected"]');
    expect(await page.locator('[data-testid="preview-patches"]').textContent()).toContain('R-QUOTA-01.base: Tỷ lệ tối đa (% số Hoàn thành tốt): 25');
    const affected = page.locator('[data-testid="preview-affected"] tr[data-unit="bc2"]');
    expect(await affected.textContent()).toContain('tối đa 2 → 3');
    // Nothing changed yet: the rules in force are the national ones until the board confirms.
    expect((await (await api('bc2/evaluation', identities.province)).json()).quota).toMatchObject({ cap: 2 });
    await page.click('[data-testid="overlay-confirm"]');
    await page.waitForSelector('[data-testid="flash-ok"]');
    expect(await page.locator('[data-testid="local-overlay"]').textContent()).toContain('phiên bản 1');
    const changed = page.locator('tr[data-rule="R-QUOTA-01.base"]');
    expect(await changed.getAttribute('class')).toContain('local');
    expect(await changed.locator('[data-testid="changes"]').textContent()).toContain('Tỉnh sửa');
    expect(await changed.locator('[data-param="ratioPercent"]').textContent()).toContain('25');
    expect(await page.locator('[data-testid="overlay-affected"] tr[data-unit="bc2"]').count()).toBe(1);
    expect((await (await api('bc2/evaluation', identities.province)).json()).quota).toMatchObject({ excellent: 2, good: 12, cap: 3 });

    // The appraising level sees the flag; the violation links of the review page lead to the rule's anchor.
    const bloc = await h.login('id-b1');
    await bloc.goto(`${h.url}/campaigns/${year}/units/b1/appraisal`);
    expect(await bloc.locator('[data-testid="reevaluated-bc2"]').textContent()).toContain('phiên bản 1');
    await bloc.goto(`${h.url}/campaigns/${year}/units/c1/review`);
    const link = bloc.locator('[data-rule-link]').first();
    const rule = await link.getAttribute('data-rule-link');
    await link.click();
    await bloc.waitForSelector(`#rule-${rule}`);
    expect(new URL(bloc.url()).hash).toBe(`#rule-${rule}`);

    const audit = await (await h.t.request('/api/v1/units/p1/audit', { as: identities.province })).json();
    expect(audit.entries.find((a: { action: string }) => a.action === 'rulebook.overlay')).toMatchObject({
      before: null,
      after: { version: 1, patches: [{ id: 'R-QUOTA-01', clause: 'base', params: { ratioPercent: 25 } }], affected: ['bc2'] },
    });
    await page.close();
    await bloc.close();
  });
});
