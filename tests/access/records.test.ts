/**
 * Records through the real server (SQLite record store, real sessions): the termly evaluation
 * (A36) lands in the school's record and is read back by the LA officer (A33), the record's
 * versions and export follow the model's decide() on the record (P12), and a peer review is
 * never agreed into a record (K9). Records survive a restart elsewhere (K5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, recordResourceFor, type Actor } from '@cydweithio/model';
import { loadRecord } from '@cydweithio/sync-server/records/record-doc';
import { startAccessServer, type AccessServer } from './helpers/access-server';

const roles = ['demo-headteacher', 'demo-senior-leader', 'demo-practitioner', 'demo-governor', 'demo-reviewer', 'demo-convenor', 'demo-facilitator', 'demo-la-officer'] as const;

let ctx: AccessServer;
beforeAll(async () => {
  ctx = await startAccessServer();
});
afterAll(async () => {
  await ctx.close();
});

const json = { 'content-type': 'application/json' };

function actorOf(personId: string): Actor {
  const person = ctx.dataset.people.find((p) => p.id === personId);
  if (!person) throw new Error(personId);
  return { personId, roles: person.roles };
}

function schoolRecord() {
  const { dataset } = ctx;
  const lookup = {
    school: (id: string) => dataset.schools.find((s) => s.id === id),
    collaborative: (id: string) => dataset.collaboratives.find((c) => c.id === id),
  };
  const resource = recordResourceFor({ type: 'school', schoolId: dataset.cast.primaryId }, lookup);
  if (!resource) throw new Error('no school record');
  return resource;
}

describe('records through the real server', () => {
  it('A36: a termly evaluation recorded by the facilitator is in the school\'s record for the LA officer', async () => {
    const key = `school:${ctx.dataset.cast.primaryId}`;
    const evaluation = {
      priorityId: 'p1', term: '2027-spring', supportLevel: 'core', halfTermly: false, status: 'on-track',
      judgement: 'satisfactory', risks: [], supportChanges: '', facilitatorId: 'demo-facilitator',
    };
    const posted = await ctx.api('demo-facilitator', `/api/records/${key}/termly`, { method: 'POST', headers: json, body: JSON.stringify(evaluation) });
    expect(posted.status).toBe(201);
    const record = (await (await ctx.api('demo-la-officer', `/api/records/${key}`)).json()) as { subjects: Record<string, unknown> };
    expect(record.subjects['termly:2027-spring:p1']).toEqual(evaluation);
    const refused = await ctx.api('demo-la-officer', `/api/records/${key}/termly`, { method: 'POST', headers: json, body: JSON.stringify(evaluation) });
    expect(refused.status).toBe(403);
  });

  it('A32: the school\'s record, versions and export, for every role, with decide() as the oracle', async () => {
    const key = `school:${ctx.dataset.cast.primaryId}`;
    const resource = schoolRecord();
    for (const personId of roles) {
      const versions = await ctx.api(personId, `/api/records/${key}/versions`);
      expect({ personId, status: versions.status }).toEqual({ personId, status: decide(actorOf(personId), 'read', resource).allow ? 200 : 403 });
      const exported = await ctx.api(personId, `/api/records/${key}/export`);
      expect({ personId, status: exported.status }).toEqual({ personId, status: decide(actorOf(personId), 'export', resource).allow ? 200 : 403 });
      if (exported.status === 200) {
        const doc = loadRecord(new Uint8Array(await exported.arrayBuffer()));
        expect(Object.keys(doc.subjects)).toContain('termly:2027-spring:p1');
      }
    }
  });

  it('K9: the host headteacher cannot agree the peer review into the school\'s record', async () => {
    const response = await ctx.api('demo-headteacher', `/api/documents/${ctx.docOf('peer-review')}/agree`, { method: 'POST', headers: json, body: JSON.stringify({ label: 'x' }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ detail: 'peer-review.never-recorded' });
  });
});
