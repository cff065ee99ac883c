/**
 * Signing in with Hwb over plain HTTP, as a browser would: start at the app, follow the
 * redirect to the provider, submit its login form, follow it back to the app's callback.
 * One cookie jar for both (they share 127.0.0.1, as cookies ignore ports).
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface ProviderSignIn {
  /** The provider's redirect back to the app, with code and state (not yet visited). */
  callbackUrl: URL;
  jar: CookieJar;
}

async function get(url: URL, jar: CookieJar): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(response);
  return response;
}

/** From the app's start to the provider's answer, stopping before the app's callback. */
export async function throughProvider(appUrl: string, login: string, options: { next?: string; jar?: CookieJar } = {}): Promise<ProviderSignIn> {
  const jar = options.jar ?? new CookieJar();
  const start = new URL('/api/auth/hwb/start', appUrl);
  if (options.next) start.searchParams.set('next', options.next);
  let response = await get(start, jar);
  let url = start;
  for (let hop = 0; hop < 12; hop += 1) {
    const location = response.headers.get('location');
    if (response.status === 200 && url.pathname.startsWith('/interaction/')) {
      // The provider's own login page: submit its form.
      const form = new URLSearchParams({ prompt: 'login', login, password: 'any password the stand-in accepts' });
      response = await fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      jar.take(response);
      continue;
    }
    if (!location) throw new Error(`sign-in stopped at ${url.href}: ${response.status} ${await response.text()}`);
    const next = new URL(location, url);
    if (next.origin === new URL(appUrl).origin) return { callbackUrl: next, jar };
    url = next;
    response = await get(url, jar);
  }
  throw new Error('too many redirects');
}

/** Visits the app's callback as a non-browser client (problem+json on refusal). */
export async function visitCallback(callbackUrl: URL, jar: CookieJar, accept = 'application/json'): Promise<Response> {
  const response = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: jar.header(), accept } });
  jar.take(response);
  return response;
}

/** The whole sign-in; returns the callback's response and the jar (holding cyd_session on success). */
export async function signInWithHwb(appUrl: string, login: string, options: { next?: string; jar?: CookieJar } = {}): Promise<{ response: Response; jar: CookieJar; callbackUrl: URL }> {
  const { callbackUrl, jar } = await throughProvider(appUrl, login, options);
  return { response: await visitCallback(callbackUrl, jar), jar, callbackUrl };
}
