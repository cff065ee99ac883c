import { A } from '@solidjs/router';
import { useText } from '../i18n/useText';
import { usePageTitle } from './usePageTitle';

export function NotFoundScreen() {
  const t = useText();
  usePageTitle(() => t('notFound.title'));
  return (
    <div class="narrow">
      <h1>{t('notFound.title')}</h1>
      <p><A href="/">{t('notFound.home')}</A></p>
    </div>
  );
}
