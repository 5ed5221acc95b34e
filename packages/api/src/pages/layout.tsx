import type { Child } from 'hono/jsx';
import { roleLabels, type Caller } from '@kd/domain';
import { STYLESHEET_PATH, TABLE_SCROLL_SCRIPT_PATH } from './assets';
import { currentPageNotice } from './page-notice';
import { PostForm, pageCsrfToken } from './post-form';

/**
 * The frame of every page: Vietnamese, no outside assets (nothing leaves the machine), no inline
 * script (the Content-Security-Policy allows scripts of this origin only: `scripts` are served
 * files under /assets). The CSRF token is in a meta tag for those scripts' writes. A frozen
 * province's notice, when the page handler set one, heads every page.
 */
export function Layout(props: { title: string; caller?: Caller | undefined; scripts?: string[]; children?: Child }) {
  const csrf = pageCsrfToken();
  const notice = currentPageNotice();
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {csrf ? <meta name="csrf-token" content={csrf} /> : null}
        <title>{props.title} — Kiểm điểm</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {[TABLE_SCROLL_SCRIPT_PATH, ...(props.scripts ?? [])].map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">Kiểm điểm, đánh giá, xếp loại chất lượng</a>
          {props.caller ? (
            <nav>
              <span class="who" data-testid="who">
                {props.caller.name} · {roleLabels[props.caller.role]}
              </span>
              <PostForm action="/logout" class="inline">
                <button type="submit" class="link" data-testid="logout">Đăng xuất</button>
              </PostForm>
            </nav>
          ) : null}
        </header>
        <main>
          {notice ? (
            <p class="notice frozen" role="status" data-testid="tenant-notice">
              {notice}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}
