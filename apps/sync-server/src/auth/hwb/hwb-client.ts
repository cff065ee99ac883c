/**
 * The OpenID Connect client for Hwb (IDENTITY.md H1-H4), through openid-client: discovery of
 * the provider's metadata, the authorization code flow with PKCE (S256), state and nonce, and
 * RP-initiated logout. The id_token's signature is checked against the provider's published
 * keys as well as its issuer, audience, expiry and nonce (openid-client checks the last four
 * always; the signature only when asked, which we do).
 */
import * as oidc from 'openid-client';
import type { AccessLogger } from '../../access/context';
import type { HwbSettings } from './settings';

export interface AuthorizationStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type TokenOutcome =
  | { ok: true; claims: Record<string, unknown>; idToken: string; issuer: string }
  | { ok: false; code: 'hwb.token-invalid' | 'hwb.cancelled' | 'hwb.unavailable'; reason: string };

/** Discovery is retried on demand, at most this often, when the provider was not reachable at start. */
export const defaultRediscoverAfterMs = 15_000;

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The library's message and its cause's, for the log: which check failed. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

export class HwbClient {
  private config: oidc.Configuration | undefined;
  private discovering: Promise<oidc.Configuration | undefined> | undefined;
  private lastFailureAt = 0;

  constructor(readonly settings: HwbSettings, private readonly logger: AccessLogger, private readonly rediscoverAfterMs = defaultRediscoverAfterMs) {}

  /** Discovers the provider now (at start); on failure logs it and tries again when next needed. */
  async start(): Promise<boolean> {
    return (await this.ready()) !== undefined;
  }

  private async ready(): Promise<oidc.Configuration | undefined> {
    if (this.config) return this.config;
    if (Date.now() - this.lastFailureAt < this.rediscoverAfterMs) return undefined;
    this.discovering ??= this.discover().finally(() => { this.discovering = undefined; });
    return this.discovering;
  }

  private async discover(): Promise<oidc.Configuration | undefined> {
    const { issuer, clientId, clientSecret, redirectUrl } = this.settings;
    try {
      const execute = [oidc.enableNonRepudiationChecks, ...(isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [])];
      this.config = await oidc.discovery(issuer, clientId, { redirect_uris: [redirectUrl.href], response_types: ['code'] }, oidc.ClientSecretPost(clientSecret), { execute, timeout: 10 });
      this.logger.info({ issuer: issuer.href }, 'Hwb provider discovered');
      return this.config;
    } catch (error) {
      this.lastFailureAt = Date.now();
      this.logger.error({ err: error, issuer: issuer.href }, 'Hwb provider discovery failed');
      return undefined;
    }
  }

  /** A fresh state, nonce and PKCE verifier, and the provider's address carrying them; null if the provider is unreachable. */
  async beginAuthorization(): Promise<AuthorizationStart | null> {
    const config = await this.ready();
    if (!config) return null;
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl.href,
      scope: 'openid profile email',
      response_type: 'code',
      response_mode: 'query',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state, nonce, codeVerifier };
  }

  /** Redeems the code at the token endpoint and validates the id_token. */
  async finishAuthorization(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<TokenOutcome> {
    const config = await this.ready();
    if (!config) return { ok: false, code: 'hwb.unavailable', reason: 'provider not discovered' };
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) return { ok: false, code: 'hwb.token-invalid', reason: 'no id_token' };
      return { ok: true, claims: { ...claims }, idToken: tokens.id_token, issuer: claims.iss };
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied') return { ok: false, code: 'hwb.cancelled', reason: error.error };
      if (error instanceof TypeError || (error instanceof Error && error.name === 'AbortError')) return { ok: false, code: 'hwb.unavailable', reason: error.message };
      return { ok: false, code: 'hwb.token-invalid', reason: describe(error) };
    }
  }

  /** Where to send the browser to end the provider's session too, if it offers RP-initiated logout. */
  endSessionUrl(idToken: string): URL | null {
    if (!this.config?.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(this.config, { id_token_hint: idToken, post_logout_redirect_uri: this.settings.postLogoutUrl.href });
  }
}
