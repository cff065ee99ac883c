import { For, Show } from 'solid-js';
import { createYArray } from '@cydweithio/ui';
import { sectionsArray } from '@cydweithio/model/docs/selfEvaluation';
import { startingQuestions } from '@cydweithio/model/domain/enquiry';
import { useLocale } from '@cydweithio/ui';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { AddSectionForm } from './AddSectionForm';
import { SectionCard } from './SectionCard';

/** A school's self-evaluation: the starting questions, then one section per area (SPEC C12). */
export function SelfEvaluationBody() {
  const t = useText();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const sections = createYArray(sectionsArray(connection.doc));
  return (
    <div class="self-evaluation">
      <section class="starting-questions" aria-labelledby="starting-heading">
        <h2 id="starting-heading">{t('selfEvaluation.startingQuestions')}</h2>
        <ol>
          <For each={startingQuestions}>{(q) => <li lang={locale()}>{q[locale()]}</li>}</For>
        </ol>
        <p class="hint">{t('selfEvaluation.noLearnerData')}</p>
      </section>
      <Show when={sections().length > 0} fallback={<p>{t('selfEvaluation.noSections')}</p>}>
        <For each={sections()}>{(section) => <SectionCard section={section} />}</For>
      </Show>
      <Show when={!readOnly()}>
        <AddSectionForm />
      </Show>
    </div>
  );
}
