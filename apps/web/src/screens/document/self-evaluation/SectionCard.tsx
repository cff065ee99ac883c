import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { Card, CardBody, CardHeader, RichTextEditor, YTextField, useLocale } from '@cydweithio/ui';
import { selfEvaluation } from '@cydweithio/model/docs/selfEvaluation';
import { enquiryQuestionIds } from '@cydweithio/model/domain/enquiry';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { EvidenceList } from './EvidenceList';
import { useCorrections } from '../corrections/CorrectionsContext';

/** One area of the self-evaluation: the three enquiry questions, evidence, and the narrative. */
export function SectionCard(props: { section: Y.Map<unknown> }) {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const view = selfEvaluation(connection.doc).section(String(props.section.get('id')));
  const headingId = `section-${view.id}`;
  const corrections = useCorrections();
  // The area goes with its answers, evidence and narrative (D46); Undo brings all of it back.
  const remove = (e: MouseEvent) => corrections.remove(t('corrections.area', { area: label('area', view.area) }), () => selfEvaluation(connection.doc).removeSection(view.id), e.currentTarget as HTMLElement);
  return (
    <Card labelledBy={headingId} class="section-card" testId={`section-${view.area}`}>
      <CardHeader id={headingId} title={label('area', view.area)} lang={locale()} />
      <CardBody>
        <For each={enquiryQuestionIds}>
          {(question) => (
            <div class="field">
              <label for={`${view.id}-${question}`}>{label('enquiry', question)}</label>
              <YTextField text={view.answer(question)} id={`${view.id}-${question}`} readOnly={readOnly()} multiline testId={`answer-${view.area}-${question}`} />
            </div>
          )}
        </For>
        <EvidenceList view={view} />
        <div class="field">
          <span class="field__label" id={`${view.id}-narrative-label`}>{t('selfEvaluation.narrative')}</span>
          <RichTextEditor
            fragment={view.narrative}
            awareness={connection.awareness}
            label={t('selfEvaluation.narrativeOf', { area: label('area', view.area) })}
            readOnly={readOnly()}
            testId={`narrative-${view.area}`}
          />
        </div>
        <Show when={!readOnly()}>
          <button type="button" class="button button--small button--secondary" onClick={remove} data-testid="section-remove">
            {t('corrections.removeArea')}<span class="visually-hidden">: {label('area', view.area)}</span>
          </button>
        </Show>
      </CardBody>
    </Card>
  );
}
