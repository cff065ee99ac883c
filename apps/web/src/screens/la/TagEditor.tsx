import { createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { postJson } from '../../api/http';
import type { ItemRef, ThemeTag } from '../../api/laSchemas';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { bumpLaRevision } from './laContext';

/** O9: the LA's themes on one agreed item, as checkboxes; saved as a whole when asked. */
export function TagEditor(props: { item: ItemRef; tags: readonly ThemeTag[] }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const id = () => `tags-${props.item.ownerId}-${props.item.itemId}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    try {
      await postJson('/themes/items', { ownerKey: `school:${props.item.ownerId}`, itemId: props.item.itemId, tagIds: data.getAll('tag').map(String) }, 'PUT');
      setOpen(false);
      bumpLaRevision();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <>
      <button type="button" class="button button--small button--secondary" data-testid="tag-open" aria-expanded={open()} aria-controls={id()} onClick={() => setOpen(!open())}>
        {t('laPicture.tag')}
      </button>
      <Show when={open()}>
        <form id={id()} class="form la-tag-form" onSubmit={save} data-testid="tag-form">
          <fieldset>
            <legend>{t('laPicture.tagLegend')}</legend>
            <For each={props.tags}>
              {(tag) => (
                <label class="la-check">
                  <input type="checkbox" name="tag" value={tag.id} checked={props.item.tagIds.includes(tag.id)} /> {tag.label[locale()]}
                </label>
              )}
            </For>
          </fieldset>
          <Show when={error()}>{(e) => <p class="notice notice--error" role="alert">{e()}</p>}</Show>
          <button type="submit" class="button button--small">{t('laPicture.saveTags')}</button>
        </form>
      </Show>
    </>
  );
}
