import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { structureKinds } from '@cydweithio/model/domain/collaborative';
import { apiJson, postJson } from '../../api/http';
import { CheckAnswer, Partnerships, ProposalAnswer, type FoundSchool } from '../../api/conveningSchemas';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { usePageTitle } from '../usePageTitle';
import { PersonSearch } from './PersonSearch';
import { ProposalWarnings } from './ProposalWarnings';
import { SchoolSearch } from './SchoolSearch';

const structures = ['cluster', 'horizontal', 'sig', 'hub', 'triad', 'plc'] as const;
type Structure = (typeof structures)[number];
const sectorFocuses = ['welsh-medium', 'faith', 'special', 'pru-eotas'] as const;

/**
 * A school leader proposes a collaborative (SPEC C245): names and purpose in both languages, its
 * form and kind, sector focus, partnership, the schools to ask, convenors and facilitators. The
 * model's rules show as warnings while it is written (C246); the LAs involved then decide.
 */
export default function ProposeScreen() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const errorText = useErrorText();
  usePageTitle(() => t('convening.proposeTitle'));
  const leaderSchools = createMemo(() => {
    const me = session.me();
    const ids = new Set((me?.roles ?? []).filter((r) => r.role === 'headteacher' || r.role === 'senior-leader').flatMap((r) => (r.schoolId ? [r.schoolId] : [])));
    return (me?.schools ?? []).filter((s) => ids.has(s.id));
  });
  const [proposerSchoolId, setProposerSchoolId] = createSignal<string>();
  const proposer = () => proposerSchoolId() ?? leaderSchools()[0]?.id;
  const [structure, setStructure] = createSignal<Structure>('horizontal');
  const [kind, setKind] = createSignal<'vertical' | 'horizontal'>('horizontal');
  const kinds = () => structureKinds[structure()];
  const effectiveKind = () => (kinds().includes(kind()) ? kind() : kinds()[0] ?? 'horizontal');
  const [sectorFocus, setSectorFocus] = createSignal('');
  const [partnershipId, setPartnershipId] = createSignal('');
  const [schools, setSchools] = createSignal<FoundSchool[]>([]);
  const me = () => session.me()?.person;
  const [convenors, setConvenors] = createSignal<{ personId: string; name: string }[]>([]);
  const convenorList = () => (convenors().length > 0 ? convenors() : me() ? [{ personId: me()?.id ?? '', name: me()?.name ?? '' }] : []);
  const [facilitators, setFacilitators] = createSignal<{ personId: string; name: string }[]>([]);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [partnerships] = createResource(async () => (await apiJson(Partnerships, '/collaborative-proposals/partnerships')).partnerships);

  const draft = createMemo(() => {
    const school = proposer();
    if (!school) return undefined;
    return {
      kind: effectiveKind(), structure: structure(), proposerSchoolId: school, schoolIds: schools().map((s) => s.id),
      ...(sectorFocus() ? { sectorFocus: sectorFocus() } : {}), ...(partnershipId() ? { partnershipId: partnershipId() } : {}),
    };
  });
  const [check] = createResource(draft, async (body) => apiJson(CheckAnswer, '/collaborative-proposals/check', { method: 'POST', body: JSON.stringify(body) }));
  const lasInvolved = () => check()?.laCodes ?? [];

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    try {
      const response = await postJson('/collaborative-proposals', {
        ...draft(),
        name: { cy: text('name-cy'), en: text('name-en') },
        purpose: { cy: text('purpose-cy'), en: text('purpose-en') },
        convenorIds: convenorList().map((c) => c.personId),
        facilitatorIds: facilitators().map((f) => f.personId),
      });
      const answer = ProposalAnswer.safeParse(await response.json());
      const las = answer.success ? (answer.data.proposal?.las ?? []).map((la) => nameIn(la.name, locale())).join(', ') : '';
      setMessage({ ok: true, text: t('convening.proposed', { las }) });
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };

  return (
    <div class="propose">
      <header class="page-header">
        <h1>{t('convening.proposeTitle')}</h1>
        <p>{t('convening.proposeIntro')}</p>
      </header>
      <Show when={leaderSchools().length > 0} fallback={<p class="notice">{t('convening.leadersOnly')}</p>}>
        <form id="propose-form" class="form card" onSubmit={submit} aria-labelledby="propose-about">
          <h2 id="propose-about">{t('convening.about')}</h2>
          <label for="proposer-school">{t('convening.proposerSchool')}</label>
          <select id="proposer-school" onChange={(e) => setProposerSchoolId(e.currentTarget.value)}>
            <For each={leaderSchools()}>{(s) => <option value={s.id} lang={langOf(s.name, locale())}>{nameIn(s.name, locale())}</option>}</For>
          </select>
          <label for="name-cy">{t('convening.nameCy')}</label>
          <input id="name-cy" name="name-cy" required maxLength={160} lang="cy" />
          <label for="name-en">{t('convening.nameEn')}</label>
          <input id="name-en" name="name-en" required maxLength={160} lang="en" />
          <label for="purpose-cy">{t('convening.purposeCy')}</label>
          <textarea id="purpose-cy" name="purpose-cy" required maxLength={1000} rows={3} lang="cy" />
          <label for="purpose-en">{t('convening.purposeEn')}</label>
          <textarea id="purpose-en" name="purpose-en" required maxLength={1000} rows={3} lang="en" />
          <label for="structure">{t('convening.structureLabel')}</label>
          <select id="structure" value={structure()} onChange={(e) => setStructure(e.currentTarget.value as Structure)}>
            <For each={structures}>{(s) => <option value={s}>{t(`convening.structure.${s}`)}</option>}</For>
          </select>
          <fieldset class="choice">
            <legend>{t('convening.kindLabel')}</legend>
            <For each={['vertical', 'horizontal'] as const}>
              {(k) => (
                <label class="choice-item">
                  <input type="radio" name="kind" value={k} checked={effectiveKind() === k} disabled={!kinds().includes(k)} onChange={() => setKind(k)} />
                  {t(`collaborative.kind.${k}Long`)}
                </label>
              )}
            </For>
          </fieldset>
          <label for="sector-focus">{t('convening.sectorFocusLabel')}</label>
          <select id="sector-focus" value={sectorFocus()} onChange={(e) => setSectorFocus(e.currentTarget.value)}>
            <option value="">{t('convening.sectorFocusNone')}</option>
            <For each={sectorFocuses}>{(f) => <option value={f}>{t(`convening.sectorFocus.${f}`)}</option>}</For>
          </select>
          <label for="partnership">{t('convening.partnershipLabel')}</label>
          <select id="partnership" value={partnershipId()} onChange={(e) => setPartnershipId(e.currentTarget.value)}>
            <option value="">{t('convening.partnershipNone')}</option>
            <For each={partnerships() ?? []}>{(p) => <option value={p.id} lang={langOf(p.topic, locale())}>{nameIn(p.topic, locale())}</option>}</For>
          </select>
        </form>

        <section class="card" aria-labelledby="propose-schools">
          <h2 id="propose-schools">{t('convening.schoolsToAsk')}</h2>
          <p class="hint">{t('convening.schoolsToAskHint')}</p>
          <ul class="plain-list" data-testid="proposed-schools">
            <For each={schools()}>
              {(school) => (
                <li data-school-id={school.id}>
                  <span lang={langOf(school.name, locale())}>{nameIn(school.name, locale())}</span> <span class="muted">({school.id})</span>
                  <button type="button" class="button button--small button--secondary" onClick={() => setSchools(schools().filter((s) => s.id !== school.id))}>
                    {t('common.remove')}<span class="visually-hidden">: {nameIn(school.name, locale())}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
          <SchoolSearch id="propose-school" path="/collaborative-proposals/schools" actionLabel={t('convening.add')}
            exclude={[...schools().map((s) => s.id), proposer() ?? '']} onPick={(s) => { setSchools([...schools(), s]); }} />
        </section>

        <section class="card" aria-labelledby="propose-people">
          <h2 id="propose-people">{t('convening.peopleHeading')}</h2>
          <h3>{t('convening.convenors')}</h3>
          <ul class="plain-list" data-testid="proposed-convenors">
            <For each={convenorList()}>{(c) => <li>{c.name}</li>}</For>
          </ul>
          <PersonSearch id="propose-convenor" role="leader" label={t('convening.addConvenor')} exclude={convenorList().map((c) => c.personId)}
            onPick={(p) => setConvenors([...convenorList(), { personId: p.personId, name: p.name }])} />
          <h3>{t('convening.facilitators')}</h3>
          <ul class="plain-list" data-testid="proposed-facilitators">
            <For each={facilitators()} fallback={<li class="muted">{t('convening.noneYet')}</li>}>{(f) => <li>{f.name}</li>}</For>
          </ul>
          <PersonSearch id="propose-facilitator" role="facilitator" label={t('convening.addFacilitator')} exclude={facilitators().map((f) => f.personId)}
            onPick={(p) => setFacilitators([...facilitators(), { personId: p.personId, name: p.name }])} />
        </section>

        <ProposalWarnings warnings={() => check()?.warnings} />
        <p data-testid="las-involved">{t('convening.lasInvolved', { count: String(lasInvolved().length) })}</p>
        <Show when={message()}>
          {(m) => (
            <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'} data-testid="propose-message">
              {m().text} <Show when={m().ok}><A href="/">{t('convening.backHome')}</A></Show>
            </p>
          )}
        </Show>
        <button type="submit" form="propose-form" class="button">{t('convening.submitProposal')}</button>
      </Show>
    </div>
  );
}
