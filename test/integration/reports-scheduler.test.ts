// The app's modules first: zod schemas get .openapi() only when built after @hono/zod-openapi is loaded.
import '../support/app';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDossier, updateDossier, listReports, type Store } from '@kd/data';
import { ManualClock, startReportScheduler, type ReportScheduler } from '../../packages/local/src/scheduler';
import { convertToPdf, officeAvailable, pdfToText } from '../support/office';
import { createTestStore } from '../support/store';
import { seedFixture } from '../support/fixture';
import { blocBoard, provinceBoard, readEmls, seedReports } from './reports-setup';

const actor = { sub: 'test', name: 'Kiểm thử', role: 'cell_secretary', unit: 'c1' };

async function submit(store: Store, unitId: string, iso: string) {
  const before = await getDossier(store, 't1', unitId, 2021);
  const at = new Date(iso).toISOString();
  await updateDossier(store, 't1', unitId, 2021, { from: ['draft', 'returned'], expectedRev: before.rev, patch: { state: 'submitted', submittedAt: at }, action: 'dossier.submit' }, { actor, at });
}

describe('the local report scheduler (npm start) on a test clock', () => {
  let store: Store;
  let dataDir: string;
  let clock: ManualClock;
  let job: ReportScheduler;

  beforeAll(async () => {
    store = await createTestStore('report-scheduler');
    await seedFixture(store);
    await seedReports(store);
    await submit(store, 'c1', '2021-12-21T23:30:00+07:00');
    await submit(store, 'c2', '2021-12-22T00:10:00+07:00');
    dataDir = await mkdtemp(join(tmpdir(), 'kd-local-'));
    clock = new ManualClock('2021-12-21T12:00:00+07:00');
    job = await startReportScheduler(
      { store, endpoint: 'unused', dataDir, clock: () => clock.now() },
      { clock, seedDemoRecipients: false, sleep: async () => undefined, log: () => undefined },
    );
    await job.idle();
  });

  afterAll(async () => {
    await job?.stop();
  });

  it('runs the missed morning tick once at start, then waits on one timer for the next tick', async () => {
    expect((await listReports(store, 't1', 'p1')).map((r) => r.tickId)).toEqual(['daily#2021-12-21']);
    expect(job.nextTick).toEqual({ kind: 'due', at: '2021-12-21T17:00:00.000Z' });
    // One timer, at most an hour away (to notice milestones added meanwhile): no polling loop.
    expect(clock.pending).toBe(1);
    expect(job.wakeAt?.toISOString()).toBe('2021-12-21T06:00:00.000Z');
  });

  it('past the milestone, puts the report in the outbox with the on-time, late and missing units, and its .xlsx opens', async () => {
    await clock.advanceTo('2021-12-22T07:30:00+07:00');
    await job.idle();
    expect((await listReports(store, 't1', 'b1')).map((r) => [r.tickId, r.trigger])).toEqual([
      ['daily#2021-12-22', 'daily'],
      ['due#2021-12-21T17:00:00.000Z', 'due'],
      ['daily#2021-12-21', 'daily'],
    ]);
    const outbox = join(dataDir, 'outbox');
    const emls = await readEmls(outbox);
    // Three ticks × (two province addresses + one bloc address); nothing else was sent.
    expect(emls).toHaveLength(9);
    const morning = emls.filter((e) => e.to === blocBoard[0]).at(-1)!;
    expect(morning.subject).toBe('[Kiểm điểm 2021] Báo cáo tiến độ — Đảng ủy Khối các cơ quan tỉnh — 22/12/2021 07:00');
    const text = morning.parts.find((p) => p.contentType === 'text/plain')!.body.toString('utf8').normalize('NFC').replace(/\r\n/g, '\n');
    // The digest: the milestone's title once, then each late unit with the unit directly above it.
    expect(text).toContain('Chi bộ hoàn tất hồ sơ, gửi về đảng ủy cấp trên (trước ngày 22/12/2021):\n');
    expect(text).toMatch(/\d\. Chi bộ Phòng Ngân sách — trực thuộc Đảng ủy Sở Tài chính: quá hạn 1 ngày, chưa thực hiện\n/);
    expect(text).toMatch(/\d\. Chi bộ Văn phòng Sở — trực thuộc Đảng ủy Sở Y tế: thực hiện trễ 1 ngày\n/);
    expect(text).not.toContain('Chi bộ Bệnh viện Phổi —');
    expect(text).toContain('/units/b1/late-units?year=2021');

    const xlsx = morning.parts.find((p) => p.contentType.includes('spreadsheetml'))!;
    expect(xlsx.filename).toBe('bao-cao-tien-do-b1-22-12-2021.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const units = workbook.getWorksheet('Chi tiết đơn vị')!;
    const rows = [6, 7, 8].map((r) => [units.getRow(r).getCell(3).text, units.getRow(r).getCell(5).text, units.getRow(r).getCell(6).text]);
    expect(rows).toEqual([
      ['Chi bộ Bệnh viện Phổi', 'Đúng hạn', '21/12/2021 23:30'],
      ['Chi bộ Văn phòng Sở', 'Trễ hạn', '22/12/2021 00:10'],
      ['Chi bộ Phòng Ngân sách', 'Quá hạn, chưa thực hiện', ''],
    ]);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(5).values).toEqual([undefined, 'Mốc thời gian', 'Hạn', 'Đơn vị', 'Phải thực hiện', 'Đã thực hiện', 'Đúng hạn', 'Trễ hạn', 'Quá hạn, chưa thực hiện', 'Chưa đến hạn', 'Chưa ghi nhận']);
    expect(summary.getRow(8).values).toEqual([undefined, 'Chi bộ hoàn tất hồ sơ, gửi về đảng ủy cấp trên', 'trước ngày 22/12/2021', 'Cộng: Đảng ủy Khối các cơ quan tỉnh', 3, 2, 1, 1, 1, 0, 0]);

    // The province's copy went to both of its addresses.
    expect(emls.filter((e) => e.subject.includes('22/12/2021 07:00')).map((e) => e.to).sort()).toEqual([...provinceBoard, ...blocBoard].sort());

    {
      // Opened the way a user's office suite would (LibreOffice → PDF → text).
      expect(officeAvailable()).toBe(true);
      const file = join(await mkdtemp(join(tmpdir(), 'report-xlsx-')), xlsx.filename!);
      await writeFile(file, xlsx.body);
      const printed = (await pdfToText(await convertToPdf(file, dirname(file)))).normalize('NFC');
      expect(printed).toContain('BÁO CÁO TIẾN ĐỘ KIỂM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG NĂM 2021');
      expect(printed).toContain('Mốc thời gian');
      expect(printed).toContain('Chi bộ Phòng Ngân sách');
    }
  }, 120_000);

  it('sends nothing again after a restart: the ticks it catches up on were already claimed', async () => {
    await job.stop();
    clock = new ManualClock('2021-12-22T09:00:00+07:00');
    job = await startReportScheduler(
      { store, endpoint: 'unused', dataDir, clock: () => clock.now() },
      { clock, seedDemoRecipients: false, sleep: async () => undefined, log: () => undefined },
    );
    await job.idle();
    expect(await readEmls(join(dataDir, 'outbox'))).toHaveLength(9);
    expect(job.nextTick).toEqual({ kind: 'daily', at: '2021-12-23T00:00:00.000Z' });
    expect(clock.pending).toBe(1);
  });
});
