import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { coverageState, filterCoverage, type CoverageState } from '@cydweithio/model/rules/coverageFilter';
import type { LanguageCategory, Setting } from '@cydweithio/model/domain/school';
import { apiJson } from '../../api/http';
import { CoverageMap as CoverageMapSchema } from '../../api/laSchemas';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { languageKeys, settingKeys, useDomainLabel } from './laLabels';
import { project } from './mapGeometry';

const WIDTH = 640;
const states: CoverageState[] = ['both', 'vertical-only', 'horizontal-only', 'neither'];

/** Each coverage state's mark: a colour and a shape, so colour is never the only cue. */
function Mark(props: { state: CoverageState; x: number; y: number; title: string }) {
  const cls = `la-mark la-mark--${props.state}`;
  const r = 5;
  return (
    <g class={cls} data-state={props.state}>
      <title>{props.title}</title>
      {props.state === 'both' && <circle cx={props.x} cy={props.y} r={r} />}
      {props.state === 'vertical-only' && <rect x={props.x - r} y={props.y - r} width={2 * r} height={2 * r} />}
      {props.state === 'horizontal-only' && <polygon points={`${props.x},${props.y - r - 1} ${props.x + r + 1},${props.y + r} ${props.x - r - 1},${props.y + r}`} />}
      {props.state === 'neither' && <polygon points={`${props.x},${props.y - r - 1} ${props.x + r + 1},${props.y} ${props.x},${props.y + r + 1} ${props.x - r - 1},${props.y}`} />}
    </g>
  );
}

/**
 * O16-O18: the LA's schools on a map drawn by the app from the directory's coordinates, coloured
 * (and shaped) by coverage only, filterable by setting, language and cluster; the same schools in
 * a table beside it, in school-number order.
 */
export function CoverageMap(props: { laCode: number }) {
  const t = useText();
  const locale = useLocale();
  const label = useDomainLabel();
  const errorText = useErrorText();
  const [data] = createResource(() => props.laCode, (la) => apiJson(CoverageMapSchema, `/la/${la}/coverage-map`));
  const [setting, setSetting] = createSignal('');
  const [language, setLanguage] = createSignal('');
  const [cluster, setCluster] = createSignal('');
  const [gapsOnly, setGapsOnly] = createSignal(false);
  const shown = createMemo(() => filterCoverage(
    (data()?.schools ?? []).map((s) => ({ ...s, setting: s.setting as Setting, languageCategory: s.languageCategory as LanguageCategory })),
    { setting: (setting() || undefined) as Setting | undefined, language: (language() || undefined) as LanguageCategory | undefined, clusterId: cluster() || undefined, gapsOnly: gapsOnly() },
  ));
  const map = createMemo(() => project(shown(), WIDTH));
  const stateWords = (s: CoverageState) => t(`laPicture.coverage.${s}`);
  return (
    <section aria-labelledby="coverage-heading" data-testid="coverage">
      <h2 id="coverage-heading">{t('la.coverage')}</h2>
      <Show when={data()} fallback={<p class="muted">{data.error ? errorText(data.error) : t('la.noCoverage')}</p>}>
        {(d) => (
          <>
            <form class="form form--inline" data-testid="coverage-filters" onSubmit={(e) => e.preventDefault()}>
              <div class="field">
                <label for="filter-setting">{t('laPicture.setting')}</label>
                <select id="filter-setting" value={setting()} onChange={(e) => setSetting(e.currentTarget.value)}>
                  <option value="">{t('laPicture.any')}</option>
                  <For each={settingKeys}>{(k) => <option value={k}>{label('setting', k)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="filter-language">{t('laPicture.language')}</label>
                <select id="filter-language" value={language()} onChange={(e) => setLanguage(e.currentTarget.value)}>
                  <option value="">{t('laPicture.any')}</option>
                  <For each={languageKeys}>{(k) => <option value={k}>{label('language', k)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="filter-cluster">{t('laPicture.cluster')}</label>
                <select id="filter-cluster" value={cluster()} onChange={(e) => setCluster(e.currentTarget.value)}>
                  <option value="">{t('laPicture.any')}</option>
                  <For each={d().clusters}>{(c) => <option value={c.id}>{nameIn(c.name, locale())}</option>}</For>
                </select>
              </div>
              <label class="la-check"><input id="filter-gaps" type="checkbox" checked={gapsOnly()} onChange={(e) => setGapsOnly(e.currentTarget.checked)} /> {t('laPicture.gapsOnly')}</label>
            </form>
            <p role="status" data-testid="coverage-count">{t('laPicture.coverageShown', { shown: shown().length, total: d().total })}</p>
            <div class="la-map-wrap">
              <svg class="la-map" data-testid="coverage-map" role="img" aria-labelledby="la-map-title la-map-desc" viewBox={`0 0 ${WIDTH} ${Math.round(map().height)}`} width="100%">
                <title id="la-map-title">{t('laPicture.mapTitle')}</title>
                <desc id="la-map-desc">{t('laPicture.mapDesc')}</desc>
                <rect class="la-map__ground" x="0" y="0" width={WIDTH} height={Math.round(map().height)} />
                <For each={map().items}>{(s) => <Mark state={coverageState(s)} x={s.x} y={s.y} title={`${nameIn(s.name, locale())}: ${stateWords(coverageState(s))}`} />}</For>
              </svg>
              <ul class="plain-list la-legend" aria-label={t('laPicture.legend')}>
                <For each={states}>
                  {(s) => (
                    <li>
                      <svg class="la-legend__mark" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true"><Mark state={s} x={7} y={7} title="" /></svg> {stateWords(s)}
                    </li>
                  )}
                </For>
              </ul>
            </div>
            <table class="table" data-testid="coverage-table">
              <caption class="visually-hidden">{t('la.coverageCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('la.school')}</th>
                  <th scope="col">{t('laPicture.setting')}</th>
                  <th scope="col">{t('la.inVertical')}</th>
                  <th scope="col">{t('la.inHorizontal')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={shown()}>
                  {(s) => (
                    <tr data-school={s.id}>
                      <th scope="row" lang={langOf(s.name, locale())}>{nameIn(s.name, locale()) || s.id}</th>
                      <td>{label('setting', s.setting)}</td>
                      <td>{s.inVertical ? t('la.yes') : t('la.notYet')}</td>
                      <td>{s.inHorizontal ? t('la.yes') : t('la.notYet')}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </>
        )}
      </Show>
    </section>
  );
}
