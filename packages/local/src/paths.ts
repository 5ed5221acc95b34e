import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localConfig } from '@kd/config';

/** The repository root, whatever the working directory. */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Local data kept between runs (`npm run reset` wipes it): the database, the signing key, the outbox. */
export function dataDir(): string {
  return localConfig(repoRoot).dataDir;
}

/** The settings of this machine's run (port, host, table, data folder). */
export const config = () => localConfig(repoRoot);
