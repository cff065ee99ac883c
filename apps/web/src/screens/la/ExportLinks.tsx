import { For } from 'solid-js';
import { env } from '../../env';
import { useText } from '../../i18n/useText';

/** O23-O24: the LA's exports for its own self-evaluation and scrutiny (no ranking, no continuum). */
export function ExportLinks(props: { laCode: number }) {
  const t = useText();
  const links = () => [
    ['overview.html?lang=both', t('laPicture.export.html')],
    ['overview.pdf?lang=cy', t('laPicture.export.pdfCy')],
    ['overview.pdf?lang=en', t('laPicture.export.pdfEn')],
    ['coverage.csv', t('laPicture.export.coverage')],
    ['support-days.csv', t('laPicture.export.support')],
  ];
  return (
    <section aria-labelledby="la-exports" data-testid="la-exports">
      <h2 id="la-exports">{t('laPicture.exportsHeading')}</h2>
      <p class="hint">{t('laPicture.exportsExplain')}</p>
      <ul class="plain-list">
        <For each={links()}>{([path, label]) => <li><a href={`${env.apiBase}/la/${props.laCode}/export/${path}`} download="">{label}</a></li>}</For>
      </ul>
    </section>
  );
}
