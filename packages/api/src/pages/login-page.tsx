import { Layout } from './layout';
import { roleLabels } from '@kd/domain';
import type { Identity } from '../deps';
import { PostForm } from './post-form';

/**
 * The local OpenID provider's sign-in page: one button per demo identity. Each posts the
 * authorization request back to the provider (`action`), which answers the app with a code.
 */
export function LoginPage(props: { identities: Identity[]; unitNames: Map<string, string>; tenantNames: Map<string, string>; action: string; request: Record<string, string> }) {
  return (
    <Layout title="Đăng nhập">
      <h1>Đăng nhập</h1>
      <p class="muted">Bản chạy thử cục bộ: máy chủ đăng nhập thử của hệ thống. Chọn một tài khoản thử để đăng nhập.</p>
      <div class="identities">
        {props.identities.map((id, i) => (
          <PostForm action={props.action}>
            {Object.entries(props.request).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name="identity" value={String(i)} />
            <button type="submit" data-testid={`login-${id.sub}`}>
              <strong>{id.name}</strong>
              <br />
              <span class="tag">{roleLabels[id.role]}</span> {props.unitNames.get(`${id.tenant}/${id.unit}`) ?? id.unit}
              <br />
              <span class="muted">{props.tenantNames.get(id.tenant) ?? id.tenant}</span>
            </button>
          </PostForm>
        ))}
      </div>
    </Layout>
  );
}

/** A sign-in that could not be completed (or no provider configured): the reason and a way back. */
export function SignInProblemPage(props: { message: string }) {
  return (
    <Layout title="Đăng nhập">
      <h1>Đăng nhập</h1>
      <p class="error" data-testid="error">
        {props.message}
      </p>
      <p>
        <a href="/login" data-testid="login-again">
          Đăng nhập lại
        </a>
      </p>
    </Layout>
  );
}

export function SignedOutPage() {
  return (
    <Layout title="Đã đăng xuất">
      <h1 data-testid="signed-out">Đồng chí đã đăng xuất</h1>
      <p>Phiên làm việc trên trình duyệt này đã kết thúc.</p>
      <p>
        <a href="/login" data-testid="login-again">
          Đăng nhập lại
        </a>
      </p>
    </Layout>
  );
}
