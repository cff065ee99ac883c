import type { Bilingual, Lang } from '../domain/bilingual';
import { enquiryQuestionIds, enquiryQuestions, evidenceKindLabels } from '../domain/enquiry';
import { areaLabels, documentKindLabels, visitActivityLabels } from '../domain/labels';
import type { ActionItem } from './workspace';
import type { DocumentJson } from './plainJson';
import type { RichNode } from './richText';
import { planBlocks, reviewBlocks } from './renderCycleBlocks';

/**
 * The export's layout, shared by the Markdown and HTML renderers so both show the same
 * things in the same order (D8). User text stays as written; only our labels are localised.
 */
export type Block =
  | { t: 'h'; level: 1 | 2 | 3; text: string }
  | { t: 'p'; text: string }
  | { t: 'rich'; nodes: RichNode[] }
  | { t: 'list'; items: { label?: string; text: string }[] };

const words = {
  evidence: { cy: 'Tystiolaeth', en: 'Evidence' },
  focus: { cy: 'Ffocws', en: 'Focus' },
  visitDates: { cy: 'Dyddiadau ymweld', en: 'Visit dates' },
  participants: { cy: 'Cyfranogwyr', en: 'Participants' },
  activities: { cy: 'Gweithgarwch yr ymweliad', en: 'Visit activity' },
  notes: { cy: 'Nodiadau', en: 'Notes' },
  strengths: { cy: 'Cryfderau', en: 'Strengths' },
  nextSteps: { cy: 'Camau nesaf', en: 'Next steps' },
  priorities: { cy: 'Blaenoriaethau a rennir', en: 'Shared priorities' },
  successCriteria: { cy: 'Meini prawf llwyddiant', en: 'Success criteria' },
  actions: { cy: 'Camau gweithredu', en: 'Actions' },
  support: { cy: 'Cymorth', en: 'Support' },
  meetings: { cy: 'Cyfarfodydd', en: 'Meetings' },
  agenda: { cy: 'Agenda', en: 'Agenda' },
  attendees: { cy: 'Yn bresennol', en: 'Present' },
  apologies: { cy: 'Ymddiheuriadau', en: 'Apologies' },
  decisions: { cy: 'Penderfyniadau', en: 'Decisions' },
  host: { cy: 'Ysgol sy’n cynnal', en: 'Host' },
  reviewer: { cy: 'Adolygydd', en: 'Reviewer' },
  due: { cy: 'erbyn', en: 'due' },
  done: { cy: 'wedi’i gwblhau', en: 'done' },
  none: { cy: 'Dim eto.', en: 'None yet.' },
} satisfies Record<string, Bilingual>;

function actionItems(actions: readonly ActionItem[], lang: Lang): Block {
  return {
    t: 'list',
    items: actions.map((a) => ({
      label: a.ownerName,
      text: `${a.description}${a.due ? ` (${words.due[lang]} ${a.due})` : ''}${a.done ? ` [${words.done[lang]}]` : ''}`,
    })),
  };
}

const textOrNone = (text: string, lang: Lang): Block => ({ t: 'p', text: text.trim() === '' ? words.none[lang] : text });
const richOrNone = (nodes: RichNode[], lang: Lang): Block => (nodes.length === 0 ? textOrNone('', lang) : { t: 'rich', nodes });

export function toBlocks(json: DocumentJson, lang: Lang): Block[] {
  const out: Block[] = [{ t: 'h', level: 1, text: json.title }, { t: 'p', text: documentKindLabels[json.kind][lang] }];
  switch (json.kind) {
    case 'self-evaluation':
      for (const s of json.sections) {
        out.push({ t: 'h', level: 2, text: areaLabels[s.area][lang] }, richOrNone(s.narrative, lang));
        for (const q of enquiryQuestionIds) out.push({ t: 'h', level: 3, text: enquiryQuestions[q][lang] }, textOrNone(s.answers[q], lang));
        out.push({ t: 'h', level: 3, text: words.evidence[lang] });
        out.push(s.evidence.length === 0 ? textOrNone('', lang) : { t: 'list', items: s.evidence.map((e) => ({ label: evidenceKindLabels[e.kind][lang], text: e.description })) });
      }
      return out;
    case 'peer-review':
      out.push({ t: 'h', level: 2, text: words.focus[lang] }, textOrNone(json.focus, lang));
      // The planned days as written (yyyy-mm-dd), like the activity log's: the same in both languages.
      out.push({ t: 'h', level: 2, text: words.visitDates[lang] });
      out.push(json.visitDates.length === 0 ? textOrNone('', lang) : { t: 'list', items: json.visitDates.map((date) => ({ text: date })) });
      out.push({ t: 'h', level: 2, text: words.participants[lang] });
      out.push({ t: 'list', items: json.participants.map((p) => ({ label: words[p.role][lang], text: `${p.name}, ${p.schoolName}` })) });
      if (json.activities.length > 0) {
        out.push({ t: 'h', level: 2, text: words.activities[lang] });
        out.push({ t: 'list', items: json.activities.map((a) => ({ label: visitActivityLabels[a.kind][lang], text: [a.date, a.note].filter(Boolean).join(': ') })) });
      }
      for (const id of ['notes', 'strengths', 'nextSteps'] as const) out.push({ t: 'h', level: 2, text: words[id][lang] }, richOrNone(json[id], lang));
      return out;
    case 'workspace':
      out.push({ t: 'h', level: 2, text: words.priorities[lang] });
      if (json.priorities.length === 0) out.push(textOrNone('', lang));
      for (const p of json.priorities) {
        out.push({ t: 'h', level: 3, text: p.title }, { t: 'p', text: areaLabels[p.area][lang] });
        out.push({ t: 'list', items: [{ label: words.successCriteria[lang], text: p.successCriteria }, { label: words.support[lang], text: p.support }] });
        if (p.actions.length > 0) out.push({ t: 'p', text: words.actions[lang] }, actionItems(p.actions, lang));
      }
      out.push({ t: 'h', level: 2, text: words.meetings[lang] });
      if (json.meetings.length === 0) out.push(textOrNone('', lang));
      for (const m of json.meetings) {
        const people = (list: readonly { name: string }[]) => list.map((p) => p.name).join(', ');
        out.push({ t: 'h', level: 3, text: m.date }, { t: 'list', items: [
          { label: words.attendees[lang], text: people(m.attendees) }, { label: words.apologies[lang], text: people(m.apologies) },
          { label: words.agenda[lang], text: [...m.agendaItems.map((i) => i.text), m.agenda].filter((x) => x.trim() !== '').join('; ') },
        ] }, richOrNone(m.notes, lang));
        if (m.decisions.length > 0) out.push({ t: 'p', text: words.decisions[lang] }, { t: 'list', items: m.decisions.map((d) => ({ text: d.text })) });
        if (m.actions.length > 0) out.push(actionItems(m.actions, lang));
      }
      return out;
    case 'development-plan':
      return [...out, ...planBlocks(json, lang)];
    case 'progress-review':
      return [...out, ...reviewBlocks(json, lang)];
    case 'review-extract':
      out.push({ t: 'h', level: 2, text: words.focus[lang] }, textOrNone(json.focus, lang));
      out.push({ t: 'h', level: 2, text: words.strengths[lang] }, richOrNone(json.strengths, lang));
      return out;
  }
}
