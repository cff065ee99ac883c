/**
 * The web doors (ACCESS.md A80-A86), tried as an attacker would, through the real server on
 * port 0: the headers every response carries, bodies bounded before they are read (a 300 MB
 * body to the sign-in route), throttling that does not lock the owner out while someone else
 * hammers their account, forwarded headers believed only behind a trusted proxy, bidi controls
 * refused in titles and names, and the summary route the client asks before showing a document.
 * Requests go through node:http so that each can leave from its own loopback address
 * (127.0.0.2, 127.0.0.3: two people on two networks) and stream a body without holding it.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@cydweithio/model';
import { parseEnv } from '@cydweithio/sync-server/env';
import { startAccessServer, type AccessServer, type AccessServerOptions } from '../access/helpers/access-server';
import { makeDataDir } from '../sync/helpers/server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(options: AccessServerOptions = {}): Promise<AccessServer> {
  const started = await startAccessServer(options);
  cleanups.push(() => started.close());
  return started;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Leave from this loopback address (another client on another network). */
  from?: string;
}

/** One request; the answer's body read whole (our answers are small). */
function send(ctx: AccessServer, sent: Sent): Promise<Answer> {
  const url = new URL(sent.path, ctx.server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: sent.method ?? 'GET', headers: { origin: ctx.server.url, ...sent.headers }, ...(sent.from ? { localAddress: sent.from } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(sent.body);
  });
}

function signIn(ctx: AccessServer, email: string, password: string, from?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return send(ctx, { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }), ...(from ? { from } : {}) });
}

function emailOf(ctx: AccessServer, personId: string): string {
  const person = ctx.dataset.people.find((p) => p.id === personId);
  if (!person) throw new Error(`no demo person ${personId}`);
  return person.email;
}

/**
 * Streams `totalBytes` of JSON-looking bytes from one reused 1 MB buffer (this process never
 * holds the body), declared by Content-Length or chunked. Resolves with the answer, however much
 * of the body the server let through before closing.
 */
function sendHuge(ctx: AccessServer, path: string, totalBytes: number, declared: boolean): Promise<Answer & { bytesWritten: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  chunk.write('{"email":"', 0);
  const url = new URL(path, ctx.server.url);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered: Answer | undefined;
    const headers: Record<string, string> = { origin: ctx.server.url, 'content-type': 'application/json', ...(declared ? { 'content-length': String(totalBytes) } : {}) };
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (part: Buffer) => chunks.push(part));
      res.on('end', () => {
        answered = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
        resolve({ ...answered, bytesWritten: written });
        req.destroy();
      });
    });
    // The server closes the connection after its 413: writing on is then an EPIPE or a reset.
    req.on('error', (error) => (answered ? resolve({ ...answered, bytesWritten: written }) : reject(error)));
    const pump = (): void => {
      while (written < totalBytes && !req.destroyed) {
        const part = written + chunk.length <= totalBytes ? chunk : chunk.subarray(0, totalBytes - written);
        written += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function expectStrictHeaders(answer: Answer, what: string, syncOrigin: string): void {
  const csp = String(answer.headers['content-security-policy'] ?? '');
  const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values]));
  expect(directives.get('script-src'), what).toEqual(["'self'"]);
  expect(directives.get('style-src'), what).toEqual(["'self'"]);
  expect(directives.get('img-src'), what).toEqual(["'self'"]);
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(directives.get('base-uri'), what).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(directives.get('default-src'), what).toEqual(["'self'"]);
  expect(directives.get('connect-src'), what).toEqual(["'self'", syncOrigin]);
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['referrer-policy'], what).toBe('no-referrer');
  expect(answer.headers['x-frame-options'], what).toBe('DENY');
}

