/**
 * The LA's picture, assembled for one scope (OVERVIEW.md O5-O12): an LA (with the strengths of
 * its partnerships' schools on offer) or a partnership (all its LAs). Everything agreed comes
 * from the records through the digests; the LA's tags and settings from its own tables; the
 * schools, collaboratives and coordinates from the directory. Nothing here opens a live draft.
 */
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { LaSettings } from '@cydweithio/model/domain/laPicture';
import type { School } from '@cydweithio/model/domain/school';
import { facilitatorDays, type LedgerLine, type SchoolDigest } from '@cydweithio/model/rules/agreedDigest';
import { buildOverview, type LaOverview } from '@cydweithio/model/rules/laOverview';
import { packOverview, type LaOverviewAnswer } from '@cydweithio/model/rules/laOverviewAnswer';
import { academicYearOf } from '@cydweithio/model/rules/schoolCalendar';
import type { AccessServices } from '../access/services';
import { ProblemError } from '../routes/problem';
import { AgreedDigests } from './agreed-digests';
import { LaPictureStore } from './la-picture-store';

export type Scope = { type: 'la'; laCode: number } | { type: 'partnership'; id: string };

export interface LedgerSchool {
  schoolId: string;
  name: School['name'];
  setting: School['setting'];
  supportLevel: SchoolDigest['supportLevel'];
  academicYear: number | null;
  minimumDays: number;
  facilitatorDays: { planned: number; used: number };
  belowMinimum: boolean;
  /** Each line with the priority it serves, by the priority's title in the agreed plan. */
  lines: (LedgerLine & { priorityTitle: string })[];
}

export interface CoverageSchool {
  id: string;
  name: School['name'];
  setting: School['setting'];
  languageCategory: School['languageCategory'];
  lat: number | null;
  lng: number | null;
  /** The vertical collaboratives (clusters) the school is in. */
  clusterIds: string[];
  inVertical: boolean;
  inHorizontal: boolean;
}

export class LaPicture {
  readonly store: LaPictureStore;
  readonly digests: AgreedDigests;

  constructor(private readonly services: AccessServices) {
    this.store = new LaPictureStore(services.sql, services.clock);
    this.digests = new AgreedDigests(() => {
      if (!services.records) throw new ProblemError('server.unavailable');
      return services.records;
    });
  }

  today(): string {
    return new Date(this.services.clock()).toISOString().slice(0, 10);
  }

  /** The LA codes a scope covers, and the LAs whose schools may offer strengths to it. */
  async laCodesOf(scope: Scope): Promise<{ laCodes: number[]; offering: number[]; partnershipId?: string }> {
    const partnerships = await this.store.partnerships();
    if (scope.type === 'partnership') {
      const p = partnerships.find((x) => x.id === scope.id);
      if (!p) throw new ProblemError('directory.not-found', { detail: `No partnership ${scope.id}.` });
      return { laCodes: [...p.laCodes], offering: [...p.laCodes], partnershipId: p.id };
    }
    if (!(await this.services.directory.hasLocalAuthority(scope.laCode))) throw new ProblemError('directory.not-found', { detail: `No local authority ${scope.laCode}.` });
    const offering = new Set([scope.laCode]);
    for (const p of partnerships) if (p.laCodes.includes(scope.laCode)) for (const code of p.laCodes) offering.add(code);
    return { laCodes: [scope.laCode], offering: [...offering].sort((a, b) => a - b) };
  }

  private async schoolsIn(laCodes: readonly number[]): Promise<School[]> {
    const all = await Promise.all(laCodes.map((code) => this.services.directory.schools(code)));
    return all.flat().sort((a, b) => a.id.localeCompare(b.id));
  }

  private async collaborativesOf(schoolIds: ReadonlySet<string>): Promise<Collaborative[]> {
    return (await this.services.directory.collaboratives()).filter((c) => c.memberSchoolIds.some((id) => schoolIds.has(id)));
  }

