import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localConfig } from '@kd/config';

/**
 * The repository root, whatever the working directory: the nearest folder above this module with
 * `packages/local` in it (this module runs from packages/local/src, or bundled from
 * packages/local/.build/<script>/ by `npm start`).
 */
export const repoRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'packages', 'local', 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('Không tìm thấy thư mục gốc của kho mã (packages/local).');
    dir = up;
  }
  return dir;
})();

/** Local data kept between runs (`npm run reset` wipes it): the database, the signing key, the outbox. */
export function dataDir(): string {
  return localConfig(repoRoot).dataDir;
}

/** The settings of this machine's run (port, host, table, data folder). */
export const config = () => localConfig(repoRoot);
