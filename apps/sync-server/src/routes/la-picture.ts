/**
 * The LA's local improvement picture (OVERVIEW.md O5-O12, O20):
 *   GET    /api/la/:la/overview                  themes, areas, strengths, needs, matches (agreed records only; each item once, O44)
 *   GET    /api/la/partnerships/:id/overview     the same for a partnership of LAs
 *   GET    /api/la/:la/partnerships              the LA's partnerships
 *   GET    /api/la/:la/settings                  minimum days by setting, the continuum's areas
 *   PUT    /api/la/:la/settings                  {minimumDays, continuumAreas}
 *   POST   /api/la/:la/themes                    {label: {cy, en}}: a theme the LA keeps
 *   DELETE /api/la/:la/themes/:id
 *   GET    /api/themes?ownerKey=                 the tags an owner may use and the tags on its agreed items
 *   PUT    /api/themes/items                     {ownerKey, itemId, tagIds}
 * Every door asks the model's policy (P76-P79).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { Bilingual } from '@cydweithio/model/domain/bilingual';
import { ContinuumArea, MinimumDays, type ItemThemes } from '@cydweithio/model/domain/laPicture';
import { recordResourceFor } from '@cydweithio/model/policy/resource';
import { academicYearOf } from '@cydweithio/model/rules/schoolCalendar';
import type { AccessServices } from '../access/services';
import { loadActor, loadLookup } from '../access/policy';
import { parseOwnerKey } from '../records/owner-key';
import { laCodeParam, requireLa } from '../overview/la-access';
import type { LaPicture } from '../overview/la-picture';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson, readQuery } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';

const Label = Bilingual.extend({ cy: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) });
const themeBody = z.object({ label: Label });
const settingsBody = z.object({ minimumDays: MinimumDays, continuumAreas: z.array(ContinuumArea).min(1).max(12) });
const itemBody = z.object({ ownerKey: z.string().min(1).max(80), itemId: z.string().min(1).max(64), tagIds: z.array(z.string().min(1).max(48)).max(12) });
const ownerQuery = z.object({ ownerKey: z.string().min(1).max(80) });

/** A tag id from its English label: readable, stable, `[a-z0-9-]`. */
export function tagIdOf(label: string): string {
  const slug = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);
  return slug || 'theme';
}

