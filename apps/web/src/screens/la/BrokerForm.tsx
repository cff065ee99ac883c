import { createResource, createSignal, For, Show } from 'solid-js';
import { apiJson, postJson } from '../../api/http';
import { OwnerThemes, type Match } from '../../api/laSchemas';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { bumpLaRevision } from './laContext';

/**
 * O14: a possible match recorded as support from the offering school, against a priority of the
 * needing school's approved plan (the one in the need's area first).
 */
export function BrokerForm(props: { id: string; match: Match; offerName: string; onDone: () => void }) {
  const t = useText();
  const errorText = useErrorText();
  const [error, setError] = createSignal<string>();
  const [themes] = createResource(() => props.match.need.ownerId, (id) => apiJson(OwnerThemes, `/themes?ownerKey=school:${id}`));
  const priorities = () => {
    const all = (themes()?.items ?? []).filter((i) => i.kind === 'priority');
    return [...all.filter((p) => p.area === props.match.need.area), ...all.filter((p) => p.area !== props.match.need.area)];
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    try {
      await postJson('/la/brokered', {
        schoolId: props.match.need.ownerId, priorityId: data.get('priorityId'), source: 'school', providerSchoolId: props.match.offer.ownerId,
        provider: props.offerName, description: data.get('description'), daysPlanned: Number(data.get('daysPlanned')),
        matchedFrom: `school:${props.match.offer.ownerId}#${props.match.offer.itemId}`,
      });
      bumpLaRevision();
      props.onDone();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <form id={props.id} class="form la-broker-form" onSubmit={submit} data-testid="broker-form">
      <label for={`${props.id}-priority`}>{t('laPicture.priorityServed')}</label>
      <select id={`${props.id}-priority`} name="priorityId" required>
        <For each={priorities()}>{(p) => <option value={p.itemId}>{p.text}</option>}</For>
      </select>
      <label for={`${props.id}-description`}>{t('laPicture.supportDescription')}</label>
      <input id={`${props.id}-description`} name="description" required maxLength={2000} value={props.match.offer.text} />
      <label for={`${props.id}-days`}>{t('laPicture.daysPlanned')}</label>
      <input id={`${props.id}-days`} name="daysPlanned" type="number" min="0" max="365" step="0.5" required value="1" />
      <Show when={error()}>{(e) => <p class="notice notice--error" role="alert">{e()}</p>}</Show>
      <button type="submit" class="button button--small" data-testid="broker-submit">{t('laPicture.recordSupportSubmit')}</button>
    </form>
  );
}
