/**
 * A school leader proposes a collaborative and the officers of every LA it involves approve it
 * (COLLABORATIVES.md G20-G24). The structural rules (M1-M6, M40) come back as warnings while
 * proposing; who may propose, decide and see is the model's policy (P105-P107). Once every LA
 * approved, the collaborative exists with its workspace, and the other named schools are asked.
 * Until then its proposer or a named convenor may withdraw it (P112, G34).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { CollaborativeKind, CollaborativeStructure, SectorFocus, type Collaborative } from '@cydweithio/model/domain/collaborative';
import { CollaborativeProposal, proposalLaCodes, proposedCollaborative, proposedSchoolIds } from '@cydweithio/model/domain/collaborativeProposal';
import { SchoolId } from '@cydweithio/model/domain/school';
import { decideProposalDecision, decidePropose, decideSeeProposal, decideWithdrawProposal, schoolsJoiningAtApproval, type ProposalFacts } from '@cydweithio/model/policy/index';
import { checkCollaborative, structureContext } from '@cydweithio/model/rules/collaborativeRules';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { ensureWorkspace } from '../access/workspace-creation';
import { notifyConvenorsNamed } from '../notifications/notify';
import { newId } from '../auth/tokens';
import type { StoredProposal } from '../directory/convening-store';
import { searchPeople } from '../directory/people-search';
import { searchSchools } from '../directory/school-search';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson, readQuery } from './middleware/validate';
import { ProblemError } from './problem';

/** G22: proposals and checks are bounded at 16 KB. */
export const PROPOSAL_BODY_LIMIT_BYTES = 16 * 1024;
const proposalBody = bodyLimit({ maxSize: PROPOSAL_BODY_LIMIT_BYTES, onError: () => { throw new ProblemError('request.too-large'); } });

const checkBody = z.object({
  kind: CollaborativeKind,
  structure: CollaborativeStructure,
  sectorFocus: SectorFocus.optional(),
  partnershipId: z.string().max(64).optional(),
  proposerSchoolId: SchoolId,
  schoolIds: z.array(SchoolId).max(40),
});
const decisionBody = z.object({ decision: z.enum(['approve', 'decline']) });
const schoolQuery = z.object({ q: z.string().trim().min(2).max(80) });
const peopleQuery = z.object({ q: z.string().trim().min(2).max(80), role: z.enum(['leader', 'facilitator']) });

