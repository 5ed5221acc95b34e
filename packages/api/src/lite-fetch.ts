/**
 * Headers, Request and Response without Node's fetch implementation, for the Lambda function.
 *
 * Node defines its `Headers`, `Request`, `Response` and `FormData` as lazy globals: the first use
 * of any of them loads and compiles undici's whole fetch bundle (HTTP/2 client included), about
 * 20 ms of a cold start on these machines (`npm run bench -- bundle`; docs/deploy.md, "Cold
 * start"). Hono uses them on every request, so every cold start pays it, though a Lambda request
 * arrives as a plain object and leaves as one and nothing of it goes through fetch.
 *
 * `installLiteFetch()` replaces the three globals with the classes below, which hold a body that
 * is text or bytes (what API Gateway sends and what the app answers) as it is. Anything else — a
 * `FormData` body, a `Blob`, a foreign stream, `formData()` — is handed to Node's own class,
 * loaded then, so that the answer is the same, only later in coming. `fetch` itself is untouched
 * (its answers are Node's own `Response`, which `instanceof Response` still recognises).
 *
 * Only functions/api.ts installs them; the tests' in-process app and `npm start` keep Node's.
 * test/unit/api/lite-fetch.test.ts holds them to Node's behaviour, and
 * test/integration/lambda-api.test.ts serves the app through the Lambda handler with them.
 */

type Real = { Headers: typeof Headers; Request: typeof Request; Response: typeof Response };
let realClasses: (() => Real) | undefined;

/** Node's own classes (loading undici the first time). */
function real(): Real {
  if (!realClasses) return { Headers, Request, Response };
  return realClasses();
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Header values are byte strings without NUL, CR or LF (Node refuses the rest with a TypeError too).
// eslint-disable-next-line no-control-regex
const BAD_VALUE = /[\0\r\n\u0100-\uffff]/;
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function headerName(name: unknown): string {
  const text = String(name);
  if (!TOKEN.test(text)) throw new TypeError(`Headers: invalid header name "${text}"`);
  return text.toLowerCase();
}

function headerValue(value: unknown): string {
  const text = String(value).replace(EDGE_WHITESPACE, '');
  if (BAD_VALUE.test(text)) throw new TypeError('Headers: invalid header value');
  return text;
}

type HeadersInitLike = Iterable<readonly [string, string]> | Record<string, string> | null | undefined;

/** The Fetch standard's `Headers` (names lower-cased; iteration sorted and combined, set-cookie kept apart). */
export class LiteHeaders {
  readonly #values = new Map<string, string[]>();

  constructor(init?: HeadersInitLike) {
    if (init == null) return;
    if (typeof init !== 'object' && typeof init !== 'function') throw new TypeError('Headers: init must be an object');
    if (typeof (init as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const pair of init as Iterable<readonly [string, string]>) {
        const entry = [...(pair as Iterable<string>)];
        if (entry.length !== 2) throw new TypeError('Headers: each pair must hold a name and a value');
        this.append(entry[0]!, entry[1]!);
      }
      return;
    }
    for (const name of Object.keys(init)) this.append(name, (init as Record<string, string>)[name]!);
  }

  append(name: string, value: string): void {
    const key = headerName(name);
    const list = this.#values.get(key);
    if (list) list.push(headerValue(value));
    else this.#values.set(key, [headerValue(value)]);
  }

  set(name: string, value: string): void {
    this.#values.set(headerName(name), [headerValue(value)]);
  }

  get(name: string): string | null {
    return this.#values.get(headerName(name))?.join(', ') ?? null;
  }

  getSetCookie(): string[] {
    return [...(this.#values.get('set-cookie') ?? [])];
  }

  has(name: string): boolean {
    return this.#values.has(headerName(name));
  }

  delete(name: string): void {
    this.#values.delete(headerName(name));
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [name, values] of [...this.#values].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (name === 'set-cookie') for (const value of values) yield [name, value];
      else yield [name, values.join(', ')];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: string, name: string, headers: this) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Headers]';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A body the classes keep as it is; anything else goes to Node's classes. */
type LiteBody = { text: string; bytes?: never } | { bytes: Uint8Array; text?: never };

/** Streams this module made from a body it held: taking one back unread takes the body, not a stream. */
const streamSources = new WeakMap<ReadableStream<Uint8Array>, { body: LiteBody; taken: () => void }>();

function liteBody(body: unknown): { body: LiteBody | null; type?: string } | undefined {
  if (body == null) return { body: null };
  if (typeof body === 'string') return { body: { text: body }, type: 'text/plain;charset=UTF-8' };
  if (body instanceof Uint8Array) return { body: { bytes: body } };
  if (body instanceof ArrayBuffer) return { body: { bytes: new Uint8Array(body) } };
  if (ArrayBuffer.isView(body)) return { body: { bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) } };
  if (body instanceof URLSearchParams) return { body: { text: body.toString() }, type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof ReadableStream) {
    const source = streamSources.get(body as ReadableStream<Uint8Array>);
    if (source && !body.locked) {
      source.taken();
      streamSources.delete(body as ReadableStream<Uint8Array>);
      return { body: source.body };
    }
  }
  return undefined;
}

const bytesOf = (body: LiteBody): Uint8Array => body.bytes ?? encoder.encode(body.text);
const textOf = (body: LiteBody): string => body.text ?? decoder.decode(body.bytes);

function streamOf(body: LiteBody, taken: () => void): ReadableStream<Uint8Array> {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytesOf(body));
      controller.close();
    },
  });
  streamSources.set(stream, { body, taken });
  return stream;
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** What Request and Response share: one body, read once, as text, JSON, bytes or a stream. */
abstract class LiteBodyHolder {
  #body: LiteBody | null;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null = null;

