import { Show } from 'solid-js';
import { RichTextEditor, YTextField, useLocale } from '@cydweithio/ui';
import { reviewExtract } from '@cydweithio/model/docs/reviewExtract';
import { nameIn } from '../../../i18n/names';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { useOpenDocument } from '../DocumentContext';

/**
 * C299: a peer review's strengths, published by its host to a collaborative (server G40): where
 * it came from, the review's focus and the strengths. Its members read it; the host school's
 * leaders may write in it, though publishing again replaces it from the review.
 */
export function ReviewExtractBody() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const { connection, readOnly, summary } = useOpenDocument();
  const extract = reviewExtract(connection.doc);
  const school = () => nameIn(summary()?.owner.name ?? '', locale());
  const collaborative = () => {
    const id = extract.origin().collaborativeId;
    const found = session.me()?.collaboratives?.find((c) => c.id === id);
    return found ? nameIn(found.name, locale()) : '';
  };
  return (
    <div class="peer-review">
      <p class="notice" data-testid="extract-origin">
        <Show when={collaborative()} fallback={t('peerReview.extract.origin', { school: school() })}>
          {(name) => t('peerReview.extract.originIn', { school: school(), collaborative: name() })}
        </Show>
      </p>
      <div class="field">
        <label for="extract-focus">{t('peerReview.focus')}</label>
        <YTextField text={extract.focus()} id="extract-focus" readOnly={readOnly()} testId="extract-focus" />
      </div>
      <section class="field" aria-labelledby="extract-strengths-heading">
        <h2 id="extract-strengths-heading">{t('peerReview.sections.strengths')}</h2>
        <RichTextEditor fragment={extract.strengths()} awareness={connection.awareness} label={t('peerReview.sections.strengths')} readOnly={readOnly()} testId="extract-strengths" />
      </section>
    </div>
  );
}
