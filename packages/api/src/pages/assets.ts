import { Hono } from 'hono';
import { uploadScript } from './upload-script';

export const UPLOAD_SCRIPT_PATH = '/assets/upload.js';

/** The pages' scripts, served from this origin: the only scripts the Content-Security-Policy lets run. */
export function assetRoutes() {
  const r = new Hono();
  r.get(UPLOAD_SCRIPT_PATH, (c) => c.body(uploadScript, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  return r;
}
