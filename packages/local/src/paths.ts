import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory. */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Local data kept between runs (`npm run reset` wipes it): the database, the signing key, the outbox. */
export function dataDir(): string {
  return resolve(process.env.KD_DATA_DIR ?? resolve(repoRoot, '.local'));
}
