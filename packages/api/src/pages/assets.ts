import { Hono } from 'hono';
import { uploadScript } from './upload-script';
import { styles } from './styles';
import { tableScrollScript } from './table-scroll';

export const UPLOAD_SCRIPT_PATH = '/assets/upload.js';
export const STYLESHEET_PATH = '/assets/app.css';
export const TABLE_SCROLL_SCRIPT_PATH = '/assets/table-scroll.js';

const js = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' };

/** The pages' scripts and stylesheet, served from this origin: the only scripts the Content-Security-Policy lets run. */
export function assetRoutes() {
  const r = new Hono();
  r.get(UPLOAD_SCRIPT_PATH, (c) => c.body(uploadScript, 200, js));
  r.get(TABLE_SCROLL_SCRIPT_PATH, (c) => c.body(tableScrollScript, 200, js));
  r.get(STYLESHEET_PATH, (c) => c.body(styles, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
  return r;
}
