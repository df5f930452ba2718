interface Cookie {
  name: string;
  value: string;
  path: string;
}

export interface Visit {
  status: number;
  location?: string;
  headers: Headers;
  setCookies: string[];
  text: string;
}

/**
 * A browser as far as sign-in needs one: it keeps cookies (per host, by path, as browsers do:
 * the API and the IdP share 127.0.0.1, so they share the jar, ports apart) and follows
 * redirects one at a time, so a test can stop at the callback and tamper with it.
 */
export class Browser {
  private readonly jar = new Map<string, Cookie>();

  cookie(name: string): string | undefined {
    return [...this.jar.values()].find((c) => c.name === name)?.value;
  }

  dropCookie(name: string): void {
    for (const [key, c] of this.jar) if (c.name === name) this.jar.delete(key);
  }

  async visit(url: string, init: RequestInit = {}): Promise<Visit> {
    const target = new URL(url);
    const cookies = [...this.jar.values()]
      .filter((c) => target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(cookies ? { cookie: cookies } : {}),
      },
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.store(line, target);
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location === null ? undefined : new URL(location, target).toString(),
      headers: response.headers,
      setCookies,
      text: await response.text(),
    };
  }

  /**
   * Visits `url` and follows redirects until one points at a URL starting with `stopAt` (not
   * visited: returned, for the test to visit as it is or tampered with).
   */
  async followUntil(url: string, stopAt: string, limit = 15): Promise<string> {
    let next = url;
    for (let hop = 0; hop < limit; hop += 1) {
      if (next.startsWith(stopAt)) return next;
      const visit = await this.visit(next);
      if (!visit.location) {
        throw new Error(`${next} answered ${visit.status} without a redirect: ${visit.text}`);
      }
      next = visit.location;
    }
    throw new Error(`no redirect to ${stopAt} within ${limit} hops`);
  }

  private store(line: string, url: URL): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key, val = ''] = attribute.split('=');
      const k = key.toLowerCase();
      if (k === 'path') path = val;
      if (k === 'max-age' && Number(val) <= 0) expired = true;
      if (k === 'expires' && Date.parse(val) <= Date.now()) expired = true;
    }
    const key = `${url.hostname} ${path} ${name}`;
    if (expired) this.jar.delete(key);
    else this.jar.set(key, { name, value, path });
  }
}
