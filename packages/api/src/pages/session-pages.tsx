import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { DomainError } from '@kd/domain';
import type { AppEnv } from '../env';
import { toDomainError, logFailure } from '../errors';
import { httpStatus } from '../http-status';
import { callerFromClaims } from '../auth/claims';
import { clearCookie, COOKIES, readCookie, writeCookie } from '../auth/cookies';
import { CALLBACK_PATH, SIGNED_OUT_PATH, newLoginFlow, type LoginFlow, type OidcClient } from '../auth/oidc-client';
import { SignedOutPage, SignInProblemPage } from './login-page';

/** A sign-in must come back within this many seconds of leaving for the provider. */
const LOGIN_FLOW_SECONDS = 600;

const LoginFlowCookie = z.object({ state: z.string().min(16), nonce: z.string().min(16), verifier: z.string().min(43), next: z.string() });

/** Only a path of this site: no scheme, no `//host`, no backslash tricks, no control characters. */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next)) return '/';
  return next;
}

/** Where the login page sends a visitor without a session, to come back to `path` afterwards. */
export function loginHref(path: string): string {
  return path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}

const originOf = (c: Context) => new URL(c.req.url).origin;

const loginFailed = (reason: string) =>
  new DomainError('LOGIN_FAILED', 'Không hoàn tất được đăng nhập (phiên đăng nhập đã hết hạn hoặc bị gián đoạn). Đồng chí vui lòng đăng nhập lại.', { reason });

function readFlow(c: Context<AppEnv>): LoginFlow | undefined {
  const raw = readCookie(c, COOKIES.login);
  if (!raw) return undefined;
  try {
    const parsed = LoginFlowCookie.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Page sessions (docs/security.md, "Sessions"): `/login` sends the browser to the provider with a
 * fresh state, nonce and PKCE verifier (kept in the `kd_login` cookie); `/auth/callback` checks the
 * state, trades the code and the verifier for an ID token, verifies it and keeps it as the session
 * cookie for as long as it is valid; `/logout` drops the cookie and ends the provider's session too.
 */
export function sessionPages(oidc: OidcClient | undefined) {
  const r = new Hono<AppEnv>();
  const problem = (c: Context<AppEnv>, error: unknown) => {
    const e = toDomainError(error);
    logFailure(e);
    console.warn(JSON.stringify({ msg: 'login.failed', code: e.code, details: e.details ?? null }));
    return c.html(<SignInProblemPage message={e.message} />, httpStatus[e.kind]);
  };

  r.get('/login', async (c) => {
    if (!oidc) return c.html(<SignInProblemPage message="Hệ thống chưa cấu hình máy chủ đăng nhập." />, 503);
    const flow = newLoginFlow(safeNext(c.req.query('next')));
    try {
      const target = await oidc.authorizeUrl(originOf(c), flow);
      writeCookie(c, COOKIES.login, Buffer.from(JSON.stringify(flow)).toString('base64url'), { maxAge: LOGIN_FLOW_SECONDS, sameSite: 'Lax' });
      return c.redirect(target, 302);
    } catch (error) {
      return problem(c, error);
    }
  });

  r.get(CALLBACK_PATH, async (c) => {
    if (!oidc) return c.redirect('/login', 302);
    const flow = readFlow(c);
    clearCookie(c, COOKIES.login);
    const { code, state, error } = c.req.query();
    try {
      if (error) throw loginFailed(`provider:${error}`);
      if (!flow || !code || !state || state !== flow.state) throw loginFailed(flow ? 'state_mismatch' : 'no_login_in_progress');
      const { idToken, claims } = await oidc.signIn(originOf(c), code, flow);
      const caller = callerFromClaims(claims);
      if (!caller) throw new DomainError('ACCOUNT_NOT_ASSIGNED', 'Tài khoản chưa được gán tỉnh, đơn vị và vai trò. Đồng chí vui lòng liên hệ quản trị hệ thống.');
      // The cookie lives exactly as long as the token: an expired session is a missing one.
      const lifetime = Math.max(0, Number(claims.exp ?? 0) - Number(claims.iat ?? claims.exp ?? 0));
      writeCookie(c, COOKIES.session, idToken, { maxAge: lifetime, sameSite: 'Strict' });
      clearCookie(c, COOKIES.pre);
      console.log(JSON.stringify({ msg: 'login', sub: caller.sub, tenant: caller.tenant, unit: caller.unit, role: caller.role }));
      return c.redirect(flow.next, 303);
    } catch (e) {
      return problem(c, e);
    }
  });

  r.post('/logout', async (c) => {
    clearCookie(c, COOKIES.session);
    if (!oidc) return c.redirect(SIGNED_OUT_PATH, 303);
    // The provider's own sign-in session ends too, or the next /login would pass straight through.
    const target = await oidc.logoutUrl(originOf(c)).catch(() => SIGNED_OUT_PATH);
    return c.redirect(target, 303);
  });

  r.get(SIGNED_OUT_PATH, (c) => c.html(<SignedOutPage />));

  return r;
}