export function laPictureRoutes(services: AccessServices, picture: LaPicture): { la: Hono<AccessEnv>; themes: Hono<AccessEnv> } {
  const { directory, audit } = services;
  const actorOf = async (personId: string) => loadActor(directory, personId);

  const la = new Hono<AccessEnv>();
  la.use('*', jsonBodyLimit);

  la.get('/partnerships/:id/overview', async (c) => {
    const actor = await actorOf(requireSignIn(c));
    const { laCodes } = await picture.laCodesOf({ type: 'partnership', id: c.req.param('id') });
    requireLa(actor, 'read', { kind: 'la-overview', laCodes });
    return c.json(await picture.overviewAnswer({ type: 'partnership', id: c.req.param('id') }));
  });

  la.get('/:la/overview', async (c) => {
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await actorOf(requireSignIn(c)), 'read', { kind: 'la-overview', laCodes: [laCode] });
    return c.json(await picture.overviewAnswer({ type: 'la', laCode }));
  });

  la.get('/:la/partnerships', async (c) => {
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await actorOf(requireSignIn(c)), 'read', { kind: 'la-overview', laCodes: [laCode] });
    return c.json({ partnerships: (await picture.store.partnerships()).filter((p) => p.laCodes.includes(laCode)) });
  });

  la.get('/:la/settings', async (c) => {
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await actorOf(requireSignIn(c)), 'read', { kind: 'la-settings', laCode });
    return c.json({ ...(await picture.store.settings(laCode)), tags: await picture.store.tags([laCode]) });
  });

  la.put('/:la/settings', async (c) => {
    const personId = requireSignIn(c);
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await actorOf(personId), 'edit', { kind: 'la-settings', laCode });
    const body = await readJson(c, settingsBody);
    const ids = body.continuumAreas.map((a) => a.id);
    if (new Set(ids).size !== ids.length) throw new ProblemError('request.invalid', { errors: [{ path: 'continuumAreas', message: 'Each area of focus needs its own id.' }] });
    await picture.store.saveSettings({ laCode, ...body }, personId);
    await audit.record({ actorPersonId: personId, action: 'agreed', detail: { what: 'la-settings', laCode } });
    return c.json(await picture.store.settings(laCode));
  });

  la.post('/:la/themes', async (c) => {
    const personId = requireSignIn(c);
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await actorOf(personId), 'edit', { kind: 'la-settings', laCode });
    const { label } = await readJson(c, themeBody);
    const tag = { id: tagIdOf(label.en), laCode, label };
    if (!(await picture.store.addTag(tag, personId))) throw new ProblemError('theme.exists');
    await audit.record({ actorPersonId: personId, action: 'created', detail: { what: 'theme', laCode, tagId: tag.id } });
    return c.json(tag, 201);
  });

  la.delete('/:la/themes/:id', async (c) => {
    const personId = requireSignIn(c);
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await actorOf(personId), 'edit', { kind: 'la-settings', laCode });
    if (!(await picture.store.removeTag(laCode, c.req.param('id')))) throw new ProblemError('theme.not-found');
    await audit.record({ actorPersonId: personId, action: 'removed', detail: { what: 'theme', laCode, tagId: c.req.param('id') } });
    return c.body(null, 204);
  });

  /** The owner's record facts for the policy, and the LAs whose tags it may use. */
  const ownerFacts = async (ownerKey: string) => {
    const owner = parseOwnerKey(ownerKey);
    if (!owner) throw new ProblemError('request.invalid', { errors: [{ path: 'ownerKey', message: 'school:<number> or collaborative:<id>' }] });
    const lookup = await loadLookup(directory, owner.type === 'school' ? { schoolIds: [owner.schoolId] } : { collaborativeIds: [owner.collaborativeId] });
    const resource = recordResourceFor(owner, lookup);
    if (!resource) throw new ProblemError('record.not-found');
    const laCodes = resource.owner.type === 'school' ? [resource.owner.schoolLaCode] : [...resource.owner.memberLaCodes];
    return { owner, resource, laCodes };
  };

  /** The ids of the agreed items an owner may tag: its agreed priorities, strengths and needs (O9). */
  const agreedItemIds = async (owner: NonNullable<ReturnType<typeof parseOwnerKey>>): Promise<{ itemId: string; area: string; text: string; kind: string }[]> => {
    const today = picture.today();
    if (owner.type === 'school') {
      const d = (await picture.digests.schools([owner.schoolId], academicYearOf(today), today)).get(owner.schoolId);
      return d ? [...d.priorities.map((p) => ({ ...p, kind: 'priority' })), ...d.strengths.map((p) => ({ ...p, kind: 'strength' })), ...d.needs.map((p) => ({ ...p, kind: 'need' }))] : [];
    }
    const d = (await picture.digests.collaboratives([owner.collaborativeId])).get(owner.collaborativeId);
    return (d?.priorities ?? []).map((p) => ({ ...p, kind: 'priority' }));
  };

  const themes = new Hono<AccessEnv>();
  themes.use('*', jsonBodyLimit);

  themes.get('/', async (c) => {
    const actor = await actorOf(requireSignIn(c));
    const { ownerKey } = readQuery(c, ownerQuery);
    const { owner, resource, laCodes } = await ownerFacts(ownerKey);
    requireLa(actor, 'read', { kind: 'item-themes', owner: resource.owner });
    const tagged = new Map((await picture.store.itemThemes([ownerKey])).map((t) => [t.itemId, t.tagIds]));
    const items = (await agreedItemIds(owner)).map((i) => ({ itemId: i.itemId, kind: i.kind, area: i.area, text: i.text, tagIds: tagged.get(i.itemId) ?? [] }));
    return c.json({ ownerKey, tags: await picture.store.tags(laCodes), items });
  });

  themes.put('/items', async (c) => {
    const personId = requireSignIn(c);
    const actor = await actorOf(personId);
    const body: ItemThemes = await readJson(c, itemBody);
    const { owner, resource, laCodes } = await ownerFacts(body.ownerKey);
    requireLa(actor, 'edit', { kind: 'item-themes', owner: resource.owner });
    if (!(await agreedItemIds(owner)).some((i) => i.itemId === body.itemId)) throw new ProblemError('theme.item-not-agreed');
    const known = new Set((await picture.store.tags(laCodes)).map((t) => t.id));
    const unknown = body.tagIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new ProblemError('theme.not-found', { detail: `Not a theme of this LA: ${unknown.join(', ')}.` });
    await picture.store.setItemThemes(body, personId);
    await audit.record({ actorPersonId: personId, action: 'agreed', detail: { what: 'item-themes', ownerKey: body.ownerKey, itemId: body.itemId, tagIds: body.tagIds.join(' ') } });
    return c.json({ ownerKey: body.ownerKey, itemId: body.itemId, tagIds: [...new Set(body.tagIds)].sort() });
  });

  return { la, themes };
}
