import { buildDemoLaPicture, type DemoLaPicture } from './laPicture';
import type { Collaborative } from '../domain/collaborative';
import { newDocId } from '../domain/document';
import type { LaPartnership, LocalAuthority } from '../domain/localAuthority';
import type { PersonWithRoles } from '../domain/person';
import type { School } from '../domain/school';
import { parseLocalAuthorities } from '../directory/localAuthorities';
import { parseSchoolLocations } from '../directory/schools2026';
import { importSchoolsCsv, mergeEditions } from '../directory/schoolsCsv';
import { isSecondaryEnd } from '../rules/phases';
import { clusterCollaborative, planClusters } from './clusters';
import { peerReviewContent, selfEvaluationContent, workspaceContent } from './content';
import type { DemoDocument, WorkspaceSeed } from './documents';
import { prioritySubject } from '../domain/sharedPriorities';
import { schoolDistance, locateSchools } from './geo';
import { horizontalCollaborative, planHorizontals } from './horizontals';
import { demoPeople, syntheticConvenor, type DemoCast } from './people';
import { randomString, seededRandom } from './random';
import { buildDemoCycle, type DemoAgreement } from './cycle';

/** The academic year of the LA picture's demo plans (the demo's current year, 2026-27). */
export const DEMO_PICTURE_YEAR = 2026;

/** Rhondda Cynon Taf, the demo LA. */
export const DEMO_LA_CODE = 674;
/** Neighbours whose Welsh-medium secondaries join RCT's in one cross-LA horizontal group. */
export const DEMO_NEIGHBOUR_LA_CODES = [672, 675, 681] as const;

export interface DemoInput {
  lasCsv: string;
  schoolsEnCsv: string;
  schoolsCyCsv: string;
  schools2026Json: string;
  /** Randomness for document ids; a fixed seed by default so the demo is reproducible. */
  random?: () => number;
}

export interface DemoDataset {
  localAuthorities: LocalAuthority[];
  partnerships: LaPartnership[];
  schools: School[];
  collaboratives: Collaborative[];
  people: PersonWithRoles[];
  documents: DemoDocument[];
  /** The improvement cycle's agreements (plans approved, summaries, confirmed reviews), oldest first. */
  agreements: DemoAgreement[];
  /** Facilitators' caseloads: the schools each is Improvement Partner to. */
  caseloads: { facilitatorId: string; schoolIds: string[] }[];
  /** The LA picture's demo: theme tags, more schools’ agreed plans, tagged items, a brokered match (M35). */
  laPicture: DemoLaPicture;
  /** School ids deliberately in no horizontal collaborative (the coverage list shows them). */
  intendedCoverageGaps: string[];
  cast: DemoCast;
}

const partnership: LaPartnership = {
  id: 'partnership-central-south-welsh-medium',
  kind: 'time-limited',
  laCodes: [DEMO_LA_CODE, ...DEMO_NEIGHBOUR_LA_CODES],
  topic: { cy: 'Cynnydd mewn addysg uwchradd cyfrwng Cymraeg', en: 'Progression in Welsh-medium secondary education' },
  endDate: '2027-08-31',
};

function mustFind<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`buildDemoDataset: ${what} not found in the data`);
  return value;
}

