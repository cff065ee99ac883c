import { useNavigate } from '@solidjs/router';
import { For, Show, createResource } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import * as z from 'zod/mini';
import { apiJson } from '../../api/http';
import { SchoolSummary } from '../../api/schemas';
import { nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';

const SchoolList = z.looseObject({ schools: z.array(SchoolSummary) });

/** For LA staff: open any school's record of agreements (confirmed reviews, approvals, summaries). */
export function RecordChooser(props: { laCode: number | undefined }) {
  const t = useText();
  const locale = useLocale();
  const navigate = useNavigate();
  const [schools] = createResource(() => props.laCode, (la) => apiJson(SchoolList, `/directory/schools?la=${la}`));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget as HTMLFormElement).get('school') ?? '');
    if (/^\d{7}$/.test(id)) navigate(`/records/${encodeURIComponent(`school:${id}`)}`);
  };
  return (
    <section class="card" aria-labelledby="record-chooser-heading" data-testid="record-chooser">
      <header class="card__header"><h2 id="record-chooser-heading">{t('record.choose')}</h2></header>
      <div class="card__body">
        <Show when={schools()} fallback={<p role="status">{t('common.loading')}</p>}>
          {(list) => (
            <form class="form form--inline" onSubmit={submit}>
              <div class="field field--grow">
                <label for="record-school">{t('record.schoolSelect')}</label>
                <select id="record-school" name="school">
                  <For each={[...list().schools].sort((a, b) => a.id.localeCompare(b.id))}>{(s) => <option value={s.id}>{nameIn(s.name, locale())} ({s.id})</option>}</For>
                </select>
              </div>
              <button type="submit" class="button">{t('record.openRecord')}</button>
            </form>
          )}
        </Show>
      </div>
    </section>
  );
}