  protected constructor(body: LiteBody | null) {
    this.#body = body;
  }

  /** Node's own object with the same body, for what this class does not do itself. */
  protected abstract toReal(body: Uint8Array | null): Request | Response;

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#body === null) return null;
    this.#stream ??= streamOf(this.#body, () => {
      this.#used = true;
    });
    return this.#stream;
  }

  get bodyUsed(): boolean {
    return this.#used || (this.#stream !== null && this.#stream.locked);
  }

  protected peekBody(): LiteBody | null {
    return this.#body;
  }

  async #take(): Promise<LiteBody | null> {
    if (this.#body === null) return null;
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    if (this.#stream) {
      streamSources.delete(this.#stream);
      return { bytes: await readStream(this.#stream) };
    }
    return this.#body;
  }

  async text(): Promise<string> {
    const body = await this.#take();
    return body ? textOf(body) : '';
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array> {
    const body = await this.#take();
    return body ? new Uint8Array(bytesOf(body)) : new Uint8Array(0);
  }

  async blob(): Promise<Blob> {
    const body = await this.#take();
    return this.toReal(body ? bytesOf(body) : null).blob();
  }

  async formData(): Promise<FormData> {
    const body = await this.#take();
    return this.toReal(body ? bytesOf(body) : null).formData();
  }

  /** The body for a copy: both read the same text or bytes, and this one stays unread. */
  protected bodyForClone(): LiteBody | null {
    // A stream handed out but still unlocked has not been read: it holds the same bytes.
    if (this.bodyUsed) throw new TypeError('Body has already been consumed');
    return this.#body;
  }
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

interface LiteResponseInit {
  status?: number;
  statusText?: string;
  headers?: HeadersInitLike | LiteHeaders;
}

export class LiteResponse extends LiteBodyHolder {
  readonly #status!: number;
  readonly #statusText!: string;
  readonly #headers!: LiteHeaders;

  constructor(body?: unknown, init: LiteResponseInit = {}) {
    const lite = liteBody(body);
    const status = init.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) throw new RangeError(`Response: status ${String(status)} is not in 200–599`);
    if (!lite) {
      // A body this class does not hold (FormData, Blob, a foreign stream): Node's Response, returned as the result of `new`.
      const { Response: NodeResponse } = real();
      // eslint-disable-next-line no-constructor-return
      return new NodeResponse(body as BodyInit, init as ResponseInit) as unknown as LiteResponse;
    }
    if (lite.body !== null && NULL_BODY_STATUS.has(status)) throw new TypeError(`Response: status ${status} cannot have a body`);
    super(lite.body);
    this.#status = status;
    this.#statusText = init.statusText ?? '';
    this.#headers = new LiteHeaders(init.headers as HeadersInitLike);
    if (lite.type && !this.#headers.has('content-type')) this.#headers.set('content-type', lite.type);
  }

  protected toReal(body: Uint8Array | null): Response {
    const { Response: NodeResponse } = real();
    return new NodeResponse(body as BodyInit | null, { status: this.#status, statusText: this.#statusText, headers: [...this.#headers] });
  }

  get status(): number {
    return this.#status;
  }
  get statusText(): string {
    return this.#statusText;
  }
  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }
  get headers(): LiteHeaders {
    return this.#headers;
  }
  get type(): ResponseType {
    return 'default';
  }
  get url(): string {
    return '';
  }
  get redirected(): boolean {
    return false;
  }

  clone(): LiteResponse {
    const body = this.bodyForClone();
    return new LiteResponse(body ? (body.text ?? body.bytes) : null, { status: this.#status, statusText: this.#statusText, headers: this.#headers });
  }

  get [Symbol.toStringTag](): string {
    return 'Response';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Response]';
  }

  static json(data: unknown, init: LiteResponseInit = {}): LiteResponse {
    const headers = new LiteHeaders(init.headers as HeadersInitLike);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new LiteResponse(JSON.stringify(data), { ...init, headers });
  }

  static redirect(url: string | URL, status = 302): LiteResponse {
    if (!REDIRECT_STATUS.has(status)) throw new RangeError(`Response.redirect: ${status} is not a redirect status`);
    return new LiteResponse(null, { status, headers: { location: new URL(String(url)).href } });
  }

  static error(): Response {
    return real().Response.error();
  }
}

const NORMALISED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

interface LiteRequestInit {
  method?: string;
  headers?: HeadersInitLike | LiteHeaders;
  body?: unknown;
  signal?: AbortSignal | null;
  duplex?: 'half';
}

export class LiteRequest extends LiteBodyHolder {
  readonly #url!: string;
  readonly #method!: string;
  readonly #headers!: LiteHeaders;
  #signal!: AbortSignal | null;

  constructor(input: string | URL | LiteRequest, init: LiteRequestInit = {}) {
    const from = LiteRequest.#isLite(input) ? input : null;
    const takesBody = 'body' in init && init.body !== undefined;
    const lite = takesBody ? liteBody(init.body) : from ? { body: from.peekBody() } : { body: null };
    const foreign = typeof input === 'object' && !(input instanceof URL) && !from;
    if (!lite || foreign || (from && !takesBody && from.bodyUsed && from.peekBody() !== null)) {
      // A body this class does not hold, or a request of Node's own: Node's Request, returned as the result of `new`.
      const { Request: NodeRequest } = real();
      const nodeInit = { ...init, ...(init.headers ? { headers: [...new LiteHeaders(init.headers as HeadersInitLike)] } : {}) };
      // eslint-disable-next-line no-constructor-return
      return new NodeRequest(input as RequestInfo, nodeInit as RequestInit) as unknown as LiteRequest;
    }
    const url = new URL(from ? from.url : String(input)).href;
    const asked = init.method ?? from?.method ?? 'GET';
    if (!TOKEN.test(asked)) throw new TypeError(`Request: invalid method "${asked}"`);
    const method = NORMALISED_METHODS.has(asked.toUpperCase()) ? asked.toUpperCase() : asked;
    if (lite.body !== null && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
    super(lite.body);
    this.#url = url;
    this.#method = method;
    this.#headers = new LiteHeaders((init.headers ?? from?.headers) as HeadersInitLike);
    if (lite.type && !this.#headers.has('content-type')) this.#headers.set('content-type', lite.type);
    this.#signal = init.signal ?? from?.signal ?? null;
  }

  static #isLite(value: unknown): value is LiteRequest {
    return typeof value === 'object' && value !== null && #url in value;
  }

  protected toReal(body: Uint8Array | null): Request {
    const { Request: NodeRequest } = real();
    return new NodeRequest(this.#url, { method: this.#method, headers: [...this.#headers], body: body as BodyInit | null, ...(this.#signal ? { signal: this.#signal } : {}) });
  }

  get url(): string {
    return this.#url;
  }
  get method(): string {
    return this.#method;
  }
  get headers(): LiteHeaders {
    return this.#headers;
  }
  get signal(): AbortSignal {
    this.#signal ??= new AbortController().signal;
    return this.#signal;
  }
  get cache(): RequestCache {
    return 'default';
  }
  get credentials(): RequestCredentials {
    return 'same-origin';
  }
  get destination(): RequestDestination {
    return '';
  }
  get integrity(): string {
    return '';
  }
  get keepalive(): boolean {
    return false;
  }
  get mode(): RequestMode {
    return 'cors';
  }
  get redirect(): RequestRedirect {
    return 'follow';
  }
  get referrer(): string {
    return 'about:client';
  }
  get referrerPolicy(): ReferrerPolicy {
    return '';
  }
  get duplex(): 'half' {
    return 'half';
  }

  clone(): LiteRequest {
    const body = this.bodyForClone();
    return new LiteRequest(this.#url, { method: this.#method, headers: this.#headers, body: body ? (body.text ?? body.bytes) : null, signal: this.signal });
  }

  get [Symbol.toStringTag](): string {
    return 'Request';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Request]';
  }
}

const NAMES = ['Headers', 'Request', 'Response'] as const;

/**
 * Puts the classes above in place of Node's `Headers`, `Request` and `Response`; Node's stay
 * reachable (loaded on first use) for what these hand over. Returns a function that puts Node's back.
 */
export function installLiteFetch(): () => void {
  const saved = Object.fromEntries(NAMES.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)!])) as Record<(typeof NAMES)[number], PropertyDescriptor>;
  let loaded: Real | undefined;
  const previous = realClasses;
  realClasses = () =>
    (loaded ??= Object.fromEntries(NAMES.map((name) => [name, saved[name].get ? saved[name].get.call(globalThis) : saved[name].value])) as unknown as Real);
  const lite = { Headers: LiteHeaders, Request: LiteRequest, Response: LiteResponse };
  for (const name of NAMES) Object.defineProperty(globalThis, name, { value: lite[name], writable: true, configurable: true, enumerable: false });
  return () => {
    for (const name of NAMES) Object.defineProperty(globalThis, name, saved[name]);
    realClasses = previous;
  };
}
