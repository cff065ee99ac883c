import { For, Show, createResource, createSignal } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { parseSubject, subjectLabel } from '@cydweithio/model/domain/recordSubjects';
import { apiJson } from '../../api/http';
import { SubjectState, type RecordVersion } from '../../api/cycleSchemas';
import { formatDateTime } from '../../i18n/formatDate';
import { useText } from '../../i18n/useText';
import { compareStates } from './flattenState';
import { useRecordWords } from './useRecordWords';

/**
 * Two agreed versions side by side (K12): by default the two newest reviews (autumn against
 * spring), or any two versions the reader picks. Rows are matched by the ids inside the states,
 * so each priority is set against itself; what changed is said in words, not only by colour.
 */
export function CompareVersions(props: { ownerKey: string; versions: RecordVersion[] }) {
  const t = useText();
  const locale = useLocale();
  const words = useRecordWords();
  const reviews = () => props.versions.filter((v) => parseSubject(v.subject).type === 'review');
  const pair = () => (reviews().length >= 2 ? reviews().slice(-2) : props.versions.slice(-2));
  const [fromHash, setFromHash] = createSignal(pair()[0]?.hash ?? '');
  const [toHash, setToHash] = createSignal(pair()[1]?.hash ?? pair()[0]?.hash ?? '');
  const [onlyChanges, setOnlyChanges] = createSignal(true);
  const byHash = (hash: string) => props.versions.find((v) => v.hash === hash);
  const stateAt = (v: RecordVersion) => apiJson(SubjectState, `/records/${encodeURIComponent(props.ownerKey)}/subjects/${encodeURIComponent(v.subject)}?at=${v.hash}`);
  const [compared] = createResource(() => ({ from: byHash(fromHash()), to: byHash(toHash()) }), async ({ from, to }) => {
    if (!from || !to) return null;
    const [a, b] = await Promise.all([stateAt(from), stateAt(to)]);
    return compareStates(a.state, b.state);
  });
  const rows = () => (compared() ?? []).filter((r) => !onlyChanges() || r.change !== 'same');
  const optionText = (v: RecordVersion) => `${subjectLabel(v.subject, locale())} · ${formatDateTime(v.at * 1000, locale())}`;
  const select = (id: string, labelKey: string, value: () => string, set: (h: string) => void) => (
    <div class="field">
      <label for={id}>{t(labelKey)}</label>
      <select id={id} value={value()} onChange={(e) => set(e.currentTarget.value)} data-testid={id}>
        <For each={props.versions}>{(v) => <option value={v.hash} selected={v.hash === value()}>{optionText(v)}</option>}</For>
      </select>
    </div>
  );
  return (
    <section class="card" aria-labelledby="compare-heading" data-testid="compare">
      <header class="card__header"><h2 id="compare-heading">{t('record.compareHeading')}</h2></header>
      <div class="card__body">
        <div class="form form--inline">
          {select('compare-from', 'record.from', fromHash, setFromHash)}
          {select('compare-to', 'record.to', toHash, setToHash)}
          <div class="field field--check">
            <input type="checkbox" id="compare-only-changes" checked={onlyChanges()} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} />
            <label for="compare-only-changes">{t('record.onlyChanges')}</label>
          </div>
        </div>
        <Show when={compared()} fallback={<p role="status">{t('common.loading')}</p>}>
          <table class="compare" data-testid="compare-table">
            <caption class="visually-hidden">{t('record.compareHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('record.field')}</th>
                <th scope="col">{t('record.from')}</th>
                <th scope="col">{t('record.to')}</th>
                <th scope="col">{t('record.compare')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => {
                  const field = row.path.at(-1) ?? '';
                  return (
                    <tr class={`compare__row--${row.change}`} data-testid="compare-row" data-change={row.change}>
                      <th scope="row">{row.path.map(words.field).join(' › ')}</th>
                      <td>{words.value(field, row.from)}</td>
                      <td>{words.value(field, row.to)}</td>
                      <td>{t(`record.${row.change === 'same' ? 'same' : row.change}`)}</td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </Show>
      </div>
    </section>
  );
}
