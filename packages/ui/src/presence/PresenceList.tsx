import { For, Show } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import { useUiText } from '../i18n/useUiText';
import { createPresence } from './createPresence';
import { personColour } from './personColour';

/** Who is on this document now: name, school and role in words; the colour dot matches their cursor. */
export function PresenceList(props: { awareness: Awareness }) {
  const t = useUiText();
  const people = createPresence(props.awareness);
  return (
    <section class="presence" aria-label={t('presence.heading')}>
      <h2 class="presence__heading">{t('presence.heading')}</h2>
      <Show when={people().length > 1} fallback={<p class="presence__alone">{t('presence.alone')}</p>}>
        <ul class="presence__list" data-testid="presence-list">
          <For each={people()}>
            {(person) => (
              <li class="presence__person">
                <span class="presence__dot" aria-hidden="true" style={{ background: personColour(person.personId) }} />
                <span>
                  {person.schoolName ? t('presence.atSchool', { name: person.name, school: person.schoolName }) : person.name}
                  <Show when={person.isMe}> ({t('presence.you')})</Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
