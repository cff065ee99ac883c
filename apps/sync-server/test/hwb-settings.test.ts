import { describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env';
import { hwbSettingsFrom, parseTenants } from '../src/auth/hwb/settings';
import { readHwbIdentity, vouchedAddress } from '../src/auth/hwb/identity-claims';

const complete = {
  HWB_ISSUER: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0',
  HWB_CLIENT_ID: 'client',
  HWB_CLIENT_SECRET: 'secret',
  HWB_TENANTS: '9188040d-6c67-4c5b-b112-36a304b66dad=hwbcymru.net|Ysgol.Example',
  HWB_ONLY: false,
  PUBLIC_URL: 'https://cydweithio.example',
};

describe('Hwb settings', () => {
  it('H1: all of issuer, client id, secret and tenants, or none; the redirect address defaults to the public URL\'s callback', () => {
    expect(hwbSettingsFrom({ HWB_ONLY: false })).toEqual({ ok: true, settings: undefined });
    const settings = hwbSettingsFrom(complete);
    expect(settings.ok && settings.settings?.redirectUrl.href).toBe('https://cydweithio.example/api/auth/hwb/callback');
    expect(settings.ok && settings.settings?.postLogoutUrl.href).toBe('https://cydweithio.example/sign-in');
    expect(settings.ok && [...(settings.settings?.tenants ?? [])]).toEqual([['9188040d-6c67-4c5b-b112-36a304b66dad', ['hwbcymru.net', 'ysgol.example']]]);
    const partial = hwbSettingsFrom({ ...complete, HWB_CLIENT_SECRET: undefined });
    expect(partial).toEqual({ ok: false, problems: ['HWB_CLIENT_SECRET: needed for Hwb sign-in (the other Hwb settings are set)'] });
    expect(hwbSettingsFrom({ HWB_ONLY: true }).ok).toBe(false);
  });

  it('H1: the issuer is https, or http on loopback only', () => {
    expect(hwbSettingsFrom({ ...complete, HWB_ISSUER: 'http://idp.example' }).ok).toBe(false);
    expect(hwbSettingsFrom({ ...complete, HWB_ISSUER: 'http://127.0.0.1:4000' }).ok).toBe(true);
  });

  it('H4: every tenant names the domains it vouches for; bad entries are reported', () => {
    expect(parseTenants('abc=').problems).toEqual(['HWB_TENANTS: tenant abc names no domain it vouches for']);
    expect(parseTenants('a b=x.example').problems[0]).toContain('is not a tenant id');
    expect(parseTenants('t=not a domain').problems[0]).toContain('is not a domain');
    expect(parseTenants('t=a.example,t=b.example').problems).toEqual(['HWB_TENANTS: tenant t is listed twice']);
  });

  it('H1: env.ts reads the Hwb variables and refuses a half configuration', () => {
    const parsed = parseEnv({ DATA_DIR: '/tmp/cyd-env-test', SESSION_SECRET: 'x'.repeat(40), HWB_ISSUER: complete.HWB_ISSUER });
    expect(parsed.ok).toBe(false);
    const none = parseEnv({ DATA_DIR: '/tmp/cyd-env-test', SESSION_SECRET: 'x'.repeat(40) });
    expect(none.ok && none.env.hwb).toBeUndefined();
  });
});

describe('what an id_token says', () => {
  const tenants = new Map([['t1', ['hwb.example']]]);

  it('H5: the person is the tenant and object id; the email claim is never read', () => {
    const result = readHwbIdentity({ tid: 't1', oid: 'o1', upn: 'Elin@HWB.example', email: 'victim@hwb.example', name: 'Elin' }, tenants);
    expect(result).toEqual({ ok: true, identity: { tenantId: 't1', objectId: 'o1', vouchedAddress: 'elin@hwb.example', name: 'Elin' } });
    expect(readHwbIdentity({ tid: 't1', upn: 'elin@hwb.example' }, tenants)).toEqual({ ok: false, code: 'hwb.token-invalid' });
  });

  it('H6: a tenant that is not configured is refused', () => {
    expect(readHwbIdentity({ tid: 't2', oid: 'o1', upn: 'elin@hwb.example' }, tenants)).toEqual({ ok: false, code: 'hwb.tenant-refused', tenantId: 't2' });
  });

  it('H7: only an address exactly in one of the tenant\'s domains is vouched for', () => {
    expect(vouchedAddress('a@hwb.example', ['hwb.example'])).toBe('a@hwb.example');
    expect(vouchedAddress('a@sub.hwb.example', ['hwb.example'])).toBeNull();
    expect(vouchedAddress('a@hwb.example.evil', ['hwb.example'])).toBeNull();
    expect(vouchedAddress('a_b.com#EXT#@t.onmicrosoft.com', ['hwb.example'])).toBeNull();
    expect(vouchedAddress('a@b@hwb.example', ['hwb.example'])).toBeNull();
    expect(vouchedAddress(undefined, ['hwb.example'])).toBeNull();
    expect(readHwbIdentity({ tid: 't1', oid: 'o1', email: 'elin@hwb.example' }, tenants)).toEqual({ ok: false, code: 'hwb.address-not-vouched', tenantId: 't1' });
  });
});
