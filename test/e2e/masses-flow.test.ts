import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Identity } from '@kd/api';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { identities } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { enableMasses, recordBody } from '../support/masses';
import { collapse, docxParagraphs, docxToText, officeAvailable } from '../support/office';

/**
 * Self-criticism before the masses in Chromium (issue 15): a cell secretary plans a session,
 * records it, notes oral and written comments (one dissenting), hands out single-use codes whose
 * phone form the masses fill without an account, classes the comments, assigns remediation and
 * signs the minutes; the bloc's Biểu 5 shows it. Along the way every written comment is sent with
 * markers in X-Forwarded-For, User-Agent and an extra field, and afterwards every stored item,
 * answer, page, export, Word file and log line of the run is searched for them.
 */
const MARKERS = { xff: 'xff-mark-4f1c9e', ua: 'ua-mark-b27d05', field: 'field-mark-93ae61' };
const year = 2020;
const api = `/api/v1/campaigns/${year}/units/c1`;
const pagePath = `/campaigns/${year}/units/c1/masses`;

let h: BrowserHarness;
/** Everything the run showed or wrote: answers, pages, files' text, log lines. */
const seen: string[] = [];
const logLines: string[] = [];
const restore: (() => void)[] = [];

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      logLines.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(' '));
      original.apply(console, args);
    };
    restore.push(() => (console[level] = original));
  }
  h = await startBrowserHarness('e2e-masses', {
    stream: true,
    now: '2020-11-12T07:00:00.000Z',
    seed: async (store) => {
      await putTestCampaign(store, 't1', year);
      await enableMasses(store, 't1');
    },
  });
  const opened = await h.t.request(`/api/v1/campaigns/${year}/masses`, { method: 'POST', as: identities.bloc, body: JSON.stringify({ sessionsBy: '2020-11-15', baseReportBy: '2020-11-20', blocReportBy: '2020-11-30' }) });
  expect(opened.status).toBe(201);
  const workplace = await h.t.request(`${api}/workplace`, { method: 'PUT', as: identities.cell, body: JSON.stringify({ name: 'Bệnh viện Phổi Trà Vinh', staff: { permanent: 6, shortTerm: 4 } }) });
  expect(workplace.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await h?.close();
  for (const r of restore) r();
});

/** A text answer of the API, kept for the search. */
async function callApi(path: string, init: RequestInit & { as?: Identity } = {}) {
  const res = await h.t.request(path, init);
  const text = await res.text();
  seen.push(text);
  return { status: res.status, text, json: () => JSON.parse(text) };
}

/** A file of the API, its XML parts' text kept for the search. */
async function fileOf(path: string, as: Identity = identities.cell): Promise<Buffer> {
  const res = await h.t.request(path, { as });
  expect(res.status, path).toBe(200);
  const buffer = Buffer.from(await res.arrayBuffer());
  seen.push(await zipText(buffer));
  return buffer;
}

async function zipText(zip: Buffer): Promise<string> {
  const yauzl = await import('yauzl');
  return new Promise((resolve, reject) => {
    const parts: string[] = [];
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('not a zip'));
      file.on('entry', (entry: import('yauzl').Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(entry.fileName));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.push(Buffer.concat(chunks).toString('utf8'));
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(parts.join('\n')));
      file.readEntry();
    });
  });
}

async function keep(page: Page): Promise<void> {
  seen.push(await page.content());
}

async function flashOk(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="flash-ok"], [data-testid="flash-error"]');
  const error = await page.locator('[data-testid="flash-error"]').count();
  if (error > 0) throw new Error(`flash error: ${await page.locator('[data-testid="flash-error"]').textContent()}`);
  await keep(page);
}

let sessionPath = '';
let sessionId = '';
let codes: string[] = [];

