import type { Child } from 'hono/jsx';
import { currentRequestContext } from '../request-context';
import { CSRF_FIELD } from '../auth/csrf';

/** The CSRF token of the request being rendered ('' for a caller with a bearer token, who needs none). */
export function pageCsrfToken(): string {
  return currentRequestContext()?.get('csrf') ?? '';
}

/**
 * Every form that changes something: POST with the session's CSRF token as a hidden field, which
 * the app's guard checks together with the Origin (docs/security.md). Write no bare `<form method="post">`.
 */
export function PostForm(props: { action: string; class?: string; testid?: string; enctype?: 'multipart/form-data'; children?: Child }) {
  return (
    <form method="post" action={props.action} class={props.class} data-testid={props.testid} enctype={props.enctype}>
      <input type="hidden" name={CSRF_FIELD} value={pageCsrfToken()} />
      {props.children}
    </form>
  );
}