function builtApp(): string {
  const dir = makeDataDir('cyd-static-');
  cleanups.push(() => dir.remove());
  mkdirSync(join(dir.dir, 'assets'));
  writeFileSync(join(dir.dir, 'index.html'), '<!doctype html><html lang="cy"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(join(dir.dir, 'assets', 'app.js'), 'export {};\n');
  return dir.dir;
}

describe('headers on every response', () => {
  it('A80: pages, files, API answers, errors, health and the public summary carry the strict policy, nosniff and a referrer policy; no HSTS over http', async () => {
    const ctx = await server({ staticDir: builtApp() });
    const host = new URL(ctx.server.url).host;
    const cookie = await ctx.cookieOf('demo-headteacher');
    const answers: [string, Answer][] = [
      ['the app page', await send(ctx, { path: '/' })],
      ['a client route (SPA fallback)', await send(ctx, { path: '/documents/self-evaluation:x' })],
      ['a script file', await send(ctx, { path: '/assets/app.js' })],
      ['an API answer', await send(ctx, { path: '/api/documents', headers: { cookie } })],
      ['an API refusal', await send(ctx, { path: '/api/me' })],
      ['an unknown API route', await send(ctx, { path: '/api/no-such-route' })],
      ['a sign-in', await signIn(ctx, emailOf(ctx, 'demo-governor'), DEMO_PASSWORD)],
      ['health', await send(ctx, { path: '/healthz' })],
      ['the public summary page', await send(ctx, { path: '/summary/0000000' })],
    ];
    for (const [what, answer] of answers) {
      expectStrictHeaders(answer, what, `ws://${host}`);
      expect(answer.headers['strict-transport-security'], what).toBeUndefined();
    }
    expect(answers[0]?.[1].headers['content-type']).toContain('text/html');
    expect(answers[2]?.[1].headers['content-type']).toContain('javascript');
  });

  it('A81: behind a trusted TLS proxy, HSTS is sent, the sync origin is wss and the session cookie is Secure; without TRUST_PROXY the proxy\'s claim is ignored', async () => {
    // TRUST_PROXY is off unless the host turns it on (env.ts).
    const data = makeDataDir('cyd-env-');
    cleanups.push(() => data.remove());
    const defaults = parseEnv({ DATA_DIR: data.dir });
    const turnedOn = parseEnv({ DATA_DIR: data.dir, TRUST_PROXY: 'true' });
    expect(defaults.ok && defaults.env.TRUST_PROXY).toBe(false);
    expect(turnedOn.ok && turnedOn.env.TRUST_PROXY).toBe(true);
    expect(parseEnv({ DATA_DIR: data.dir, TRUST_PROXY: 'maybe' }).ok).toBe(false);

    const trusting = await server({ trustProxy: true });
    const host = new URL(trusting.server.url).host;
    const overTls = await signIn(trusting, emailOf(trusting, 'demo-headteacher'), DEMO_PASSWORD, undefined, { 'x-forwarded-proto': 'https' });
    expect(overTls.status).toBe(200);
    expectStrictHeaders(overTls, 'a sign-in through the TLS proxy', `wss://${host}`);
    expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(overTls.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await signIn(trusting, emailOf(trusting, 'demo-headteacher'), DEMO_PASSWORD, undefined, { 'x-forwarded-proto': 'http' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);

    const direct = await server();
    const claimed = await signIn(direct, emailOf(direct, 'demo-headteacher'), DEMO_PASSWORD, undefined, { 'x-forwarded-proto': 'https' });
    expect(claimed.status).toBe(200);
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
    expect(String(claimed.headers['set-cookie'])).not.toMatch(/Secure/);
    expectStrictHeaders(claimed, 'a direct sign-in claiming https', `ws://${new URL(direct.server.url).host}`);
  });
});

describe('bounded bodies', () => {
  it('A82: a 300 MB body to the sign-in route is refused with 413 request.too-large before it is read, and the server\'s memory grows by under 50 MB', async () => {
    const ctx = await server();
    const total = 300 * 1024 * 1024;
    for (const declared of [true, false]) {
      const before = process.memoryUsage();
      const answer = await sendHuge(ctx, '/api/auth/login', total, declared);
      const after = process.memoryUsage();
      const growth = after.rss - before.rss;
      console.log(`A82 (${declared ? 'Content-Length declared' : 'chunked'}): 413 after the client wrote ${mib(answer.bytesWritten)} of ${mib(total)}; server process rss ${mib(before.rss)} -> ${mib(after.rss)} (growth ${mib(growth)}), heap ${mib(before.heapUsed)} -> ${mib(after.heapUsed)}`);
      expect(answer.status).toBe(413);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status: 413, code: 'request.too-large' });
      expect(growth).toBeLessThan(50 * 1024 * 1024);
    }
    // The server is still answering, and a normal sign-in works.
    expect((await signIn(ctx, emailOf(ctx, 'demo-headteacher'), DEMO_PASSWORD)).status).toBe(200);
  });

  it('A82: JSON bodies over 64 KB are refused on every route, the address-list import takes up to 8 MB', async () => {
    const ctx = await server();
    const cookie = await ctx.cookieOf('demo-la-officer');
    const big = JSON.stringify({ kind: 'self-evaluation', ownerId: ctx.dataset.cast.primaryId, title: 'x', focus: 'y'.repeat(70 * 1024) });
    for (const path of ['/api/documents', '/api/auth/login', '/api/directory/collaboratives', '/api/invitations/abc/accept', '/api/no-such-route']) {
      const answer = await send(ctx, { method: 'POST', path, headers: { cookie, 'content-type': 'application/json' }, body: big });
      expect(answer.status, path).toBe(413);
      expect(JSON.parse(answer.body), path).toMatchObject({ code: 'request.too-large' });
    }
    // Two megabytes of CSV passes the limit and reaches the import, which reads it (and says it is not the WG list).
    const csv = `not,the,address,list\n${'a,b,c,d\n'.repeat(256 * 1024)}`;
    const imported = await send(ctx, { method: 'POST', path: '/api/directory/import', headers: { cookie, 'content-type': 'text/csv' }, body: csv });
    expect(imported.status).toBe(400);
    expect(JSON.parse(imported.body)).toMatchObject({ code: 'directory.import-invalid' });
    const tooBig = await send(ctx, { method: 'POST', path: '/api/directory/import', headers: { cookie, 'content-type': 'text/csv' }, body: 'a'.repeat(8 * 1024 * 1024 + 1) });
    expect(tooBig.status).toBe(413);
  });
});

describe('sign-in throttling', () => {
  it('A83: the owner signs in from their own address while another address hammers their account', async () => {
    const ctx = await server();
    const email = emailOf(ctx, 'demo-headteacher');
    const attacker = '127.0.0.3';
    const owner = '127.0.0.2';
    const statuses: number[] = [];
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await signIn(ctx, email, `guess-${i}`, attacker);
      statuses.push(answer.status);
      if (answer.status === 429) waits.push(Number(answer.headers['retry-after']));
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
    expect(waits.every((wait) => wait >= 1)).toBe(true);
    // The right password from the attacker's address is refused too: guessing it there is no use.
    expect((await signIn(ctx, email, DEMO_PASSWORD, attacker)).status).toBe(429);
    // The owner, from their own network, is not slowed at all.
    const own = await signIn(ctx, email, DEMO_PASSWORD, owner);
    expect(own.status).toBe(200);
    expect(String(own.headers['set-cookie'])).toMatch(/^cyd_session=/);
    // Mistyping twice at home still leaves them in.
    expect((await signIn(ctx, email, 'typo', owner)).status).toBe(401);
    expect((await signIn(ctx, email, DEMO_PASSWORD, owner)).status).toBe(200);
  });

  it('A83: an address spraying many accounts is stopped by its own bucket', async () => {
    const ctx = await server();
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++) statuses.push((await signIn(ctx, `spray-${i}@example.cymru`, 'x', '127.0.0.4')).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(50)).toEqual([429, 429]);
    // Another address is unaffected.
    expect((await signIn(ctx, emailOf(ctx, 'demo-governor'), DEMO_PASSWORD, '127.0.0.5')).status).toBe(200);
  });

  it('A84: X-Forwarded-For is believed only with TRUST_PROXY: an attacker cannot name a new address per attempt', async () => {
    const direct = await server();
    const email = emailOf(direct, 'demo-headteacher');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn(direct, email, `guess-${i}`, '127.0.0.3', { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);

    // Behind a trusted proxy every request comes from the proxy (here 127.0.0.3), which appends the
    // address it saw: that last hop tells people apart, whatever the client wrote before it.
    const proxied = await server({ trustProxy: true });
    const hammered: number[] = [];
    for (let i = 0; i < 8; i++) hammered.push((await signIn(proxied, email, `guess-${i}`, '127.0.0.3', { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.66` })).status);
    expect(hammered.slice(5).every((s) => s === 429)).toBe(true);
    expect((await signIn(proxied, email, DEMO_PASSWORD, '127.0.0.3', { 'x-forwarded-for': '203.0.113.66' })).status).toBe(429);
    expect((await signIn(proxied, email, DEMO_PASSWORD, '127.0.0.3', { 'x-forwarded-for': '192.0.2.10' })).status).toBe(200);
  });
});

describe('text that displays as something else', () => {
  it('A85: titles and names with bidi override characters are refused with 400 request.invalid naming the field', async () => {
    const ctx = await server();
    const spoofed = 'Adolygiad\u202Efdp.exe';
    const created = await ctx.api('demo-headteacher', '/api/documents', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'self-evaluation', ownerId: ctx.dataset.cast.primaryId, title: spoofed }),
    });
    expect(created.status).toBe(400);
    expect(created.headers.get('content-type')).toBe('application/problem+json');
    expect(await created.json()).toMatchObject({ code: 'request.invalid', errors: [expect.objectContaining({ path: 'title', message: expect.stringMatching(/bidirectional/) })] });

    const collaborative = ctx.dataset.collaboratives[0];
    if (!collaborative) throw new Error('no demo collaborative');
    const { id: _id, synthetic: _synthetic, ...body } = collaborative;
    const renamed = await ctx.api('demo-la-officer', `/api/directory/collaboratives/${collaborative.id}`, {
      method: 'PUT', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, name: { cy: 'Clwstwr\u2067 Alun', en: 'Alun cluster' } }),
    });
    expect(renamed.status).toBe(400);
    expect(await renamed.json()).toMatchObject({ code: 'request.invalid', errors: [expect.objectContaining({ path: 'name.cy' })] });

    // Nothing was written: the listing has no spoofed title.
    const listed = await (await ctx.api('demo-headteacher', '/api/documents')).json() as { documents: { title: string }[] };
    expect(listed.documents.some((d) => d.title.includes('\u202E'))).toBe(false);
  });
});

describe('one document\'s summary', () => {
  it('A86: GET /api/documents/:id gives a reader the summary, a refused person 403 document.forbidden, an unknown id 404 document.not-found', async () => {
    const ctx = await server();
    const created = await ctx.api('demo-headteacher', '/api/documents', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'peer-review', ownerId: ctx.dataset.cast.primaryId, title: 'Adolygiad heb ei rannu', reviewerIds: ['demo-reviewer'] }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json() as { id: string };
    const path = `/api/documents/${encodeURIComponent(id)}`;
    const owner = await ctx.api('demo-headteacher', path);
    expect(owner.status).toBe(200);
    expect(await owner.json()).toEqual({ document: expect.objectContaining({ id, kind: 'peer-review', title: 'Adolygiad heb ei rannu', access: 'owner', sharedWithLa: false }) });
    const reviewer = await ctx.api('demo-reviewer', path);
    expect(reviewer.status).toBe(200);
    const la = await ctx.api('demo-la-officer', path);
    expect(la.status).toBe(403);
    const refusal = await la.json() as Record<string, unknown>;
    expect(refusal).toMatchObject({ code: 'document.forbidden' });
    expect(JSON.stringify(refusal)).not.toContain('Adolygiad heb ei rannu');
    const unknown = await ctx.api('demo-headteacher', `/api/documents/${encodeURIComponent('peer-review:no-such-document')}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'document.not-found' });
    expect((await fetch(`${ctx.server.url}${path}`)).status).toBe(401);
  });
});