/** Builds the demo: pure, from the text of the data files (see SPEC "Demo data"). */
export function buildDemoDataset(input: DemoInput): DemoDataset {
  const random = input.random ?? seededRandom(2026);
  const las = parseLocalAuthorities(input.lasCsv);
  const all = mergeEditions(importSchoolsCsv(input.schoolsEnCsv, las), importSchoolsCsv(input.schoolsCyCsv, las));
  const wanted = all.filter(
    (s) =>
      s.laCode === DEMO_LA_CODE ||
      ((DEMO_NEIGHBOUR_LA_CODES as readonly number[]).includes(s.laCode) && isSecondaryEnd(s.setting) && s.languageCategory === 'welsh-medium'),
  );
  const schools = locateSchools(wanted, parseSchoolLocations(input.schools2026Json));
  const rct = schools.filter((s) => s.laCode === DEMO_LA_CODE);
  const rctName = mustFind(las.find((la) => la.code === DEMO_LA_CODE), 'the demo LA').name;

  const facilitators = ['demo-facilitator'];
  const clusterPlans = planClusters(rct);
  const demoPlan = mustFind(
    clusterPlans.find((p) => p.lead.languageCategory === 'welsh-medium' && p.lead.setting === 'secondary' && p.primaries.length >= 2),
    'a Welsh-medium secondary cluster with two primaries',
  );
  const [primary, convenorSchool] = demoPlan.primaries;
  const { plans: horizontalPlans, leftOut } = planHorizontals(rctName, rct);
  const welshSecondaries = schools.filter((s) => isSecondaryEnd(s.setting) && s.languageCategory === 'welsh-medium');
  horizontalPlans.unshift({
    id: 'horizontal-welsh-medium-secondary',
    name: { cy: 'Ysgolion uwchradd Cymraeg Canol De Cymru', en: 'Central South Wales Welsh-medium secondary schools' },
    structure: 'horizontal',
    members: welshSecondaries,
    sectorFocus: 'welsh-medium',
    partnershipId: partnership.id,
  });

  const sig = mustFind(horizontalPlans.find((p) => p.id === 'sig-welsh-medium-primary'), 'the Welsh-medium primary SIG');
  const reviewerSchool = mustFind(
    sig.members
      .filter((s) => !demoPlan.primaries.includes(s))
      .sort((a, b) => schoolDistance(mustFind(primary, 'demo primary'), a) - schoolDistance(mustFind(primary, 'demo primary'), b))[0],
    'a reviewer school',
  );
  const otherLaSchool = mustFind([...welshSecondaries].filter((s) => s.laCode !== DEMO_LA_CODE).sort((a, b) => a.id.localeCompare(b.id))[0], 'a school in a neighbouring LA');
  const cast: DemoCast = {
    laCode: DEMO_LA_CODE,
    secondaryId: demoPlan.lead.id,
    primaryId: mustFind(primary, 'demo primary').id,
    convenorSchoolId: mustFind(convenorSchool, 'convenor school').id,
    reviewerSchoolId: reviewerSchool.id,
    clusterId: `cluster-${demoPlan.lead.id}`,
    otherLaSchoolId: otherLaSchool.id,
    otherLaCode: otherLaSchool.laCode,
  };
  const people = demoPeople(cast);
  const convenorFor = (collaborativeId: string): string => {
    if (collaborativeId === cast.clusterId) return 'demo-convenor';
    people.push(syntheticConvenor(collaborativeId));
    return `convenor-${collaborativeId}`;
  };
  const collaboratives = [
    ...clusterPlans.map((p) => clusterCollaborative(p, convenorFor(`cluster-${p.lead.id}`), facilitators)),
    ...horizontalPlans.map((p) => horizontalCollaborative(p, convenorFor(p.id), facilitators)),
  ];

  const find = (id: string): PersonWithRoles => mustFind(people.find((p) => p.id === id), id);
  const schoolOf = (id: string): School => mustFind(schools.find((s) => s.id === id), id);
  const names = {
    primaryName: schoolOf(cast.primaryId).name.cy,
    reviewerSchoolName: reviewerSchool.name.cy,
    headteacher: find('demo-headteacher'),
    reviewer: find('demo-reviewer'),
    convenorName: find('demo-convenor').name,
  };
  const docId = (kind: 'self-evaluation' | 'peer-review' | 'workspace'): string => newDocId(kind, randomString(random));
  const documents: DemoDocument[] = [
    {
      record: { id: docId('self-evaluation'), kind: 'self-evaluation', owner: { type: 'school', schoolId: cast.primaryId }, title: `Hunanwerthuso 2026-27: ${names.primaryName}` },
      content: selfEvaluationContent(names),
    },
    {
      record: {
        id: docId('peer-review'),
        kind: 'peer-review',
        owner: { type: 'school', schoolId: cast.primaryId },
        title: `Adolygiad gan gymheiriaid, hydref 2026: ${names.primaryName}`,
        peerReview: { hostSchoolId: cast.primaryId, reviewerIds: [names.reviewer.id], sharedWithLa: false },
      },
      content: peerReviewContent(names),
    },
    {
      record: { id: docId('workspace'), kind: 'workspace', owner: { type: 'collaborative', collaborativeId: cast.clusterId }, title: `Blaenoriaethau a rennir: ${schoolOf(cast.secondaryId).name.cy}` },
      content: workspaceContent(names),
    },
  ];

  const cycle = buildDemoCycle({
    cast,
    schoolName: (id) => schoolOf(id).name,
    personName: (id) => find(id).name,
    laSchoolIds: rct.map((s) => s.id).sort(),
  }, random);
  documents.push(...cycle.documents);
  const workspaceSeed = documents[2]?.content;
  const sharedAgreements = workspaceSeed?.kind === 'workspace' ? agreedAtFirstMeeting(`collaborative:${cast.clusterId}`, workspaceSeed) : [];

  return {
    localAuthorities: las,
    partnerships: [partnership],
    schools,
    collaboratives,
    people,
    documents,
    agreements: [...sharedAgreements, ...cycle.agreements].sort((a, b) => a.at - b.at),
    caseloads: cycle.caseloads,
    laPicture: buildDemoLaPicture(DEMO_LA_CODE, schools, [cast.primaryId, cast.secondaryId, cast.convenorSchoolId, cast.reviewerSchoolId], DEMO_PICTURE_YEAR),
    intendedCoverageGaps: leftOut.map((s) => s.id),
    cast,
  };
}

/** The cluster agreed its two shared priorities at its first meeting, by its convenor (G1). */
function agreedAtFirstMeeting(ownerKey: string, seed: WorkspaceSeed): DemoAgreement[] {
  const meeting = seed.meetings[0];
  if (!meeting) return [];
  const at = Math.floor(Date.parse(`${meeting.date}T17:00:00Z`) / 1000);
  return seed.priorities.map((p) => ({
    ownerKey,
    subject: prioritySubject(p.id),
    state: { priorityId: p.id, title: p.title, area: p.area, successCriteria: p.successCriteria, meetingId: meeting.id, meetingDate: meeting.date },
    by: 'demo-convenor',
    label: `Meeting ${meeting.date}`,
    at,
  }));
}
