/**
 * The deployment's Hwb settings (IDENTITY.md H1-H4), built from the validated environment.
 * Pure: env.ts reads the variables; this checks they make one coherent configuration.
 */

export interface HwbSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  /** Where the provider returns people after signing out there (registered with the app). */
  postLogoutUrl: URL;
  /** Allowed tenant id -> the domains that tenant vouches for (lower case). */
  tenants: ReadonlyMap<string, readonly string[]>;
  /** Password sign-in is off: everyone signs in with Hwb (H20). */
  hwbOnly: boolean;
}

export interface HwbEnv {
  HWB_ISSUER?: string | undefined;
  HWB_CLIENT_ID?: string | undefined;
  HWB_CLIENT_SECRET?: string | undefined;
  HWB_REDIRECT_URL?: string | undefined;
  HWB_TENANTS?: string | undefined;
  HWB_ONLY: boolean;
  PUBLIC_URL?: string | undefined;
}

export type HwbSettingsResult = { ok: true; settings: HwbSettings | undefined } | { ok: false; problems: string[] };

const tenantIdPattern = /^[A-Za-z0-9-]{1,64}$/;
const domainPattern = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `<tenant id>=<domain>|<domain>,<tenant id>=<domain>`: every tenant names at least one domain. */
export function parseTenants(text: string): { tenants: Map<string, string[]>; problems: string[] } {
  const tenants = new Map<string, string[]>();
  const problems: string[] = [];
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [id = '', domainList = ''] = entry.split('=', 2).map((part) => part.trim());
    const domains = domainList.split('|').map((domain) => domain.trim().toLowerCase()).filter(Boolean);
    if (!tenantIdPattern.test(id)) problems.push(`HWB_TENANTS: "${id}" is not a tenant id`);
    else if (domains.length === 0) problems.push(`HWB_TENANTS: tenant ${id} names no domain it vouches for`);
    else if (tenants.has(id)) problems.push(`HWB_TENANTS: tenant ${id} is listed twice`);
    for (const domain of domains) if (!domainPattern.test(domain)) problems.push(`HWB_TENANTS: "${domain}" is not a domain`);
    if (domains.length > 0) tenants.set(id, domains);
  }
  return { tenants, problems };
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export function hwbSettingsFrom(env: HwbEnv): HwbSettingsResult {
  const required = { HWB_ISSUER: env.HWB_ISSUER, HWB_CLIENT_ID: env.HWB_CLIENT_ID, HWB_CLIENT_SECRET: env.HWB_CLIENT_SECRET, HWB_TENANTS: env.HWB_TENANTS };
  const missing = Object.entries(required).filter(([, value]) => !value).map(([name]) => name);
  if (missing.length === 4) {
    return env.HWB_ONLY ? { ok: false, problems: ['HWB_ONLY: Hwb-only sign-in needs HWB_ISSUER, HWB_CLIENT_ID, HWB_CLIENT_SECRET and HWB_TENANTS'] } : { ok: true, settings: undefined };
  }
  if (missing.length > 0) return { ok: false, problems: missing.map((name) => `${name}: needed for Hwb sign-in (the other Hwb settings are set)`) };

  const problems: string[] = [];
  const issuer = new URL(required.HWB_ISSUER ?? '');
  // The provider's answers carry identities: only TLS, except a provider on this machine (tests, development).
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer))) problems.push('HWB_ISSUER: must be https (http only on loopback)');
  const redirect = env.HWB_REDIRECT_URL ?? (env.PUBLIC_URL ? new URL('/api/auth/hwb/callback', env.PUBLIC_URL).href : undefined);
  if (!redirect) problems.push('HWB_REDIRECT_URL: needed for Hwb sign-in (or set PUBLIC_URL)');
  const { tenants, problems: tenantProblems } = parseTenants(required.HWB_TENANTS ?? '');
  problems.push(...tenantProblems);
  if (tenants.size === 0 && tenantProblems.length === 0) problems.push('HWB_TENANTS: name at least one tenant');
  if (problems.length > 0 || !redirect) return { ok: false, problems };
  const redirectUrl = new URL(redirect);
  return {
    ok: true,
    settings: {
      issuer,
      clientId: required.HWB_CLIENT_ID ?? '',
      clientSecret: required.HWB_CLIENT_SECRET ?? '',
      redirectUrl,
      postLogoutUrl: new URL('/sign-in', redirectUrl),
      tenants,
      hwbOnly: env.HWB_ONLY,
    },
  };
}
