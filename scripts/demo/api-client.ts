/** A small typed HTTP client for the Liaison API, used by the demo and the end-to-end specs. */

/** A bearer token (JWT or API key), or a signed-in session: its cookie and CSRF token. */
export type Credential = string | { cookie: string; csrfToken: string };

function authHeaders(credential: Credential): Record<string, string> {
  if (typeof credential === 'string') return { authorization: `Bearer ${credential}` };
  return { cookie: credential.cookie, 'x-csrf-token': credential.csrfToken };
}

/** Signs in with a built-in account (POST /v1/session): the session to send back. */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${baseUrl}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new ApiError(res.status, text, `sign-in as ${username}`);
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrfToken };
}
export interface ApiResponse<T> {
  status: number;
  body: T;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly credential: Credential,
  ) {}

  as(credential: Credential): ApiClient {
    return new ApiClient(this.baseUrl, credential);
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...authHeaders(this.credential),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** The request must succeed; anything else throws with the answer. */
  async ok<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const res = await this.request<T>(method, path, body, headers);
    if (res.status >= 300) throw new ApiError(res.status, res.body, `${method} ${path}`);
    return res.body;
  }
}
