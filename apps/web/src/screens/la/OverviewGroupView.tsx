import { createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import type { ItemRef, LaOverview, OverviewGroup } from '../../api/laSchemas';
import { nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';
import { BrokerForm } from './BrokerForm';
import { TagEditor } from './TagEditor';
import { useLaRole } from './laContext';
import { useDomainLabel } from './laLabels';

/**
 * One theme or area: who is working on it, the strengths offered, the support needed and the
 * possible matches (nearest first). A facilitator records a match as support from here.
 */
export function OverviewGroupView(props: { group: OverviewGroup; overview: LaOverview; laCode: number; idPrefix: string }) {
  const t = useText();
  const locale = useLocale();
  const label = useDomainLabel();
  const role = useLaRole();
  const [brokering, setBrokering] = createSignal<number>();
  const owner = (ref: ItemRef) => nameIn(ref.ownerType === 'school' ? props.overview.schools[ref.ownerId]?.name : props.overview.collaboratives[ref.ownerId]?.name, locale()) || ref.ownerId;
  const tagLabel = (id: string) => props.overview.tags.find((tag) => tag.id === id)?.label[locale()] ?? id;
  const items = (list: readonly ItemRef[], heading: string, testId: string, taggable: boolean) => (
    <>
      <h4>{heading}</h4>
      <Show when={list.length > 0} fallback={<p class="muted">{t('laPicture.noneYet')}</p>}>
        <ul class="plain-list la-items" data-testid={testId}>
          <For each={list}>
            {(item) => (
              <li data-owner={item.ownerId} data-item={item.itemId}>
                <strong>{owner(item)}</strong>: <span>{item.text}</span> <span class="muted">({label('area', item.area)})</span>
                <Show when={item.tagIds.length > 0}> <span class="la-tags">{item.tagIds.map(tagLabel).join(', ')}</span></Show>
                <Show when={taggable && role.mayBroker() && item.ownerType === 'school' && props.overview.schools[item.ownerId]?.laCode === props.laCode}>
                  {' '}<TagEditor item={item} tags={props.overview.tags.filter((tag) => tag.laCode === props.laCode)} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
  return (
    <div class="la-group__body">
      {items(props.group.priorities, t('laPicture.priorities'), 'group-priorities', true)}
      {items(props.group.strengths, t('laPicture.strengths'), 'group-strengths', true)}
      {items(props.group.needs, t('laPicture.needs'), 'group-needs', true)}
      <h4>{t('laPicture.matches')}</h4>
      <Show when={props.group.matches.length > 0} fallback={<p class="muted">{t('laPicture.noneYet')}</p>}>
        <table class="table" data-testid="group-matches">
          <caption class="visually-hidden">{t('laPicture.matchesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('laPicture.needCol')}</th>
              <th scope="col">{t('laPicture.offerCol')}</th>
              <th scope="col">{t('laPicture.distance')}</th>
              <th scope="col">{t('laPicture.action')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.group.matches}>
              {(m, i) => (
                <tr data-testid="match-row" data-need={m.need.ownerId} data-offer={m.offer.ownerId}>
                  <td><strong>{owner(m.need)}</strong>: {m.need.text}</td>
                  <td><strong>{owner(m.offer)}</strong>: {m.offer.text}<Show when={!m.sameLa}> <span class="muted">({t('laPicture.partnershipSchool')})</span></Show></td>
                  <td>{m.distanceKm === null ? '–' : t('laPicture.km', { km: m.distanceKm.toLocaleString(locale() === 'cy' ? 'cy-GB' : 'en-GB') })}</td>
                  <td>
                    <Show when={m.brokered}><span class="la-badge">{t('laPicture.brokered')}</span> </Show>
                    <Show when={role.mayBroker() && props.overview.schools[m.need.ownerId]?.laCode === props.laCode}>
                      <button type="button" class="button button--small button--secondary" data-testid="broker-open"
                        aria-expanded={brokering() === i()} aria-controls={`${props.idPrefix}-broker-${i()}`}
                        onClick={() => setBrokering(brokering() === i() ? undefined : i())}>
                        {t('laPicture.recordSupport')}
                      </button>
                      <Show when={brokering() === i()}>
                        <BrokerForm id={`${props.idPrefix}-broker-${i()}`} match={m} offerName={owner(m.offer)} onDone={() => setBrokering(undefined)} />
                      </Show>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
