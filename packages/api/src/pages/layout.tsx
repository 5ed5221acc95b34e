import type { Child } from 'hono/jsx';
import { roleLabels, type Caller } from '@kd/domain';
import { styles } from './styles';
import { currentPageNotice } from './page-notice';

/** The frame of every page: Vietnamese, no outside assets (nothing leaves the machine). */
export function Layout(props: { title: string; caller?: Caller | undefined; children?: Child }) {
  const notice = currentPageNotice();
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} — Kiểm điểm</title>
        <style>{styles}</style>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">Kiểm điểm, đánh giá, xếp loại chất lượng</a>
          {props.caller ? (
            <nav>
              <span class="who" data-testid="who">
                {props.caller.name} · {roleLabels[props.caller.role]}
              </span>
              <form method="post" action="/logout" class="inline">
                <button type="submit" class="link">Đăng xuất</button>
              </form>
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
