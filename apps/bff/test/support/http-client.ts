import { CSRF_COOKIE, CSRF_HEADER } from '@vault-secrets/shared';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  body: unknown;
}

/** A browser-like client: keeps cookies and echoes the CSRF cookie on writes. */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: {
      json?: unknown;
      rawBody?: string;
      contentType?: string;
      csrf?: string | null;
    } = {},
  ): Promise<HttpResult> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.cookies.size > 0) {
      headers.Cookie = [...this.cookies]
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
    }
    const csrf =
      options.csrf === undefined ? this.cookies.get(CSRF_COOKIE) : options.csrf;
    if (csrf) headers[CSRF_HEADER] = csrf;
    let body: string | undefined = options.rawBody;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined)
      headers['Content-Type'] = options.contentType ?? 'application/json';

    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body });
    for (const cookie of response.headers.getSetCookie()) this.storeCookie(cookie);
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, json?: unknown, options: { csrf?: string | null } = {}) {
    return this.request('POST', path, { json, ...options });
  }

  /** GET the session endpoint once so the CSRF cookie exists, as the web app does. */
  async primeCsrf() {
    await this.get('/api/v1/auth/session');
    return this.cookies.get(CSRF_COOKIE);
  }

  async login(username: string, password: string) {
    if (!this.cookies.has(CSRF_COOKIE)) await this.primeCsrf();
    return this.post('/api/v1/auth/login', { username, password });
  }

  private storeCookie(header: string) {
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expired = attributes.some((attribute) =>
      /expires=Thu, 01 Jan 1970/i.test(attribute),
    );
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** The error code of an error envelope, or undefined. */
export function errorCode(result: HttpResult): string | undefined {
  const body = result.body as { error?: { code?: string } } | undefined;
  return body?.error?.code;
}
