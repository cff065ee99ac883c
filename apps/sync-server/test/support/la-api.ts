/**
 * The demo API with its records seeded as on first start (the cycle's and the LA picture's, O26),
 * on a fixed day of the demo's academic year so the plan in force is 2026-27's.
 */
import { unpackOverview, type LaOverviewAnswer } from '@cydweithio/model/rules/laOverviewAnswer';
import { makeCycleApi } from './cycle-api';

export const LA_TODAY = '2026-12-01';

export async function makeLaApi() {
  const api = await makeCycleApi({ clock: () => Date.parse(`${LA_TODAY}T12:00:00Z`) });
  const la = api.cast.laCode;
  const get = async <T = Record<string, unknown>>(person: string, path: string): Promise<{ status: number; body: T }> => {
    const r = await api.request(person, path);
    const text = await r.text();
    return { status: r.status, body: (r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  };
  const send = (person: string, method: string, path: string, body?: unknown) =>
    api.request(person, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  /** An overview answer (O44) read back into groups that hold their items, as the screen does. */
  const overview = async (person: string, path: string): Promise<{ status: number; body: OverviewJson }> => {
    const { status, body } = await get<LaOverviewAnswer>(person, path);
    return { status, body: (status === 200 ? unpackOverview(body) : body) as unknown as OverviewJson };
  };
  return { ...api, la, get, send, overview };
}

export type LaApi = Awaited<ReturnType<typeof makeLaApi>>;

export interface OverviewItem { ownerType: 'school' | 'collaborative'; ownerId: string; itemId: string; area: string; text: string; subject: string; tagIds: string[] }
export interface OverviewGroupJson { priorities: OverviewItem[]; schoolIds: string[]; collaborativeIds: string[]; strengths: OverviewItem[]; needs: OverviewItem[]; matches: { need: OverviewItem; offer: OverviewItem; distanceKm: number | null; sameLa: boolean; brokered: boolean }[] }
export interface OverviewJson {
  scope: { type: string };
  tags: { id: string; label: { cy: string; en: string } }[];
  themes: (OverviewGroupJson & { tagId: string })[];
  areas: (OverviewGroupJson & { area: string })[];
  schools: Record<string, { name: { cy: string; en: string }; laCode: number }>;
  collaboratives: Record<string, unknown>;
  withoutApprovedPlan: string[];
}
