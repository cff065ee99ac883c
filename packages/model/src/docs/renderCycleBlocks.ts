import type { Bilingual, Lang } from '../domain/bilingual';
import {
  consultationGroupLabels, criterionStatusLabels, judgementDescriptors, lastYearOutcomeLabels,
  planSectionLabels, supportChangeLabels, supportLevelLabels, supportSourceLabels,
} from '../domain/cycleLabels';
import { areaLabels, judgementLabels, trackStatusLabels } from '../domain/labels';
import type { DevelopmentPlanState, PlanSection } from '../domain/plan';
import type { PublishedSummary } from '../domain/review';
import { academicYearLabel } from '../rules/schoolCalendar';
import type { Block } from './renderBlocks';
import type { RichNode } from './richText';
import type { ProgressReviewJson } from './reviewJson';

/** Our words of the plan, summary and review exports (D8: labels in `lang`, people's text as written). */
const w = {
  year: { cy: 'Blwyddyn academaidd', en: 'Academic year' },
  outcomes: { cy: 'Canlyniadau disgwyliedig', en: 'Expected outcomes' },
  criteria: { cy: 'Meini prawf llwyddiant', en: 'Success criteria' },
  actions: { cy: 'Camau gweithredu', en: 'Actions' },
  milestones: { cy: 'Cerrig milltir', en: 'Milestones' },
  resources: { cy: 'Adnoddau', en: 'Resources' },
  monitoring: { cy: 'Monitro cynnydd', en: 'Monitoring progress' },
  support: { cy: 'Cymorth', en: 'Support' },
  yearTwo: { cy: 'Blwyddyn dau', en: 'Year two' },
  yearThree: { cy: 'Blwyddyn tri', en: 'Year three' },
  due: { cy: 'erbyn', en: 'due' },
  days: { cy: 'diwrnod', en: 'days' },
  overall: { cy: 'Darlun cyffredinol', en: 'Overall' },
  risks: { cy: 'Risgiau', en: 'Risks' },
  notes: { cy: 'Nodiadau gwaith', en: 'Working notes' },
  notYet: { cy: 'Heb ei werthuso eto', en: 'Not yet evaluated' },
  none: { cy: 'Dim eto.', en: 'None yet.' },
  approved: { cy: 'Cymeradwywyd gan y corff llywodraethu ar', en: 'Approved by the governing body on' },
  lastYear: { cy: 'Cynnydd yn erbyn blaenoriaethau’r llynedd', en: 'Progress against last year’s priorities' },
  priorities: { cy: 'Blaenoriaethau gwella', en: 'Improvement priorities' },
  summaryOf: { cy: 'Crynodeb o’r cynllun datblygu ysgol', en: 'Summary of the school development plan' },
} satisfies Record<string, Bilingual>;

const orNone = (text: string, lang: Lang): Block => ({ t: 'p', text: text.trim() === '' ? w.none[lang] : text });
const rich = (nodes: readonly unknown[], lang: Lang): Block => (nodes.length === 0 ? orNone('', lang) : { t: 'rich', nodes: nodes as RichNode[] });
const dueText = (due: string, lang: Lang): string => (due ? ` (${w.due[lang]} ${due})` : '');
const daysText = (days: number, lang: Lang): string => (days > 0 ? ` · ${days} ${w.days[lang]}` : '');

export function sectionHeading(section: Pick<PlanSection, 'heading' | 'template'>, lang: Lang): string {
  if (section.heading.trim() !== '') return section.heading;
  return section.template === 'custom' ? '' : planSectionLabels[section.template][lang];
}

function planPriorityBlocks(plan: DevelopmentPlanState, lang: Lang): Block[] {
  if (plan.priorities.length === 0) return [orNone('', lang)];
  return plan.priorities.flatMap((p): Block[] => [
    { t: 'h', level: 3, text: p.title },
    { t: 'p', text: areaLabels[p.area][lang] },
    { t: 'list', items: [{ label: w.outcomes[lang], text: p.outcomes }, { label: w.resources[lang], text: p.resources }, { label: w.monitoring[lang], text: p.monitoring }] },
    { t: 'p', text: w.criteria[lang] },
    p.criteria.length === 0 ? orNone('', lang) : { t: 'list', items: p.criteria.map((c) => ({ label: criterionStatusLabels[c.status][lang], text: c.text })) },
    { t: 'p', text: w.actions[lang] },
    p.actions.length === 0 ? orNone('', lang) : { t: 'list', items: p.actions.map((a) => ({ label: a.ownerName, text: `${a.description}${dueText(a.due, lang)}` })) },
    { t: 'p', text: w.milestones[lang] },
    p.milestones.length === 0 ? orNone('', lang) : { t: 'list', items: p.milestones.map((m) => ({ text: `${m.description}${dueText(m.due, lang)}` })) },
    { t: 'p', text: w.support[lang] },
    p.support.length === 0 ? orNone('', lang) : { t: 'list', items: p.support.map((s) => ({ label: supportSourceLabels[s.source][lang], text: `${s.provider}: ${s.description}${daysText(s.days, lang)}` })) },
    { t: 'list', items: [{ label: w.yearTwo[lang], text: p.yearTwo }, { label: w.yearThree[lang], text: p.yearThree }] },
  ]);
}

