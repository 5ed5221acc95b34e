import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { putCampaign, putBoardConfigIfAbsent, type Store } from '@kd/data';
import { Campaign } from '@kd/domain';
import { storedCampaigns, storedCompletions, type Mailer, type ReportJobDeps } from '@kd/services';
import { outboxMailer } from '@kd/jobs';

/** The 2021 campaign of the fixture's t1 with seed 000's dossier milestone: cells, "trước ngày 22/12/2021". */
export const campaign2021 = Campaign.parse({
  year: 2021,
  rulebookId: 'r2019',
  overlayIds: ['s000-2021'],
  ratingDate: '2021-12-20',
  milestones: [
    {
      id: 'dossier',
      title: 'Chi bộ hoàn tất hồ sơ, gửi về đảng ủy cấp trên',
      event: 'dossierSubmitted',
      actorKinds: ['cell', 'baseCell'],
      wording: 'before',
      date: '2021-12-22',
    },
  ],
});

export const provinceBoard = ['bantochuc@thu.example.vn', 'pho.bantochuc@thu.example.vn'];
export const blocBoard = ['bantochuc.khoi@thu.example.vn'];

export async function seedReports(store: Store): Promise<void> {
  await putCampaign(store, 't1', campaign2021);
  await putBoardConfigIfAbsent(store, 't1', 'p1', { emails: provinceBoard, reminderDaysBefore: [2], receivesReports: true }, '2021-12-01T00:00:00.000Z');
  await putBoardConfigIfAbsent(store, 't1', 'b1', { emails: blocBoard, reminderDaysBefore: [2], receivesReports: true }, '2021-12-01T00:00:00.000Z');
}

export async function tempOutbox(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'outbox-')), 'outbox');
}

export function jobDeps(store: Store, mailer: Mailer, now: () => Date): ReportJobDeps {
  return {
    store,
    mailer,
    from: 'no-reply@kiemdiem.example.vn',
    appUrl: 'http://localhost:3000',
    now,
    campaigns: storedCampaigns(store),
    completions: storedCompletions(store),
    sleep: async () => undefined,
  };
}

export { outboxMailer };

export interface Eml {
  file: string;
  raw: string;
  to: string;
  subject: string;
  /** The decoded parts: content type → bytes. */
  parts: { contentType: string; filename: string | null; body: Buffer }[];
}

/** A small MIME reader for the outbox files nodemailer writes (multipart, base64 parts). */
export async function readEmls(dir: string): Promise<Eml[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  const { decodeHeader } = await import('@kd/jobs');
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(join(dir, file), 'utf8');
      const header = (name: string, text: string) => {
        const m = new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(text);
        return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
      };
      const parts: Eml['parts'] = [];
      const collect = (text: string) => {
        const head = text.split(/\r?\n\r?\n/)[0] ?? '';
        const type = header('Content-Type', head);
        const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
        const body = text.slice(head.length).replace(/^\r?\n\r?\n/, '');
        if (boundary) {
          for (const part of body.split(`--${boundary}`).slice(1)) if (!part.startsWith('--')) collect(part.replace(/^\r?\n/, ''));
          return;
        }
        const encoding = header('Content-Transfer-Encoding', head).toLowerCase();
        const filename = /filename="?([^";]+)"?/i.exec(header('Content-Disposition', head))?.[1] ?? null;
        parts.push({
          contentType: type.split(';')[0]!.trim(),
          filename,
          body: encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : Buffer.from(body),
        });
      };
      collect(raw);
      return { file, raw, to: header('To', raw), subject: decodeHeader(header('Subject', raw)), parts };
    }),
  );
}
