import { createSignal, onMount, Show } from 'solid-js';
import { useUiText } from '../i18n/useUiText';
import { safeHref } from './safeHref';

export interface LinkFormProps {
  id: string;
  initial: string;
  canRemove: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/**
 * Asks for a link's address. Only web (http, https) and email (mailto) addresses are accepted;
 * anything else is refused with a reason, so no link in a shared document can run code.
 */
export function LinkForm(props: LinkFormProps) {
  const t = useUiText();
  const [error, setError] = createSignal(false);
  let input!: HTMLInputElement;
  onMount(() => input.focus());
  const submit = (event: Event) => {
    event.preventDefault();
    const href = safeHref(input.value);
    if (href === null) {
      setError(true);
      input.focus();
      return;
    }
    props.onApply(href);
  };
  return (
    <form class="link-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), props.onCancel())} data-testid="link-form">
      <label for={props.id}>{t('toolbar.linkAddress')}</label>
      <input
        ref={input}
        id={props.id}
        type="text"
        inputmode="url"
        autocomplete="url"
        value={props.initial}
        aria-invalid={error() ? 'true' : 'false'}
        aria-describedby={`${props.id}-hint`}
        onInput={() => setError(false)}
      />
      <p id={`${props.id}-hint`} class={error() ? 'field__error' : 'field__hint'} role={error() ? 'alert' : undefined}>
        {error() ? t('toolbar.linkRefused') : t('toolbar.linkHint')}
      </p>
      <div class="link-form__actions">
        <button type="submit">{t('toolbar.linkApply')}</button>
        <Show when={props.canRemove}>
          <button type="button" onClick={() => props.onRemove()}>{t('toolbar.linkRemove')}</button>
        </Show>
        <button type="button" onClick={() => props.onCancel()}>{t('toolbar.linkCancel')}</button>
      </div>
    </form>
  );
}
