/**
 * A26: every role of the demo cast x every document kind x every action of the model's
 * permission table, exercised once through the real server. The model's decide() is the
 * oracle; the server must agree with it on every cell:
 *   read   = socket upgrade accepted (and the document listed)
 *   edit   = an update accepted by the server (else refused with permission denied)
 *   share  = POST /share answered 200 (peer reviews), or 409 not-shareable where the policy
 *            allows sharing a kind that has no LA share; 403 where it does not
 *   export = GET /export answered 200
 *   agree  = POST /agree answered 201 (a version in the owner's record)
 *   erase  = DELETE answered 204 (run last, refusals first)
 *   comment = POST /comments answered 201 (the server's comment channel, A29); listing the
 *            comments follows read (A28), and resolving follows the model's
 *            decideResolveComment (P15, A30); reopening, editing and mentioning follow
 *            decideReopenComment, decideChangeOwnComment and decideMention (P90-P92, A101-A104)
 *   approve = POST /api/plans/:id/approve answered 201 (CYCLE.md E5), 403 on every other kind
 *   confirm = POST /api/reviews/:id/confirm answered 200 or 201 (E14), 403 on every other kind
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allActions, decide, decideChangeOwnComment, decideMention, decideReopenComment, decideResolveComment, resourceFromRecord, type Action, type Actor, type PolicyResource } from '@cydweithio/model';
import { startAccessServer, type AccessServer, type DocKind } from './helpers/access-server';
import { tryEdit, upgradeOutcome } from './helpers/probe';

const roles = ['demo-headteacher', 'demo-senior-leader', 'demo-practitioner', 'demo-governor', 'demo-reviewer', 'demo-convenor', 'demo-facilitator', 'demo-la-officer'] as const;
const kinds: DocKind[] = ['self-evaluation', 'peer-review', 'workspace', 'development-plan', 'progress-review'];

let ctx: AccessServer;
let resources: Record<DocKind, PolicyResource>;

beforeAll(async () => {
  ctx = await startAccessServer();
  const { dataset } = ctx;
  const lookup = {
    school: (id: string) => dataset.schools.find((s) => s.id === id),
    collaborative: (id: string) => dataset.collaboratives.find((c) => c.id === id),
  };
  const resourceOf = (kind: DocKind) => {
    const record = dataset.documents.find((d) => d.record.kind === kind)?.record;
    // The demo facilitator is the Improvement Partner of the demo schools (its caseload).
    const resource = record && resourceFromRecord(record, { ...lookup, partners: (id: string) => dataset.caseloads.filter((c) => c.schoolIds.includes(id)).map((c) => c.facilitatorId) });
    if (!resource) throw new Error(`no resource for ${kind}`);
    return resource;
  };
  resources = Object.fromEntries(kinds.map((kind) => [kind, resourceOf(kind)])) as Record<DocKind, PolicyResource>;
});
afterAll(async () => {
  await ctx.close();
});

function actorOf(personId: string): Actor {
  const person = ctx.dataset.people.find((p) => p.id === personId);
  if (!person) throw new Error(personId);
  return { personId, roles: person.roles };
}

const allowed = (personId: string, action: Action, kind: DocKind) => decide(actorOf(personId), action, resources[kind]).allow;

describe('A26: the permission table through the real server', () => {
  it('A26: the table covers every action of the model', () => {
    expect([...allActions].sort()).toEqual(['agree', 'approve', 'comment', 'confirm', 'edit', 'erase', 'export', 'read', 'share']);
  });

  // A development plan on the socket is a live document like the others (CYCLE.md E3).
  const rulesOf = (kind: DocKind): string => (kind === 'development-plan' ? `A26, ${'E3'}` : 'A26');
  for (const kind of kinds) {
    it(`${rulesOf(kind)}, A86: read (socket, listing and the document's summary) and edit on a ${kind}, for every role`, async () => {
      const docId = ctx.docOf(kind);
      for (const personId of roles) {
        const cookie = await ctx.cookieOf(personId);
        const upgrade = await upgradeOutcome(`${ctx.server.syncUrl}/${docId}`, { cookie });
        expect({ personId, read: upgrade.status === 'open' }).toEqual({ personId, read: allowed(personId, 'read', kind) });
        const listing = (await (await ctx.api(personId, '/api/documents')).json()) as { documents: { id: string }[] };
        expect({ personId, listed: listing.documents.some((d) => d.id === docId) }).toEqual({ personId, listed: allowed(personId, 'read', kind) });
        const summary = await ctx.api(personId, `/api/documents/${encodeURIComponent(docId)}`);
        expect({ personId, summary: summary.status }).toEqual({ personId, summary: allowed(personId, 'read', kind) ? 200 : 403 });

        const edit = await tryEdit(ctx.server, docId, cookie, `edit-by-${personId}-on-${kind}`);
        const expected = !allowed(personId, 'read', kind) ? 'no-socket' : allowed(personId, 'edit', kind) ? 'accepted' : 'refused';
        expect({ personId, edit }).toEqual({ personId, edit: expected });
      }
    });

    it(`A26: comment on a ${kind}, for every role (add, list, resolve, reopen, edit, mention)`, async () => {
      const docId = ctx.docOf(kind);
      const path = `/api/documents/${docId}/comments`;
      const ids = new Map<string, string>();
      for (const personId of roles) {
        const response = await ctx.api(personId, path, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: `comment by ${personId}` }),
        });
        expect({ personId, status: response.status }).toEqual({ personId, status: allowed(personId, 'comment', kind) ? 201 : 403 });
        if (response.status === 201) ids.set(personId, ((await response.json()) as { comment: { id: string } }).comment.id);
        // Whoever may comment may read: a commenter who may not edit stays a viewer on the socket.
        if (allowed(personId, 'comment', kind)) expect(allowed(personId, 'read', kind)).toBe(true);
        const listed = await ctx.api(personId, path);
        expect({ personId, status: listed.status }).toEqual({ personId, status: allowed(personId, 'read', kind) ? 200 : 403 });
      }
      expect(ids.size).toBeGreaterThan(0);
      // Each role tries to resolve a comment of each author: the model's P15 is the oracle.
      for (const [authorId, commentId] of ids) {
        for (const personId of roles) {
          const response = await ctx.api(personId, `${path}/${commentId}/resolve`, { method: 'POST' });
          const expected = decideResolveComment(actorOf(personId), resources[kind], authorId).allow ? 200 : 403;
          expect({ personId, authorId, status: response.status }).toEqual({ personId, authorId, status: expected });
        }
      }
      // Reopening (P90), editing (P91) and mentioning (P92), for every role: the model is the oracle.
      const json = { 'content-type': 'application/json' };
      for (const [authorId, commentId] of ids) {
        for (const personId of roles) {
          const reopened = await ctx.api(personId, `${path}/${commentId}/reopen`, { method: 'POST' });
          const edited = await ctx.api(personId, `${path}/${commentId}`, { method: 'PATCH', headers: json, body: JSON.stringify({ body: `edited by ${personId}` }) });
          expect({ personId, authorId, reopen: reopened.status, edit: edited.status }).toEqual({
            personId, authorId,
            reopen: decideReopenComment(actorOf(personId), resources[kind], authorId).allow ? 200 : 403,
            edit: decideChangeOwnComment(actorOf(personId), resources[kind], authorId).allow ? 200 : 403,
          });
        }
      }
      const [writer] = [...ids.keys()];
      for (const personId of roles) {
        const response = await ctx.api(writer!, path, { method: 'POST', headers: json, body: JSON.stringify({ body: `@${personId}`, mentions: [personId] }) });
        expect({ personId, status: response.status }).toEqual({ personId, status: decideMention(actorOf(personId), resources[kind]).allow ? 201 : 422 });
      }
    });

    it(`A26: agree on a ${kind}, for every role`, async () => {
      const docId = ctx.docOf(kind);
      for (const personId of roles) {
        const response = await ctx.api(personId, `/api/documents/${docId}/agree`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: `agreed by ${personId}` }),
        });
        expect({ personId, status: response.status }).toEqual({ personId, status: allowed(personId, 'agree', kind) ? 201 : 403 });
      }
    });

    it(`A26: export on a ${kind}, for every role`, async () => {
      const docId = ctx.docOf(kind);
      for (const personId of roles) {
        const response = await ctx.api(personId, `/api/documents/${docId}/export?format=json`);
        expect({ personId, status: response.status }).toEqual({ personId, status: allowed(personId, 'export', kind) ? 200 : 403 });
      }
    });

    it(`A26: share on a ${kind}, for every role`, async () => {
      const docId = ctx.docOf(kind);
      for (const personId of roles) {
        const response = await ctx.api(personId, `/api/documents/${docId}/share`, { method: 'POST' });
        const expected = !allowed(personId, 'share', kind) ? 403 : kind === 'peer-review' ? 200 : 409;
        expect({ personId, status: response.status }).toEqual({ personId, status: expected });
        if (response.status === 200) expect((await ctx.api(personId, `/api/documents/${docId}/share`, { method: 'DELETE' })).status).toBe(200);
      }
    });
  }

  it('A26: approve and confirm, every role on every kind (E5, E14)', async () => {
    for (const kind of kinds) {
      const docId = ctx.docOf(kind);
      for (const personId of roles) {
        const approve = await ctx.api(personId, `/api/plans/${docId}/approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ meetingDate: '2025-10-15' }) });
        expect({ personId, kind, approve: approve.status }).toEqual({ personId, kind, approve: allowed(personId, 'approve', kind) ? 201 : 403 });
        const confirm = await ctx.api(personId, `/api/reviews/${docId}/confirm`, { method: 'POST' });
        expect({ personId, kind, confirm: [200, 201].includes(confirm.status) ? 'ok' : confirm.status }).toEqual({ personId, kind, confirm: allowed(personId, 'confirm', kind) ? 'ok' : 403 });
      }
    }
  });

  it('A26: erase, every role on every kind: refusals first, then the one permitted eraser', async () => {
    for (const kind of kinds) {
      const docId = ctx.docOf(kind);
      const erasers = roles.filter((personId) => allowed(personId, 'erase', kind));
      for (const personId of roles.filter((p) => !erasers.includes(p))) {
        const response = await ctx.api(personId, `/api/documents/${docId}`, { method: 'DELETE' });
        expect({ personId, kind, status: response.status }).toEqual({ personId, kind, status: 403 });
      }
      expect(erasers.length).toBeGreaterThan(0);
      const [first, ...others] = erasers;
      expect((await ctx.api(first ?? '', `/api/documents/${docId}`, { method: 'DELETE' })).status).toBe(204);
      // Anyone else the policy lets erase finds it already gone.
      for (const personId of others) expect((await ctx.api(personId, `/api/documents/${docId}`, { method: 'DELETE' })).status).toBe(404);
      expect((await upgradeOutcome(`${ctx.server.syncUrl}/${docId}`, { cookie: await ctx.cookieOf(first ?? '') })).status).toBe(404);
    }
  });
});
