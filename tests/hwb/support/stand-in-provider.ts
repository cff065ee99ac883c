/**
 * A real OpenID provider (oidc-provider) on loopback, port 0, standing in for Entra ID: it
 * publishes discovery and keys, shows its own login page, runs the code flow with PKCE, and
 * signs id_tokens carrying Entra's claims (`tid`, `oid`, `upn`, `email`). Its people belong to
 * tenants, like Entra's multi-tenant endpoint. The tests can also tamper with what its token
 * endpoint answers, and sign tokens with its own key, to play the attacker.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface StandInPerson {
  /** The login typed on the provider's page. */
  login: string;
  tid: string;
  oid: string;
  name: string;
  upn?: string;
  /** Entra's unverified, user-editable email claim: what nOAuth abuses. */
  email?: string;
  emailVerified?: boolean;
}

export interface StandInClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutUri: string;
}

export interface StandInProvider {
  issuer: string;
  keyId: string;
  /** Replaces the id_token in the token endpoint's next answers (until set back to undefined). */
  tamperIdToken: ((idToken: string) => string) | undefined;
  /** Signs a JWT with the provider's own key (RS256, its key id). */
  signWithProviderKey(payload: Record<string, unknown>): string;
  /** Signs a JWT with a key the provider never published. */
  signWithStrangerKey(payload: Record<string, unknown>): string;
  /** The claims of a compact JWT, unverified (to build forgeries from real tokens). */
  decode(jwt: string): Record<string, unknown>;
  /** Number of RP-initiated logouts completed at the provider. */
  logouts: number;
  close(): Promise<void>;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = base64url(JSON.stringify(payload));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key);
  return `${head}.${body}.${base64url(signature)}`;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** On port 0 unless a port is given (a test that starts the provider after the app). */
export async function startStandInProvider(people: readonly StandInPerson[], clients: readonly StandInClient[], atPort = 0): Promise<StandInProvider> {
  const server = createServer();
  const port = await listen(server, atPort);
  const issuer = `http://127.0.0.1:${port}`;
  const keyId = 'stand-in-1';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as JsonWebKey), kid: keyId, alg: 'RS256', use: 'sig' };
  const byLogin = new Map(people.map((person) => [person.login, person]));

  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      post_logout_redirect_uris: [client.postLogoutUri],
      token_endpoint_auth_method: 'client_secret_post',
      response_types: ['code'],
      grant_types: ['authorization_code'],
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['stand-in-cookie-key-not-a-secret'] },
    pkce: { required: () => true },
    // Entra puts the person's claims in the id_token itself.
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'tid', 'oid'], profile: ['name', 'upn'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const person = byLogin.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: `pairwise-${person.oid}`, tid: person.tid, oid: person.oid, name: person.name,
          ...(person.upn ? { upn: person.upn } : {}),
          ...(person.email ? { email: person.email, email_verified: person.emailVerified ?? false } : {}),
        }),
      };
    },
    // Admin consent, as an Entra tenant gives a registered app: no consent page.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId ?? '', accountId: ctx.oidc.session?.accountId ?? '' });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (_ctx: unknown, error: Error) => console.error('stand-in provider error', error));

  const handle: StandInProvider = {
    issuer,
    keyId,
    tamperIdToken: undefined,
    logouts: 0,
    signWithProviderKey: (payload) => signJwt(payload, privateKey, keyId),
    signWithStrangerKey: (payload) => signJwt(payload, createPrivateKey(stranger.export({ format: 'pem', type: 'pkcs8' })), keyId),
    decode: (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && handle.tamperIdToken && body?.id_token) ctx.body = { ...body, id_token: handle.tamperIdToken(body.id_token) };
    if (ctx.path === '/session/end/success') handle.logouts += 1;
  });
  const handler = provider.callback();
  server.on('request', (request, response) => { void handler(request, response); });
  return handle;
}
