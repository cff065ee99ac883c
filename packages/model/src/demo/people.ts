import type { PersonWithRoles, RoleAssignment } from '../domain/person';
import { DEMO_EMAIL_DOMAIN } from './licence';

/**
 * Demo accounts. Emails are fixed and documented in SPEC.md (section "Demo data") so testers
 * can sign in as any role with DEMO_PASSWORD. Names are invented; several are Welsh.
 */
export interface DemoCast {
  laCode: number;
  secondaryId: string;
  primaryId: string;
  /** Another primary of the demo cluster, led by the convenor. */
  convenorSchoolId: string;
  /** A school outside the demo cluster, whose headteacher visits as a peer reviewer. */
  reviewerSchoolId: string;
  clusterId: string;
  /** A Welsh-medium secondary in a neighbouring LA: cross-LA peer review and collaboratives. */
  otherLaSchoolId: string;
  otherLaCode: number;
}

const email = (local: string): string => `${local}@${DEMO_EMAIL_DOMAIN}`;

function person(id: string, name: string, local: string, roles: RoleAssignment[]): PersonWithRoles {
  return { id, name, email: email(local), roles };
}

export function demoPeople(c: DemoCast): PersonWithRoles[] {
  const at = (role: 'headteacher' | 'senior-leader' | 'practitioner' | 'governor', schoolId: string): RoleAssignment => ({ role, schoolId });
  return [
    person('demo-headteacher', 'Elin Davies', 'headteacher', [at('headteacher', c.primaryId)]),
    person('demo-senior-leader', 'Owain Jones', 'senior-leader', [at('senior-leader', c.primaryId)]),
    person('demo-practitioner', 'Ffion Roberts', 'practitioner', [at('practitioner', c.primaryId)]),
    person('demo-governor', 'Margaret Thomas', 'governor', [at('governor', c.primaryId)]),
    person('demo-headteacher-secondary', 'Rhian Evans', 'headteacher.secondary', [at('headteacher', c.secondaryId)]),
    person('demo-senior-leader-secondary', 'Gareth Morgan', 'senior-leader.secondary', [at('senior-leader', c.secondaryId)]),
    // The secondary's contact for the cluster: writes in its workspace for the school (P21).
    person('demo-practitioner-secondary', 'Siân Hughes', 'practitioner.secondary', [
      at('practitioner', c.secondaryId),
      { role: 'member-contact', collaborativeId: c.clusterId },
    ]),
    person('demo-governor-secondary', 'David Price', 'governor.secondary', [at('governor', c.secondaryId)]),
    person('demo-convenor', 'Dafydd Williams', 'convenor', [
      { role: 'convenor', collaborativeId: c.clusterId },
      at('headteacher', c.convenorSchoolId),
    ]),
    person('demo-facilitator', 'Catrin Lewis', 'facilitator', [{ role: 'la-facilitator', laCode: c.laCode }]),
    person('demo-la-officer', 'Huw Jenkins', 'la-officer', [{ role: 'la-officer', laCode: c.laCode }]),
    person('demo-reviewer', 'Nia Pritchard', 'reviewer', [at('headteacher', c.reviewerSchoolId)]),
    // The neighbouring LA: a headteacher who reviews across the boundary, and that LA's officer.
    person('demo-reviewer-other-la', 'Gwenan Parry', 'reviewer.other-la', [at('headteacher', c.otherLaSchoolId)]),
    person('demo-la-officer-other-la', 'Rhys Bowen', 'la-officer.other-la', [{ role: 'la-officer', laCode: c.otherLaCode }]),
  ];
}

/** A convenor account for a synthetic collaborative that no named demo person convenes. */
export function syntheticConvenor(collaborativeId: string): PersonWithRoles {
  return person(`convenor-${collaborativeId}`, `Cynullydd / Convenor ${collaborativeId}`, `convenor.${collaborativeId}`, [
    { role: 'convenor', collaborativeId },
  ]);
}
