import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildMime, type Mailer } from '@kd/services';

/**
 * Local runs: every e-mail becomes an `.eml` file (the same MIME SES would get) in `dir`
 * (`<dataDir>/outbox/`). Nothing leaves the machine. Written to a temporary name and renamed, so a
 * reader never sees half a file.
 */
export function outboxMailer(dir: string, now: () => Date = () => new Date()): Mailer {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const raw = await buildMime(message);
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${randomUUID().slice(0, 8)}.eml`;
      const tmp = join(dir, `.${name}.tmp`);
      await writeFile(tmp, raw);
      await rename(tmp, join(dir, name));
      return name;
    },
  };
}

export interface OutboxEntry {
  file: string;
  subject: string;
  to: string;
  messageId: string;
}

/** Reads the headers of the outbox's `.eml` files (newest first), for the Outbox page and tests. */
export async function readOutbox(dir: string): Promise<OutboxEntry[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort().reverse();
  return Promise.all(
    files.map(async (file) => {
      const text = (await readFile(join(dir, file), 'utf8')).split(/\r?\n\r?\n/)[0] ?? '';
      const headers = unfold(text);
      return { file, subject: decodeHeader(headers.get('subject') ?? ''), to: headers.get('to') ?? '', messageId: headers.get('message-id') ?? '' };
    }),
  );
}

function unfold(head: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), as nodemailer writes Vietnamese subjects. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    )
    .normalize('NFC');
}
