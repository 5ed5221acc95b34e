import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where `npm start` keeps its cursor key, beside its JWT key (the local data folder). */
export const LOCAL_CURSOR_KEY_FILE = 'cursor-key';

/**
 * The local runs' key for signing pagination cursors: generated on first start and kept in the
 * local data folder (like the JWT key), so cursors survive a restart. In AWS the key comes from the
 * function's configuration (CURSOR_KEY) instead.
 */
export function localCursorKey(path: string): string {
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (key.length >= 32) return key;
  }
  const key = randomBytes(32).toString('base64url');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, key, { mode: 0o600 });
  return key;
}
