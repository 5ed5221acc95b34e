import { Hono, type Context } from 'hono';
import { DomainError } from '@kd/domain';
import { addCodeComment, openCodeForm, publicSession } from '@kd/services';
import type { AppDeps } from '../../deps';
import type { AppEnv } from '../../env';
import { logFailure, toDomainError } from '../../errors';
import { httpStatus } from '../../http-status';
import { codeCommentFromForm, formText, type Form } from './masses-forms';
import { CodeStep, CommentStep, PhoneFrame, ThanksStep } from './phone-comment-page';

/** `s` = `<tenant>.<sessionId>`, as the printed codes' link carries it (in the query: never in a logged path). */
function sessionRef(s: string): { tenant: string; sessionId: string } {
  const dot = s.indexOf('.');
  if (dot <= 0 || dot === s.length - 1 || s.length > 200) throw new DomainError('MASSES_SESSION_NOT_FOUND', 'Địa chỉ phiếu góp ý không đúng. Vui lòng dùng đúng địa chỉ in trên phiếu.');
  return { tenant: s.slice(0, dot), sessionId: s.slice(dot + 1) };
}

function failure(c: Context, error: unknown, again: (message: string) => unknown) {
  const e = toDomainError(error);
  const status = httpStatus[e.kind];
  if (e.kind === 'unprocessable' || e.kind === 'conflict' || e.kind === 'badRequest') return c.html(again(e.message) as string, status);
  logFailure(e);
  return c.html(<PhoneFrame title="Không mở được phiếu"><p class="error" data-testid="phone-error">{e.message}</p></PhoneFrame>, status);
}

/**
 * The phone comment form, without an account (R-MASS-08 beyond the paper): a code opens it once.
 * Nothing of the request is read but the form's own fields — no address, no browser, no cookie,
 * no time — and nothing is logged.
 */
export function phoneCommentRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get('/y-kien', async (c) => {
    const s = c.req.query('s') ?? '';
    try {
      const { tenant, sessionId } = sessionRef(s);
      await publicSession(deps, tenant, sessionId);
      return c.html(<CodeStep s={s} />);
    } catch (error) {
      return failure(c, error, (m) => <CodeStep s={s} error={m} />);
    }
  });

  r.post('/y-kien', async (c) => {
    const form = (await c.req.parseBody()) as Form;
    const s = formText(form.s);
    const code = formText(form.code);
    try {
      const { tenant, sessionId } = sessionRef(s);
      if (typeof form.text !== 'string') {
        const { members } = await openCodeForm(deps, tenant, sessionId, code);
        return c.html(<CommentStep s={s} code={code} members={members} />);
      }
      await addCodeComment(deps, tenant, sessionId, codeCommentFromForm(form));
      return c.html(<ThanksStep />, 201);
    } catch (error) {
      const e = toDomainError(error);
      // A used or wrong code goes back to the code step; a wrong field, to the form with the code.
      if (typeof form.text === 'string' && e.kind === 'badRequest') {
        const again = await openCodeForm(deps, sessionRef(s).tenant, sessionRef(s).sessionId, code).catch(() => null);
        if (again) return c.html(<CommentStep s={s} code={code} members={again.members} error={e.message} />, 400);
      }
      return failure(c, e, (m) => <CodeStep s={s} error={m} />);
    }
  });

  return r;
}
