import type { Child } from 'hono/jsx';
import { commentFormTexts, commentHeadingLabels, commentHeadings } from '@kd/domain';
import { PostForm } from '../post-form';

const style = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,"Noto Sans",Arial,sans-serif;color:#1d2733;background:#fff;line-height:1.45}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.25rem;margin:.2rem 0 .8rem}label{display:block;margin:.7rem 0 .2rem;font-weight:600}
input,select,textarea{width:100%;font-size:1.05rem;padding:.5rem;border:1px solid #b9c0c8;border-radius:4px}textarea{min-height:9rem}
button{margin-top:1rem;width:100%;font-size:1.1rem;padding:.7rem;background:#a50e0e;color:#fff;border:0;border-radius:4px}
.error{background:#fdecea;border:1px solid #f5c2c0;padding:.7rem;border-radius:4px}.ok{background:#e8f5e9;border:1px solid #b9dfbb;padding:.7rem;border-radius:4px}
.muted{color:#5b6775;font-size:.9rem}fieldset{border:0;padding:0;margin:0}.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.3rem 0}.choice input{width:auto}
`;

/**
 * The masses' comment form on their own phones: a page of its own, without the app's frame,
 * account, cookie or anything loaded from elsewhere. It asks nothing about the writer.
 */
export function PhoneFrame(props: { title: string; children?: Child }) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <style>{style}</style>
      </head>
      <body>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

const intro = 'Phiếu không ghi tên. Hệ thống không lưu người viết, địa chỉ, thiết bị hay giờ gửi; ý kiến chỉ mang ngày của buổi tự phê bình.';

export function CodeStep(props: { s: string; error?: string | undefined }) {
  return (
    <PhoneFrame title={commentFormTexts.title}>
      <h1>{commentFormTexts.title}</h1>
      <p class="muted">{intro}</p>
      {props.error ? <p class="error" data-testid="phone-error">{props.error}</p> : null}
      <PostForm action="/y-kien">
        <input type="hidden" name="s" value={props.s} />
        <label for="code">Mã in trên phiếu</label>
        <input id="code" name="code" autocomplete="off" autocapitalize="characters" placeholder="VD: 7K3M-Q9TX-R2WD" required />
        <button type="submit" data-testid="open-form">Mở phiếu góp ý</button>
      </PostForm>
    </PhoneFrame>
  );
}

export function CommentStep(props: { s: string; code: string; members: { id: string; fullName: string }[]; error?: string | undefined }) {
  return (
    <PhoneFrame title={commentFormTexts.title}>
      <h1>{commentFormTexts.title}</h1>
      <p class="muted">{intro} Mã chỉ dùng được một lần.</p>
      {props.error ? <p class="error" data-testid="phone-error">{props.error}</p> : null}
      <PostForm action="/y-kien">
        <input type="hidden" name="s" value={props.s} />
        <input type="hidden" name="code" value={props.code} />
        <label for="about">Góp ý cho</label>
        <select id="about" name="about">
          <option value="">Tập thể</option>
          {props.members.map((m) => <option value={m.id}>Đồng chí {m.fullName}</option>)}
        </select>
        <fieldset>
          <label>Loại ý kiến</label>
          <span class="choice"><input type="radio" id="k1" name="kind" value="strength" checked /><label for="k1">Ưu điểm</label></span>
          <span class="choice"><input type="radio" id="k2" name="kind" value="shortcoming" /><label for="k2">Khuyết điểm, hạn chế</label></span>
          <span class="choice"><input type="radio" id="k3" name="kind" value="proposal" /><label for="k3">Đề xuất</label></span>
        </fieldset>
        <label for="heading">Nội dung (với ưu điểm, khuyết điểm)</label>
        <select id="heading" name="heading">
          {commentHeadings.map((h) => <option value={String(h)}>{h}. {commentHeadingLabels[h]}</option>)}
        </select>
        <label for="text">{commentFormTexts.lead}</label>
        <textarea id="text" name="text" required maxlength={5000}></textarea>
        <button type="submit" data-testid="send-comment">Gửi ý kiến</button>
      </PostForm>
    </PhoneFrame>
  );
}

export function ThanksStep() {
  return (
    <PhoneFrame title="Đã nhận ý kiến">
      <h1>Đã nhận ý kiến</h1>
      <p class="ok" data-testid="phone-thanks">Cảm ơn đồng chí. Ý kiến đã được ghi nhận, không kèm tên người viết. Mã đã dùng và không dùng lại được.</p>
    </PhoneFrame>
  );
}