describe('a session before the masses in Chromium', () => {
  it('plans, records, takes oral and written comments, classes them, assigns remediation and signs the minutes', async () => {
    const page = await h.login('id-c1');
    await page.goto(h.url + pagePath);
    expect(await page.locator('[data-testid="counted-masses"]').textContent()).toContain('6');
    await keep(page);

    // Plan.
    const plan = page.locator('[data-testid="plan-form"]');
    await plan.locator('input[name="startsAt"]').fill('2020-11-12T08:00');
    await plan.locator('input[name="place"]').fill('Hội trường Bệnh viện Phổi');
    await page.click('[data-testid="plan-session"]');
    await flashOk(page);
    expect(await page.locator('[data-testid="session-state"]').getAttribute('data-state')).toBe('planned');
    sessionPath = new URL(page.url()).pathname;
    sessionId = sessionPath.split('/').at(-1)!;

    // Record: two members self-criticise, one absent with a reason.
    const record = page.locator('[data-testid="record-form"]');
    await record.locator('input[name="endsAt"]').fill('2020-11-12T11:00');
    await record.locator('input[name="massesPresent"]').fill('3');
    await record.locator('input[name="chair"]').fill('Lê Hồng Vũ');
    await record.locator('input[name="clerk"]').fill('Trần Thị Ánh');
    await record.locator('input[name="committeeRepresentative"]').fill('Nguyễn Văn An');
    for (const id of ['M001', 'M002', 'M003']) await record.locator(`input[name="include_${id}"]`).check();
    await record.locator('input[name="summary_M001"]').fill('Lãnh đạo hoàn thành tốt nhiệm vụ; còn chậm giải quyết kiến nghị.');
    await record.locator('select[name="present_M003"]').selectOption('absent');
    await record.locator('input[name="absence_M003"]').fill('Đi công tác theo quyết định của Sở Y tế');
    await page.click('[data-testid="record-session"]');
    await flashOk(page);
    expect(await page.locator('[data-testid="session-state"]').getAttribute('data-state')).toBe('recorded');

    // An oral comment, and a written one from paper, dissenting.
    const comment = async (about: string, channel: string, kind: string, text: string, dissenting: boolean) => {
      const form = page.locator('[data-testid="comment-form"]');
      await form.locator('select[name="about"]').selectOption(about);
      await form.locator('select[name="channel"]').selectOption(channel);
      await form.locator('select[name="kind"]').selectOption(kind);
      await form.locator('textarea[name="text"]').fill(text);
      if (dissenting) await form.locator('input[name="dissenting"]').check();
      await page.click('[data-testid="add-comment"]');
      await flashOk(page);
    };
    await comment('M001', 'oral', 'shortcoming', 'Còn chậm trả lời kiến nghị của người bệnh.', false);
    await comment('M002', 'written', 'shortcoming', 'Tôi không đồng ý với phần tự nhận xét về tác phong.', true);

    // Codes to print: as many as masses present.
    await page.click('[data-testid="issue-codes"]');
    await page.waitForSelector('[data-testid="codes"]');
    codes = (await page.locator('[data-testid="codes"] > div').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(3);
    const formUrl = (await page.locator('strong').first().textContent())!.trim();
    expect(formUrl).toContain('/y-kien?s=');

    // A phone: no account, no cookie of ours, a marked address, browser and extra field.
    const phone = await h.browser.newContext({ userAgent: MARKERS.ua, extraHTTPHeaders: { 'X-Forwarded-For': MARKERS.xff }, viewport: { width: 390, height: 800 } });
    const mobile = await phone.newPage();
    await mobile.goto(formUrl);
    await mobile.fill('#code', codes[0]!);
    await mobile.click('[data-testid="open-form"]');
    await mobile.waitForSelector('#text');
    await mobile.selectOption('#about', 'M001');
    await mobile.check('#k2');
    await mobile.fill('#text', 'Đồng chí cần gần gũi nhân viên hơn.');
    await mobile.evaluate((value) => {
      const extra = document.createElement('input');
      extra.type = 'hidden';
      extra.name = 'author';
      extra.value = value;
      document.querySelector('form')!.appendChild(extra);
    }, MARKERS.field);
    await mobile.click('[data-testid="send-comment"]');
    await mobile.waitForSelector('[data-testid="phone-thanks"]');
    seen.push(await mobile.content());
    expect(await phone.cookies()).toEqual([]);
    // The same code again: refused.
    await mobile.goto(formUrl);
    await mobile.fill('#code', codes[0]!);
    await mobile.click('[data-testid="open-form"]');
    await mobile.waitForSelector('[data-testid="phone-error"]');
    expect(await mobile.locator('[data-testid="phone-error"]').textContent()).toMatch(/đã dùng|đã được dùng|không dùng lại/i);
    seen.push(await mobile.content());
    await phone.close();
    // A phone signed in to the app (a committee member's) has our cookies: its form then carries
    // the session's CSRF token, and the comment is as anonymous as any other.
    await page.goto(formUrl);
    await page.fill('#code', codes[1]!);
    await page.click('[data-testid="open-form"]');
    await page.waitForSelector('#text');
    await page.check('#k3');
    await page.fill('#text', 'Đề nghị công khai lịch tiếp dân.');
    await page.click('[data-testid="send-comment"]');
    await page.waitForSelector('[data-testid="phone-thanks"]');

    // Class the comments (R-MASS-11), collective and individual in turn.
    await page.goto(h.url + sessionPath);
    const rows = page.locator('[data-testid="comments"] tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await page.locator('[data-testid="comments"] [data-testid="dissenting"]').count()).toBe(1);
    for (let i = 0; i < 4; i++) {
      const row = page.locator('[data-testid="comments"] tbody tr').nth(i);
      await row.locator('[data-testid="responsibility"]').selectOption(i % 2 === 0 ? 'collective' : 'individual');
      await row.locator('[data-testid="save-class"]').click();
      await flashOk(page);
    }
    expect(await page.locator('[data-testid="comments"] [data-testid="dissenting"]').count()).toBe(1);

    // Remediation for the oral comment.
    const remediation = page.locator('[data-testid="remediation-form"]');
    await remediation.locator('input[name="commentIds"]').first().check();
    await remediation.locator('input[name="text"]').fill('Trả lời kiến nghị trong 5 ngày làm việc');
    await remediation.locator('input[name="owner"]').fill('Lê Hồng Vũ');
    await remediation.locator('input[name="deadline"]').fill('2020-12-31');
    await page.click('[data-testid="add-remediation"]');
    await flashOk(page);
    await page.goto(h.url + sessionPath);
    expect(await page.locator('[data-testid="session-remediation"] li').count()).toBe(1);

    // The minutes signed by chair, clerk and a masses representative.
    for (const name of ['Lê Hồng Vũ', 'Trần Thị Ánh', 'Phạm Thị Hoa']) {
      expect(await page.locator('[data-testid="session-state"]').getAttribute('data-state')).toBe('recorded');
      await page.locator('[data-testid="sign-form"] input[name="name"]').fill(name);
      await page.click('[data-testid="sign"]');
      await flashOk(page);
    }
    expect(await page.locator('[data-testid="session-state"]').getAttribute('data-state')).toBe('complete');
    expect(await page.locator('[data-testid="signatures"] li').count()).toBe(3);
    await page.close();
  });

  it('answers written comments through the API with nothing of the writer, in an order unrelated to posting, and refuses an extra field', async () => {
    // A second session, for comments posted in a known order.
    const record = recordBody({ startsAt: '2020-11-11T08:00', endsAt: '2020-11-11T10:00', massesPresent: 12 });
    const created = await callApi(`${api}/masses-sessions`, { method: 'POST', as: identities.cell, body: JSON.stringify(record) });
    expect(created.status).toBe(201);
    const path = `${api}/masses-sessions/${created.json().id}`;
    const headers = { 'x-forwarded-for': MARKERS.xff, 'user-agent': MARKERS.ua };
    const posted: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const text = `Ý kiến số ${i} về tập thể chi bộ.`;
      const res = await callApi(`${path}/comments`, { method: 'POST', as: identities.cell, headers, body: JSON.stringify({ about: null, channel: 'written', heading: 1, kind: 'strength', text }) });
      expect(res.status).toBe(201);
      posted.push(text);
    }
    const extra = await callApi(`${path}/comments`, { method: 'POST', as: identities.cell, headers, body: JSON.stringify({ about: null, channel: 'written', heading: 1, kind: 'strength', text: 'Thêm', author: MARKERS.field }) });
    expect(extra.status).toBe(400);

    const listed = await callApi(`${path}/comments`, { as: identities.cell });
    const comments = listed.json().comments as { id: string; text: string }[];
    const order = comments.map((c) => c.text);
    expect([...order].sort()).toEqual([...posted].sort());
    expect(order).not.toEqual(posted);
    expect(order).not.toEqual([...posted].reverse());
    // Ids carry no order either: sorting them does not give the posting order back.
    const byId = [...comments].sort((a, b) => a.id.localeCompare(b.id)).map((c) => c.text);
    expect(byId).not.toEqual(posted);
  });

  it('rolls the session up into the bloc’s Biểu 5, on its page and in its .xlsx', async () => {
    await streamConsumer(h.store).drain();
    const rollup = (await callApi(`/api/v1/campaigns/${year}/units/b1/masses-rollup`, { as: identities.bloc })).json();
    expect(rollup).toMatchObject({ sessionsHeld: 2, sessionsComplete: 1, membersAbsent: 1, comments: { total: 14, written: 13, oral: 1, dissenting: 1 }, remediation: { items: 1, done: 0 } });
    const page = await h.login('id-b1');
    await page.goto(`${h.url}/dashboard/${year}/units/b1/masses`);
    const total = page.locator('[data-testid="bieu5"] tr[data-unit="b1"]');
    await total.waitFor();
    const cells = (await total.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells).toContain('14');
    expect(await page.locator('[data-testid="bieu5"] tr[data-unit="bc1"]').count()).toBe(1);
    await keep(page);
    await page.goto(`${h.url}/dashboard/${year}/units/b1`);
    await keep(page);
    await page.close();
    await fileOf(`/api/v1/campaigns/${year}/units/b1/masses-rollup?format=xlsx`, identities.bloc);
  });

  it('writes the minutes and both self-criticism forms as Word files that LibreOffice opens with their blocks', async () => {
    const minutes = await fileOf(`${api}/masses-sessions/${sessionId}/minutes.docx`);
    const paragraphs = (await docxParagraphs(minutes)).map(collapse).join('\n');
    expect(paragraphs).toContain('BIÊN BẢN');
    for (const name of ['Lê Hồng Vũ', 'Trần Thị Ánh', 'Phạm Thị Hoa']) expect(paragraphs).toContain(name);
    const withPosition = await fileOf(`${api}/members/M001/self-criticism.docx`);
    const withoutPosition = await fileOf(`${api}/members/M003/self-criticism.docx`);
    await fileOf(`${api}/members/M001/self-review.docx`);
    const formText = async (docx: Buffer) => (await docxParagraphs(docx)).map(collapse).join('\n');
    expect(await formText(withPosition)).toContain('BẢN TỰ PHÊ BÌNH');
    expect(await formText(withoutPosition)).toContain('BẢN TỰ PHÊ BÌNH');
    if (!officeAvailable()) return;
    const dir = await mkdtemp(join(tmpdir(), 'kd-masses-'));
    try {
      for (const [name, docx, block] of [
        ['bien-ban', minutes, 'BIÊN BẢN'],
        ['co-chuc-vu', withPosition, 'BẢN TỰ PHÊ BÌNH'],
        ['khong-chuc-vu', withoutPosition, 'BẢN TỰ PHÊ BÌNH'],
      ] as const) {
        const file = join(dir, `${name}.docx`);
        await writeFile(file, docx);
        const text = collapse(await docxToText(file, { outDir: dir }));
        expect(text, name).toContain(block);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves no trace of the writers: no marker in any item of the table, the audit, an answer, a page, a file or a log line', async () => {
    for (const path of ['/api/v1/units/c1/audit', `${api}/masses`, `${api}/masses-sessions/${sessionId}`, `${api}/masses-sessions/${sessionId}/comments`, `${api}/remediation-items`, `/api/v1/campaigns/${year}/units/c1/review`]) {
      await callApi(path, { as: identities.cell });
    }
    const page = await h.login('id-c1');
    for (const path of [pagePath, sessionPath, `${pagePath}/remediation`, `/campaigns/${year}/units/c1/review`]) {
      await page.goto(h.url + path);
      await keep(page);
    }
    await page.close();

    const items: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await h.store.doc.send(new ScanCommand({ TableName: h.store.tableName, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    const stored = JSON.stringify(items);
    expect(stored).toContain('Đồng chí cần gần gũi nhân viên hơn.');
    expect(seen.join('\n')).toContain('Đồng chí cần gần gũi nhân viên hơn.');
    const everything = [stored, ...seen, ...logLines].join('\n');
    for (const marker of Object.values(MARKERS)) expect(everything, marker).not.toContain(marker);
  });
});
