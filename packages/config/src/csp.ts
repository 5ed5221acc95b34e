/**
 * The Content-Security-Policy of every response (docs/security.md, "Content-Security-Policy"):
 * scripts only from this origin (no inline script, no eval), no framing by anyone, no plugins, no
 * <base>, forms posting only here and to `formAction` (the sign-in provider, which the logout
 * redirects to), connections only here and to `connectSrc` (the upload bucket in AWS). Inline
 * styles stay allowed: they cannot run code.
 *
 * @example
 * contentSecurityPolicy({ connectSrc: ['https://b.s3.ap-southeast-1.amazonaws.com'] })
 */
export function contentSecurityPolicy(options: { connectSrc?: readonly string[]; formAction?: readonly string[] } = {}): string {
  const directives: string[][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(options.connectSrc ?? [])],
    ['form-action', "'self'", ...(options.formAction ?? [])],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}
