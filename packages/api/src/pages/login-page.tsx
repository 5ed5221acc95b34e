import { Layout } from './layout';
import { roleLabels } from '@kd/domain';
import type { Identity } from '../deps';

export function LoginPage(props: { identities: Identity[]; unitNames: Map<string, string>; tenantNames: Map<string, string>; message?: string }) {
  return (
    <Layout title="Đăng nhập">
      <h1>Đăng nhập</h1>
      {props.message ? <p class="error">{props.message}</p> : null}
      {props.identities.length === 0 ? (
        <p class="card">Hệ thống triển khai trên AWS dùng đăng nhập Amazon Cognito của tỉnh.</p>
      ) : (
        <>
          <p class="muted">Bản chạy thử cục bộ: chọn một tài khoản thử để đăng nhập.</p>
          <div class="identities">
            {props.identities.map((id, i) => (
              <form method="post" action="/login">
                <input type="hidden" name="identity" value={String(i)} />
                <button type="submit" data-testid={`login-${id.sub}`}>
                  <strong>{id.name}</strong>
                  <br />
                  <span class="tag">{roleLabels[id.role]}</span> {props.unitNames.get(`${id.tenant}/${id.unit}`) ?? id.unit}
                  <br />
                  <span class="muted">{props.tenantNames.get(id.tenant) ?? id.tenant}</span>
                </button>
              </form>
            ))}
          </div>
        </>
      )}
    </Layout>
  );
}
