/**
 * Sign in with Hwb against a real OpenID provider (the stand-in for Entra ID): who lands in which
 * account, and who is refused (IDENTITY.md H5-H13, H16-H17).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@cydweithio/model';
import type { StandInPerson } from './support/stand-in-provider';
import { HWB_TENANT, LA_TENANT, STRANGER_TENANT, startHwbApp, type HwbApp } from './support/hwb-app';
import { signInWithHwb } from './support/provider-sign-in';

const victimEmail = 'headteacher@demo.cydweithio.cymru';
const people: StandInPerson[] = [
  { login: 'new-teacher', tid: HWB_TENANT, oid: 'oid-new-teacher', name: 'Elin Athro', upn: 'elin.athro@hwb.example' },
  { login: 'recycled', tid: HWB_TENANT, oid: 'oid-recycled-later', name: 'Elin Arall', upn: 'elin.athro@hwb.example' },
  { login: 'headteacher', tid: HWB_TENANT, oid: 'oid-headteacher', name: 'Pennaeth Demo', upn: victimEmail },
  { login: 'invited', tid: HWB_TENANT, oid: 'oid-invited', name: 'Siôn Newydd', upn: 'sion.newydd@hwb.example' },
  { login: 'stranger', tid: STRANGER_TENANT, oid: 'oid-stranger', name: 'Stranger', upn: 'someone@stranger.example' },
  // nOAuth: a second tenant's user sets their email claim to the victim's address.
  { login: 'noauth', tid: LA_TENANT, oid: 'oid-noauth', name: 'Mallory', upn: 'mallory@cyngor.example', email: victimEmail, emailVerified: true },
  { login: 'noauth-stranger', tid: STRANGER_TENANT, oid: 'oid-noauth-2', name: 'Mallory', upn: 'mallory@stranger.example', email: victimEmail },
  // A tenant naming its user in another tenant's domain: it cannot vouch for that address.
  { login: 'forged-upn', tid: LA_TENANT, oid: 'oid-forged', name: 'Mallory', upn: victimEmail },
  // A guest of the Hwb tenant: a principal name outside its domains, any email it likes.
  { login: 'guest', tid: HWB_TENANT, oid: 'oid-guest', name: 'Guest', upn: 'guest_gmail.com#EXT#@hwbtenant.onmicrosoft.com', email: victimEmail, emailVerified: true },
  // Unverified email naming an invited address; the principal name is their own.
  { login: 'unverified', tid: HWB_TENANT, oid: 'oid-unverified', name: 'Cynorthwyydd', upn: 'cynorthwyydd@hwb.example', email: 'sion.newydd@hwb.example', emailVerified: false },
  { login: 'no-tenant', tid: '', oid: 'oid-no-tenant', name: 'Nobody', upn: 'nobody@hwb.example' },
];

let ctx: HwbApp;
const url = () => ctx.app.url;

beforeAll(async () => {
  ctx = await startHwbApp(people);
});
afterAll(async () => {
  await ctx.close();
});

async function me(cookie: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url()}/api/me`, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function problemCode(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return ((await response.json()) as { code: string }).code;
}

async function passwordCookie(email: string): Promise<string> {
  const response = await fetch(`${url()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url() }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('Sign in with Hwb', () => {
  it('H10, H12: a first sign-in creates an account holding no role, named and addressed by what the tenant vouches for', async () => {
    const { response, jar } = await signInWithHwb(url(), 'new-teacher', { next: '/documents' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/documents');
    const cookie = `cyd_session=${jar.get('cyd_session') ?? ''}`;
    const { status, body } = await me(cookie);
    expect(status).toBe(200);
    expect(body).toMatchObject({ person: { name: 'Elin Athro', email: 'elin.athro@hwb.example' }, roles: [], schools: [] });
    const documents = await fetch(`${url()}/api/documents`, { headers: { cookie } });
    expect(await documents.json()).toEqual({ documents: [] });
    const identities = await fetch(`${url()}/api/auth/hwb/identities`, { headers: { cookie } });
    expect(await identities.json()).toMatchObject({ identities: [{ tenantId: HWB_TENANT, vouchedAddress: 'elin.athro@hwb.example' }] });
  });

  it('H9: signing in again reaches the same account, by tenant and object id', async () => {
    const first = await signInWithHwb(url(), 'new-teacher');
    const second = await signInWithHwb(url(), 'new-teacher');
    const a = await me(`cyd_session=${first.jar.get('cyd_session') ?? ''}`);
    const b = await me(`cyd_session=${second.jar.get('cyd_session') ?? ''}`);
    expect((a.body['person'] as { id: string }).id).toBe((b.body['person'] as { id: string }).id);
  });

  it('H11: a new object id under an address already linked is refused, never handed the account', async () => {
    await signInWithHwb(url(), 'new-teacher');
    const { response, jar } = await signInWithHwb(url(), 'recycled');
    expect(response.status).toBe(409);
    expect(await problemCode(response)).toBe('hwb.account-linked-elsewhere');
    expect(jar.get('cyd_session')).toBeUndefined();
  });

  it('H8, H10: an account invited earlier, at an address the tenant vouches for, is linked and lands in its roles, keeping its name', async () => {
    const { response, jar } = await signInWithHwb(url(), 'headteacher');
    expect(response.status).toBe(303);
    const { body } = await me(`cyd_session=${jar.get('cyd_session') ?? ''}`);
    const head = ctx.dataset.people.find((p) => p.id === 'demo-headteacher');
    expect(body['person']).toMatchObject({ id: 'demo-headteacher', email: victimEmail, name: head?.name });
    expect(body['roles']).toEqual(expect.arrayContaining(head?.roles.map((r) => expect.objectContaining(r)) ?? []));
    expect((body['roles'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('H13: an open invitation to the vouched-for address is accepted after signing in with Hwb, and its role granted', async () => {
    // The school's own LA officer may give a school role (P16); the convenor may not.
    const convenor = await passwordCookie(ctx.dataset.people.find((p) => p.id === 'demo-la-officer')?.email ?? '');
    const invited = await fetch(`${url()}/api/collaboratives/${ctx.dataset.cast.clusterId}/invitations`, {
      method: 'POST', headers: { cookie: convenor, origin: url(), 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sion.newydd@hwb.example', role: 'practitioner', schoolId: ctx.dataset.cast.primaryId }),
    });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };

    // Someone else whose unverified email claim names the invited address gets nothing of it.
    const impostor = await signInWithHwb(url(), 'unverified');
    const impostorCookie = `cyd_session=${impostor.jar.get('cyd_session') ?? ''}`;
    const impostorMe = await me(impostorCookie);
    expect(impostorMe.body).toMatchObject({ person: { email: 'cynorthwyydd@hwb.example' }, roles: [], invitations: [] });
    const stolen = await fetch(`${url()}/api/invitations/${token}/accept`, { method: 'POST', headers: { cookie: impostorCookie, origin: url(), 'content-type': 'application/json' }, body: '{}' });
    expect(stolen.status).toBe(403);

    const { response, jar } = await signInWithHwb(url(), 'invited', { next: `/invitations/${token}` });
    expect(response.headers.get('location')).toBe(`/invitations/${token}`);
    const cookie = `cyd_session=${jar.get('cyd_session') ?? ''}`;
    const accepted = await fetch(`${url()}/api/invitations/${token}/accept`, { method: 'POST', headers: { cookie, origin: url(), 'content-type': 'application/json' }, body: '{}' });
    expect(accepted.status).toBe(200);
    const { body } = await me(cookie);
    expect(body).toMatchObject({ person: { email: 'sion.newydd@hwb.example' }, roles: [{ role: 'practitioner', schoolId: ctx.dataset.cast.primaryId }] });
  });

  it('H6: a tenant that is not configured is refused, as problem+json and, for a browser, back on the sign-in page', async () => {
    const { response, jar } = await signInWithHwb(url(), 'stranger');
    expect(response.status).toBe(403);
    expect(await problemCode(response)).toBe('hwb.tenant-refused');
    expect(jar.get('cyd_session')).toBeUndefined();
  });

  it('H7: the nOAuth attack: a second tenant\'s user whose email claim is the victim\'s address never reaches the victim\'s account', async () => {
    const { response, jar } = await signInWithHwb(url(), 'noauth');
    expect(response.status).toBe(303);
    const { body } = await me(`cyd_session=${jar.get('cyd_session') ?? ''}`);
    expect(body['person']).toMatchObject({ email: 'mallory@cyngor.example' });
    expect((body['person'] as { id: string }).id).not.toBe('demo-headteacher');
    expect(body['roles']).toEqual([]);

    const outsider = await signInWithHwb(url(), 'noauth-stranger');
    expect(await problemCode(outsider.response)).toBe('hwb.tenant-refused');
  });

  it('H7: a tenant cannot vouch for an address in another tenant\'s domain, and a guest\'s principal name vouches for nothing', async () => {
    for (const login of ['forged-upn', 'guest']) {
      const { response, jar } = await signInWithHwb(url(), login);
      expect(response.status).toBe(403);
      expect(await problemCode(response)).toBe('hwb.address-not-vouched');
      expect(jar.get('cyd_session')).toBeUndefined();
    }
  });

  it('H5: a token naming no tenant is refused', async () => {
    const { response } = await signInWithHwb(url(), 'no-tenant');
    expect(await problemCode(response)).toBe('hwb.token-invalid');
  });

  it('H19: sign-ins, links and refusals are audited with small facts only', async () => {
    const rows = ctx.database.sqlite.prepare(`select action, actor_person_id as actor, detail from audit_log where action in ('signed-in', 'linked', 'sign-in-refused') order by id`).all() as { action: string; actor: string | null; detail: string }[];
    const details = rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
    expect(details).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'linked', actor: 'demo-headteacher', detail: { provider: 'hwb', tenantId: HWB_TENANT, how: 'linked' } }),
      expect.objectContaining({ action: 'signed-in', actor: 'demo-headteacher' }),
      expect.objectContaining({ action: 'sign-in-refused', actor: null, detail: { provider: 'hwb', code: 'hwb.tenant-refused', tenantId: STRANGER_TENANT } }),
    ]));
    expect(JSON.stringify(details)).not.toContain('@');
  });
});
