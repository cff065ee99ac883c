import { Match, Show, Switch } from 'solid-js';
import { RichTextEditor, YTextField, createYText } from '@cydweithio/ui';
import { developmentPlan, type PlanSectionView } from '@cydweithio/model/docs/developmentPlan';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { PrioritiesSection } from './PrioritiesSection';
import { ConsultationSection, FindingsSection, LastYearSection } from './PlanRecordsSection';
import { useCorrections } from '../corrections/CorrectionsContext';

/**
 * One section of the plan. The template is a starting point, not a form: every section can be
 * renamed (an empty heading shows the usual one), moved up or down and removed; what it holds
 * follows its kind.
 */
export function PlanSectionCard(props: { section: PlanSectionView; first: boolean; last: boolean }) {
  const t = useText();
  const corrections = useCorrections();
  const label = useLabels();
  const { connection, readOnly } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const s = props.section;
  const typed = createYText(s.heading);
  const usual = () => (s.template === 'custom' ? t(`plan.kind.${s.kind}`) : label('planSection', s.template));
  const heading = () => typed().trim() || usual();
  const headingId = `plan-section-${s.id}`;
  return (
    <section class="card plan-section" aria-labelledby={headingId} data-testid={`plan-section-${s.template === 'custom' ? s.id : s.template}`} data-section-kind={s.kind}>
      <header class="card__header plan-section__header">
        <h2 id={headingId}>{heading()}</h2>
        <Show when={!readOnly()}>
          <div class="plan-section__tools">
            <button type="button" class="button button--small button--secondary" disabled={props.first} onClick={() => plan.moveSection(s.id, -1)} data-testid="section-up">
              {t('plan.moveUp')}<span class="visually-hidden">: {heading()}</span>
            </button>
            <button type="button" class="button button--small button--secondary" disabled={props.last} onClick={() => plan.moveSection(s.id, 1)} data-testid="section-down">
              {t('plan.moveDown')}<span class="visually-hidden">: {heading()}</span>
            </button>
            <button type="button" class="button button--small button--secondary" onClick={(e) => corrections.remove(heading(), () => plan.removeSection(s.id), e.currentTarget)} data-testid="section-remove">
              {t('plan.removeSection')}<span class="visually-hidden">: {heading()}</span>
            </button>
          </div>
        </Show>
      </header>
      <div class="card__body">
        <Show when={!readOnly()}>
          <div class="field">
            <label for={`${headingId}-heading`}>{t('plan.sectionHeading')}</label>
            <YTextField text={s.heading} id={`${headingId}-heading`} readOnly={readOnly()} describedBy={`${headingId}-hint`} testId="section-heading" />
            <p class="hint" id={`${headingId}-hint`}>{t('plan.sectionHeadingHint', { heading: usual() })}</p>
          </div>
        </Show>
        <Switch>
          <Match when={s.kind === 'priorities'}><PrioritiesSection /></Match>
          <Match when={s.kind === 'consultation'}><ConsultationSection sectionId={s.id} /></Match>
          <Match when={s.kind === 'last-year'}><LastYearSection sectionId={s.id} /></Match>
          <Match when={s.kind === 'strengths'}><FindingsSection sectionId={s.id} type="strength" /></Match>
          <Match when={s.kind === 'learning-needs'}><FindingsSection sectionId={s.id} type="learning-need" /></Match>
          <Match when={s.kind === 'text'}>
            <RichTextEditor fragment={s.body} awareness={connection.awareness} label={t('plan.sectionBody', { heading: heading() })} readOnly={readOnly()} testId={`section-body-${s.template === 'custom' ? s.id : s.template}`} />
          </Match>
        </Switch>
      </div>
    </section>
  );
}