export function planBlocks(plan: DevelopmentPlanState, lang: Lang): Block[] {
  const out: Block[] = [{ t: 'p', text: `${w.year[lang]}: ${academicYearLabel(plan.academicYear)}` }];
  for (const s of plan.sections) {
    out.push({ t: 'h', level: 2, text: sectionHeading(s, lang) });
    switch (s.kind) {
      case 'priorities': out.push(...planPriorityBlocks(plan, lang)); break;
      case 'text': out.push(rich(s.body, lang)); break;
      case 'consultation':
        out.push(plan.consultations.length === 0 ? orNone('', lang) : { t: 'list', items: plan.consultations.map((c) => ({ label: `${c.date} · ${consultationGroupLabels[c.group][lang]}`, text: c.summary })) });
        break;
      case 'last-year':
        out.push(plan.lastYear.length === 0 ? orNone('', lang) : { t: 'list', items: plan.lastYear.map((l) => ({ label: lastYearOutcomeLabels[l.outcome][lang], text: `${l.title}: ${l.reasons}` })) });
        break;
      case 'strengths':
      case 'learning-needs': {
        const type = s.kind === 'strengths' ? 'strength' : 'learning-need';
        const found = plan.findings.filter((f) => f.type === type);
        out.push(found.length === 0 ? orNone('', lang) : { t: 'list', items: found.map((f) => ({ label: areaLabels[f.area][lang], text: f.text })) });
        break;
      }
    }
  }
  return out;
}

export function reviewBlocks(review: ProgressReviewJson, lang: Lang): Block[] {
  const status = (s: string): string => (s === 'on-track' || s === 'off-track' ? trackStatusLabels[s][lang] : w.notYet[lang]);
  const out: Block[] = [
    { t: 'p', text: `${review.term}${review.halfTerm ? ` (${review.halfTerm})` : ''} · ${supportLevelLabels[review.supportLevel][lang]}` },
    { t: 'h', level: 2, text: w.overall[lang] },
    { t: 'p', text: status(review.overall.status) },
    orNone(review.overall.summary, lang),
  ];
  for (const p of review.priorities) {
    out.push({ t: 'h', level: 2, text: p.title }, { t: 'p', text: `${areaLabels[p.area][lang]} · ${status(p.status)} · ${p.judgement ? judgementLabels[p.judgement][lang] : w.notYet[lang]}` });
    if (p.judgement) out.push({ t: 'p', text: judgementDescriptors[p.judgement][lang] });
    out.push({ t: 'h', level: 3, text: w.risks[lang] }, orNone(p.risks, lang));
    out.push({ t: 'h', level: 3, text: w.support[lang] });
    out.push(p.supportChanges.length === 0 ? orNone('', lang) : { t: 'list', items: p.supportChanges.map((s) => ({ label: supportChangeLabels[s.change][lang], text: `${supportSourceLabels[s.source][lang]}, ${s.provider}: ${s.description}${daysText(s.days, lang)}` })) });
    out.push({ t: 'h', level: 3, text: w.notes[lang] }, orNone(p.notes, lang));
  }
  out.push({ t: 'h', level: 2, text: w.notes[lang] }, orNone(review.overall.notes, lang));
  return out;
}

/** E: the published summary, for the public page and its HTML, Markdown and PDF exports. */
export function summaryBlocks(summary: PublishedSummary, lang: Lang): Block[] {
  const out: Block[] = [
    { t: 'h', level: 1, text: summary.schoolName[lang] },
    { t: 'p', text: `${w.summaryOf[lang]} · ${academicYearLabel(summary.academicYear)}` },
    { t: 'p', text: `${w.approved[lang]} ${summary.approvedOn}` },
    { t: 'h', level: 2, text: w.priorities[lang] },
  ];
  if (summary.priorities.length === 0) out.push(orNone('', lang));
  for (const p of summary.priorities) {
    out.push({ t: 'h', level: 3, text: p.title }, { t: 'p', text: areaLabels[p.area][lang] });
    if (p.outcomes.trim() !== '') out.push({ t: 'list', items: [{ label: w.outcomes[lang], text: p.outcomes }] });
    if (p.actions.length > 0) out.push({ t: 'p', text: w.actions[lang] }, { t: 'list', items: p.actions.map((a) => ({ text: `${a.description}${dueText(a.due, lang)}` })) });
    if (p.milestones.length > 0) out.push({ t: 'p', text: w.milestones[lang] }, { t: 'list', items: p.milestones.map((m) => ({ text: `${m.description}${dueText(m.due, lang)}` })) });
    if (p.support.length > 0) out.push({ t: 'p', text: w.support[lang] }, { t: 'list', items: p.support.map((s) => ({ label: supportSourceLabels[s.source][lang], text: `${s.provider}${s.description ? `: ${s.description}` : ''}${daysText(s.days, lang)}` })) });
    const later = [{ label: w.yearTwo[lang], text: p.yearTwo }, { label: w.yearThree[lang], text: p.yearThree }].filter((i) => i.text.trim() !== '');
    if (later.length > 0) out.push({ t: 'list', items: later });
  }
  out.push({ t: 'h', level: 2, text: w.lastYear[lang] });
  out.push(summary.lastYear.length === 0 ? orNone('', lang) : { t: 'list', items: summary.lastYear.map((l) => ({ label: lastYearOutcomeLabels[l.outcome][lang], text: `${l.title}${l.reasons ? `: ${l.reasons}` : ''}` })) });
  return out;
}

