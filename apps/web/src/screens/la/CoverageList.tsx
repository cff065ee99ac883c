import { createResource, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson } from '../../api/http';
import { readCache, writeCache } from '../../api/localCache';
import { Coverage } from '../../api/schemas';
import { langOf, nameIn } from '../../i18n/names';
import { useText } from '../../i18n/useText';

async function loadCoverage(laCode: number): Promise<Coverage | undefined> {
  const key = `coverage.${laCode}`;
  try {
    const fresh = await apiJson(Coverage, `/la/coverage?la=${laCode}`);
    writeCache(key, fresh);
    return fresh;
  } catch {
    return readCache<Coverage>(key);
  }
}

/**
 * Schools not yet in a vertical and a horizontal collaborative: a to-do list in school-number
 * order as the server gives it, never a ranking; "yes" / "not yet" in words, not colours.
 */
export function CoverageList(props: { laCode: number | undefined }) {
  const t = useText();
  const locale = useLocale();
  const [coverage] = createResource(() => props.laCode, loadCoverage);
  return (
    <section aria-labelledby="coverage-heading" data-testid="coverage">
      <h2 id="coverage-heading">{t('la.coverage')}</h2>
      <Show when={coverage()} fallback={<p class="muted">{t('la.noCoverage')}</p>}>
        {(data) => (
          <>
            <p>{t('la.coverageSummary', { gaps: data().gaps.length, schools: data().schools })}</p>
            <Show when={data().gaps.length > 0}>
              <table class="table">
                <caption class="visually-hidden">{t('la.coverageCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('la.school')}</th>
                    <th scope="col">{t('la.inVertical')}</th>
                    <th scope="col">{t('la.inHorizontal')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().gaps}>
                    {(gap) => (
                      <tr>
                        <th scope="row" lang={langOf(gap.name, locale())}>{nameIn(gap.name, locale()) || gap.schoolId}</th>
                        <td>{gap.missing.includes('vertical') ? t('la.notYet') : t('la.yes')}</td>
                        <td>{gap.missing.includes('horizontal') ? t('la.notYet') : t('la.yes')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
