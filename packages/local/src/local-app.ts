import { join } from 'node:path';
import type { Store } from '@kd/data';
import { createApp, loadLocalSigner, localClaims, type Identity } from '@kd/api';
import { inProcessTreeJobs, outboxMailer, readOutbox } from '@kd/jobs';
import { DEFAULT_SENDER, LOCAL_CURSOR_KEY_FILE, localCursorKey, localNationalIdSecret } from '@kd/config';
import { hmacNationalIdKeys } from '@kd/services';
import { config } from './paths';

/** The app as `npm start` serves it: the local key, the demo identities, the real clock (or a set one). */
export async function createLocalApp(options: { store: Store; dataDir: string | null; identities: Identity[]; clock?: () => Date }) {
  const clock = options.clock ?? (() => new Date());
  const signer = await loadLocalSigner(options.dataDir ? join(options.dataDir, 'jwt-es256.json') : null, clock);
  const app = createApp({
    store: options.store,
    clock,
    claims: localClaims(signer),
    ...(options.dataDir ? { cursorKey: localCursorKey(join(options.dataDir, LOCAL_CURSOR_KEY_FILE)) } : {}),
    local: { signer, identities: () => options.identities },
    // Tree jobs run in this process, as the tree-job function runs them in AWS.
    treeJobs: inProcessTreeJobs(options.store),
    // The keyed hash of national ids: its secret beside the JWT key (docs/reconciliation.md).
    nationalIdKeys: hmacNationalIdKeys(localNationalIdSecret(options.dataDir ? join(options.dataDir, 'national-id-secret.hex') : null)),
    // "Lập báo cáo ngay" delivers into the same outbox as the scheduler (packages/local/src/scheduler.ts).
    ...(options.dataDir
      ? { reports: { mailer: outboxMailer(join(options.dataDir, 'outbox'), clock), from: DEFAULT_SENDER, appUrl: config().appUrl, outboxFiles: async () => (await readOutbox(join(options.dataDir!, 'outbox'))).map((f) => f.file) } }
      : {}),
  });
  return { app, signer };
}