  async overview(scope: Scope): Promise<LaOverview> {
    const { laCodes, offering, partnershipId } = await this.laCodesOf(scope);
    const today = this.today();
    const year = academicYearOf(today);
    const offeringSchools = await this.schoolsIn(offering);
    const inScope = offeringSchools.filter((s) => laCodes.includes(s.laCode));
    const ids = new Set(inScope.map((s) => s.id));
    const collaboratives = await this.collaborativesOf(ids);
    const [schoolDigests, collaborativeDigests, tags] = await Promise.all([
      this.digests.schools(offeringSchools.map((s) => s.id), year, today),
      this.digests.collaboratives(collaboratives.map((c) => c.id)),
      this.store.tags(laCodes),
    ]);
    const ownerKeys = [...inScope.map((s) => `school:${s.id}`), ...offeringSchools.filter((s) => !ids.has(s.id)).map((s) => `school:${s.id}`), ...collaboratives.map((c) => `collaborative:${c.id}`)];
    const itemThemes = await this.store.itemThemes(ownerKeys);
    return buildOverview({
      scope: partnershipId ? { type: 'partnership', id: partnershipId, laCodes } : { type: 'la', laCode: laCodes[0] ?? 0 },
      schools: inScope,
      offeringSchools,
      collaboratives,
      schoolDigests,
      collaborativeDigests,
      tags,
      itemThemes,
    });
  }

  /** O44: the overview as the routes send it, each item once (the export reads `overview`). */
  async overviewAnswer(scope: Scope): Promise<LaOverviewAnswer> {
    return packOverview(await this.overview(scope));
  }

  /** O13-O15: each school's support by source against the priority it serves, in school-number order. */
  async ledger(laCode: number): Promise<{ laCode: number; academicYear: number; settings: LaSettings; schools: LedgerSchool[] }> {
    const today = this.today();
    const year = academicYearOf(today);
    const [schools, settings] = await Promise.all([this.schoolsIn([laCode]), this.store.settings(laCode)]);
    const digests = await this.digests.schools(schools.map((s) => s.id), year, today);
    return {
      laCode, academicYear: year, settings,
      schools: schools.map((s) => {
        const d = digests.get(s.id);
        const titles = new Map((d?.priorities ?? []).map((p) => [p.itemId, p.text]));
        const days = d ? facilitatorDays(d) : { planned: 0, used: 0 };
        const minimumDays = settings.minimumDays[s.setting];
        return {
          schoolId: s.id, name: s.name, setting: s.setting, supportLevel: d?.supportLevel ?? 'core', academicYear: d?.academicYear ?? null,
          minimumDays, facilitatorDays: days, belowMinimum: days.planned < minimumDays,
          lines: (d?.support ?? []).map((line) => ({ ...line, priorityTitle: titles.get(line.priorityId) ?? '' })),
        };
      }),
    };
  }

  /** O16-O18: every school of the LA with its coverage and coordinates, in school-number order. */
  async coverageMap(laCode: number): Promise<{ laCode: number; schools: CoverageSchool[]; clusters: { id: string; name: Collaborative['name'] }[] }> {
    if (!(await this.services.directory.hasLocalAuthority(laCode))) throw new ProblemError('directory.not-found', { detail: `No local authority ${laCode}.` });
    const schools = await this.schoolsIn([laCode]);
    const collaboratives = await this.collaborativesOf(new Set(schools.map((s) => s.id)));
    const verticals = collaboratives.filter((c) => c.kind === 'vertical');
    const horizontal = new Set(collaboratives.filter((c) => c.kind === 'horizontal').flatMap((c) => c.memberSchoolIds));
    return {
      laCode,
      schools: schools.map((s) => {
        const clusterIds = verticals.filter((c) => c.memberSchoolIds.includes(s.id)).map((c) => c.id).sort();
        return {
          id: s.id, name: s.name, setting: s.setting, languageCategory: s.languageCategory, lat: s.lat ?? null, lng: s.lng ?? null,
          clusterIds, inVertical: clusterIds.length > 0, inHorizontal: horizontal.has(s.id),
        };
      }),
      clusters: verticals.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.id.localeCompare(b.id)),
    };
  }
}
