import { useParams } from '@solidjs/router';
import { Show, createResource, createSignal } from 'solid-js';
import { apiJson } from '../../api/http';
import { RecordVersions, type RecordVersion } from '../../api/cycleSchemas';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { usePageTitle } from '../usePageTitle';
import { AsItStood } from './AsItStood';
import { CompareVersions } from './CompareVersions';
import { PriorityCharts } from './PriorityCharts';
import { RecordTimeline } from './RecordTimeline';

/**
 * /records/:ownerKey: everything agreed for a school or a collaborative (RECORDS.md K11-K15): the
 * timeline of agreed versions, any subject as it stood at a version, a side-by-side comparison
 * of two versions, restore as a new draft, the .automerge file, and for a school each priority's
 * progress review by review. Drafts never appear here.
 */
export default function RecordScreen() {
  const t = useText();
  const errorText = useErrorText();
  const params = useParams<{ ownerKey: string }>();
  const ownerKey = () => decodeURIComponent(params.ownerKey);
  const schoolId = () => (ownerKey().startsWith('school:') ? ownerKey().slice('school:'.length) : null);
  usePageTitle(() => t('record.title'));
  const [versions] = createResource(ownerKey, (key) => apiJson(RecordVersions, `/records/${encodeURIComponent(key)}/versions`));
  const [viewing, setViewing] = createSignal<RecordVersion>();
  return (
    <div class="record" data-testid="record">
      <h1>{t('record.title')}</h1>
      <p class="hint">{t('record.intro', { owner: schoolId() ?? ownerKey() })}</p>
      <p>
        <a href={`/api/records/${encodeURIComponent(ownerKey())}/export`} rel="external" download="" data-testid="record-export">{t('record.export')}</a>
        <Show when={schoolId()}>
          {(id) => <>{' · '}<a href={`/summary/${id()}`} rel="external">{t('record.summary')}</a></>}
        </Show>
      </p>
      <Show when={!versions.error} fallback={<p role="alert" class="notice notice--error">{errorText(versions.error)}</p>}>
        <Show when={versions()} fallback={<p role="status">{t('common.loading')}</p>}>
          {(v) => (
            <Show when={v().versions.length > 0} fallback={<p>{t('record.empty')}</p>}>
              <div class="grid">
                <RecordTimeline versions={v().versions} onView={setViewing} />
                <Show when={viewing()} fallback={<div />}>{(version) => <AsItStood ownerKey={ownerKey()} version={version()} />}</Show>
              </div>
              <CompareVersions ownerKey={ownerKey()} versions={v().versions} />
              <Show when={schoolId()}><PriorityCharts ownerKey={ownerKey()} /></Show>
            </Show>
          )}
        </Show>
      </Show>
    </div>
  );
}