export function collaborativeProposalRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, convening, audit, sql } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', proposalBody);

  /** The structural warnings of the whole group as proposed, with the partnerships M2 and M5 read. */
  async function warningsFor(draft: z.infer<typeof checkBody>) {
    const ids = proposedSchoolIds(draft);
    const schools = await directory.schoolsByIds(ids);
    const collaborative: Collaborative = {
      id: 'proposal', name: { cy: '-', en: '-' }, kind: draft.kind, structure: draft.structure, memberSchoolIds: ids, convenorId: '', laFacilitatorIds: [],
      ...(draft.sectorFocus ? { sectorFocus: draft.sectorFocus } : {}), ...(draft.partnershipId ? { partnershipId: draft.partnershipId } : {}), synthetic: false,
    };
    return { schools, warnings: checkCollaborative(collaborative, structureContext(schools, await directory.partnerships())) };
  }

  async function factsOf(proposal: CollaborativeProposal): Promise<ProposalFacts> {
    const schoolIds = proposedSchoolIds(proposal);
    const schools = await directory.schoolsByIds(schoolIds);
    if (schools.length !== schoolIds.length) throw new ProblemError('directory.not-found', { detail: 'Unknown school.' });
    const named = [...new Set([...proposal.convenorIds, ...proposal.facilitatorIds])];
    if ((await directory.peopleByIds(named)).length !== named.length) throw new ProblemError('directory.not-found', { detail: 'Unknown convenor or facilitator.' });
    const withRoles = async (ids: readonly string[]) => Promise.all(ids.map(async (personId) => ({ personId, roles: await directory.roles(personId) })));
    return { proposerSchoolId: proposal.proposerSchoolId, schoolIds, laCodes: proposalLaCodes(schools), convenors: await withRoles(proposal.convenorIds), facilitators: await withRoles(proposal.facilitatorIds) };
  }

  /** A proposal as the screens show it: names for its schools, people and LAs, each LA's decision. */
  async function describe(stored: StoredProposal, actorId: string) {
    const p = stored.proposal;
    const [schools, people, las] = await Promise.all([
      directory.schoolsByIds(proposedSchoolIds(p)),
      directory.peopleByIds([...new Set([stored.proposedBy, ...p.convenorIds, ...p.facilitatorIds, ...stored.decisions.map((d) => d.decidedBy), ...(stored.withdrawnBy ? [stored.withdrawnBy] : [])])]),
      directory.localAuthorities(),
    ]);
    const nameOf = (id: string) => people.find((x) => x.id === id)?.name ?? '';
    const actor = await loadActor(directory, actorId);
    return {
      id: stored.id, status: stored.status, collaborativeId: stored.collaborativeId, proposedAt: new Date(stored.proposedAt).toISOString(),
      name: p.name, purpose: p.purpose, kind: p.kind, structure: p.structure, sectorFocus: p.sectorFocus ?? null, partnershipId: p.partnershipId ?? null,
      proposer: { id: stored.proposedBy, name: nameOf(stored.proposedBy) },
      proposerSchoolId: p.proposerSchoolId,
      schools: schools.map((s) => ({ id: s.id, name: s.name, laCode: s.laCode, setting: s.setting })),
      convenors: p.convenorIds.map((id) => ({ id, name: nameOf(id) })),
      facilitators: p.facilitatorIds.map((id) => ({ id, name: nameOf(id) })),
      las: stored.laCodes.map((code) => {
        const decision = stored.decisions.find((d) => d.laCode === code);
        return {
          code, name: las.find((la) => la.code === code)?.name ?? null,
          decision: decision?.decision ?? null, decidedBy: decision ? { id: decision.decidedBy, name: nameOf(decision.decidedBy) } : null,
          decidedAt: decision ? new Date(decision.decidedAt).toISOString() : null,
        };
      }),
      mayDecide: decideProposalDecision(actor, { laCodes: stored.laCodes, decidedLaCodes: stored.decisions.map((d) => d.laCode), status: stored.status }).allow,
      mayWithdraw: decideWithdrawProposal(actor, withdrawFacts(stored)).allow,
      withdrawn: stored.withdrawnBy && stored.withdrawnAt !== null
        ? { by: { id: stored.withdrawnBy, name: nameOf(stored.withdrawnBy) }, at: new Date(stored.withdrawnAt).toISOString() } : null,
    };
  }

  function withdrawFacts(stored: StoredProposal) {
    return { proposedBy: stored.proposedBy, convenorIds: stored.proposal.convenorIds, status: stored.status };
  }

  async function proposalFor(c: Context<AccessEnv>) {
    const personId = requireSignIn(c);
    const stored = await convening.proposal(c.req.param('id') ?? '');
    if (!stored) throw new ProblemError('proposal.not-found');
    const seen = decideSeeProposal(await loadActor(directory, personId), { proposerSchoolId: stored.proposal.proposerSchoolId, laCodes: stored.laCodes, convenorIds: stored.proposal.convenorIds });
    if (!seen.allow) throw new ProblemError('proposal.not-found');
    return { personId, stored };
  }

  app.post('/check', async (c) => {
    requireSignIn(c);
    const draft = await readJson(c, checkBody);
    const { schools, warnings } = await warningsFor(draft);
    return c.json({ warnings, laCodes: proposalLaCodes(schools) });
  });

  // People for the convenor and facilitator pickers: names and schools only, never an email (G21).
  app.get('/people', async (c) => {
    requireSignIn(c);
    const { q, role } = readQuery(c, peopleQuery);
    const found = await searchPeople(sql, q, 40);
    const fits = found.filter((p) => (role === 'facilitator' ? p.role === 'la-facilitator' : p.role === 'headteacher' || p.role === 'senior-leader'));
    return c.json({ people: fits.slice(0, 20) });
  });

  // Schools to name in a proposal: the whole all-Wales directory (G26's search, every LA).
  app.get('/schools', async (c) => {
    requireSignIn(c);
    const { q } = readQuery(c, schoolQuery);
    const found = await searchSchools(sql, q, await directory.localAuthorities(), 'any');
    return c.json({ schools: found.map((s) => ({ id: s.id, name: s.name, laCode: s.laCode, setting: s.setting, languageCategory: s.languageCategory, state: null })) });
  });

  app.get('/partnerships', async (c) => {
    requireSignIn(c);
    return c.json({ partnerships: await directory.partnerships() });
  });

  app.post('/', async (c) => {
    const personId = requireSignIn(c);
    const proposal = await readJson(c, CollaborativeProposal);
    if (proposal.partnershipId && !(await directory.partnerships()).some((p) => p.id === proposal.partnershipId)) {
      throw new ProblemError('directory.not-found', { detail: 'Unknown partnership.' });
    }
    const facts = await factsOf(proposal);
    const decision = decidePropose(await loadActor(directory, personId), facts);
    if (!decision.allow) throw new ProblemError('collaborative.forbidden', { detail: decision.reason });
    const id = await convening.propose(proposal, facts.laCodes, personId);
    await audit.record({ actorPersonId: personId, action: 'proposed', detail: { proposalId: id, laCodes: facts.laCodes.join(','), schools: facts.schoolIds.length } });
    const { warnings } = await warningsFor(proposal);
    const stored = await convening.proposal(id);
    return c.json({ proposal: stored ? await describe(stored, personId) : null, warnings }, 201);
  });

  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const actor = await loadActor(directory, personId);
    const visible = (await convening.proposals()).filter((p) => decideSeeProposal(actor, { proposerSchoolId: p.proposal.proposerSchoolId, laCodes: p.laCodes, convenorIds: p.proposal.convenorIds }).allow);
    return c.json({ proposals: await Promise.all(visible.map((p) => describe(p, personId))) });
  });

  app.get('/:id', async (c) => {
    const { personId, stored } = await proposalFor(c);
    return c.json({ proposal: await describe(stored, personId) });
  });

  app.post('/:id/decision', async (c) => {
    const { personId, stored } = await proposalFor(c);
    const { decision } = await readJson(c, decisionBody);
    const decided = decideProposalDecision(await loadActor(directory, personId), { laCodes: stored.laCodes, decidedLaCodes: stored.decisions.map((d) => d.laCode), status: stored.status });
    if (!decided.allow || decided.laCode === undefined) throw new ProblemError('collaborative.forbidden', { detail: decided.reason });
    // One decision per LA: another officer of the same LA deciding at the same moment loses (409).
    if (!(await convening.decide(stored.id, decided.laCode, decision === 'approve' ? 'approved' : 'declined', personId))) {
      throw new ProblemError('proposal.already-decided');
    }
    await audit.record({ actorPersonId: personId, action: decision === 'approve' ? 'approved' : 'declined', detail: { proposalId: stored.id, laCode: decided.laCode } });
    if (decision === 'decline') await convening.close(stored.id, 'declined', null);
    else await createWhenApproved(stored.id, personId);
    const fresh = await convening.proposal(stored.id);
    return c.json({ proposal: fresh ? await describe(fresh, personId) : null });
  });

  // G34: the proposer or a named convenor takes it back while the LAs have not all approved.
  app.post('/:id/withdraw', async (c) => {
    const { personId, stored } = await proposalFor(c);
    const decided = decideWithdrawProposal(await loadActor(directory, personId), withdrawFacts(stored));
    if (!decided.allow) {
      if (decided.reason === 'collaborative.proposal-closed') throw new ProblemError('proposal.closed');
      throw new ProblemError('collaborative.forbidden', { detail: decided.reason });
    }
    // The last LA approving at the same moment: whichever closes the proposal first wins.
    if (!(await convening.withdraw(stored.id, personId))) throw new ProblemError('proposal.closed');
    await audit.record({ actorPersonId: personId, action: 'withdrawn', detail: { proposalId: stored.id, laCodes: stored.laCodes.join(',') } });
    const fresh = await convening.proposal(stored.id);
    return c.json({ proposal: fresh ? await describe(fresh, personId) : null });
  });

  /**
   * G23: when the last LA approves, the collaborative is made: the proposer's school and any
   * school whose headteacher convenes are members (M44), every convenor holds the role, the
   * named facilitators facilitate, the workspace exists (G24) and the other schools are asked;
 * the convenors named, but for the proposer, are told (A153).
   * Two LAs approving at once both reach here; closing the proposal is the one-winner step.
   */
  async function createWhenApproved(proposalId: string, approverId: string): Promise<void> {
    const stored = await convening.proposal(proposalId);
    if (!stored || stored.status !== 'pending') return;
    const approved = new Set(stored.decisions.filter((d) => d.decision === 'approved').map((d) => d.laCode));
    if (!stored.laCodes.every((code) => approved.has(code))) return;
    const collaborativeId = newId('col');
    const p = stored.proposal;
    const facts = await factsOf(p);
    const joining = schoolsJoiningAtApproval(facts);
    const collaborative = { ...proposedCollaborative(p, collaborativeId), memberSchoolIds: joining };
    if (!(await convening.close(proposalId, 'approved', null))) return;
    await directoryWrites.saveCollaborative(collaborative, approverId);
    await convening.link(proposalId, collaborativeId);
    for (const convenorId of p.convenorIds.slice(1)) await directoryWrites.addConvenor(collaborativeId, convenorId, approverId);
    // A153: the proposal named them; now that they convene, each (but the proposer) is told.
    await notifyConvenorsNamed(services, { collaborativeId, personIds: p.convenorIds, namedBy: stored.proposedBy });
    for (const schoolId of joining) await convening.recordEvent(collaborativeId, schoolId, 'joined', stored.proposedBy);
    await audit.record({ actorPersonId: approverId, action: 'created', detail: { collaborativeId, proposalId, members: joining.length } });
    await ensureWorkspace(services, collaborative, stored.proposedBy);
    for (const schoolId of facts.schoolIds.filter((id) => !joining.includes(id))) {
      await convening.request(collaborativeId, schoolId, stored.proposedBy);
      await convening.recordEvent(collaborativeId, schoolId, 'requested', stored.proposedBy);
      await audit.record({ actorPersonId: stored.proposedBy, action: 'requested', detail: { collaborativeId, schoolId } });
    }
  }

  return app;
}
