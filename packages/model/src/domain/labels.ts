import type { Bilingual } from './bilingual';
import type { CollaborativeKind, CollaborativeStructure, SectorFocus } from './collaborative';
import type { DocumentKind } from './document';
import type { Area, ContinuumPlacementValue, ProgressJudgement, TrackStatus } from './improvement';
import type { PartnershipKind } from './localAuthority';
import type { Role } from './person';
import type { ReviewStage, TeamRole, VisitActivityKind } from './reviewTeam';
import type { LanguageCategory, ReligiousCharacter, Setting } from './school';

/**
 * Display labels, Welsh first. Kept in the model (not the UI) because the Markdown/HTML export
 * and the server's messages use the same words as the screens (M12).
 */
export const areaLabels: Record<Area, Bilingual> = {
  'vision-and-leadership': { cy: 'Arweinyddiaeth a gweledigaeth', en: 'Vision and leadership' },
  curriculum: { cy: 'Cwricwlwm', en: 'Curriculum' },
  'learning-and-teaching': { cy: 'Dysgu ac addysgu', en: 'Learning and teaching' },
  'well-being': { cy: 'Lles', en: 'Well-being' },
};

export const roleLabels: Record<Role, Bilingual> = {
  headteacher: { cy: 'Pennaeth', en: 'Headteacher' },
  'senior-leader': { cy: 'Uwch arweinydd', en: 'Senior leader' },
  practitioner: { cy: 'Ymarferydd', en: 'Practitioner' },
  governor: { cy: 'Llywodraethwr', en: 'Governor' },
  convenor: { cy: 'Cynullydd', en: 'Convenor' },
  'member-contact': { cy: 'Cyswllt yr ysgol', en: 'School contact' },
  'la-facilitator': { cy: 'Hwylusydd yr awdurdod lleol', en: 'Local authority facilitator' },
  'la-officer': { cy: 'Swyddog yr awdurdod lleol', en: 'Local authority officer' },
};

export const settingLabels: Record<Setting, Bilingual> = {
  nursery: { cy: 'Ysgol feithrin', en: 'Nursery school' },
  primary: { cy: 'Cynradd', en: 'Primary' },
  secondary: { cy: 'Uwchradd', en: 'Secondary' },
  'all-age-3-16': { cy: 'Pob oed (3-16)', en: 'All-age (3-16)' },
  'all-age-3-19': { cy: 'Pob oed (3-19)', en: 'All-age (3-19)' },
  special: { cy: 'Ysgol arbennig', en: 'Special school' },
  pru: { cy: 'Uned cyfeirio disgyblion', en: 'Pupil referral unit' },
  eotas: { cy: 'Addysg heblaw yn yr ysgol', en: 'Education other than at school' },
};

export const languageCategoryLabels: Record<LanguageCategory, Bilingual> = {
  'welsh-medium': { cy: 'Cyfrwng Cymraeg', en: 'Welsh-medium' },
  bilingual: { cy: 'Dwy ffrwd / dwyieithog', en: 'Dual-stream / bilingual' },
  'english-medium': { cy: 'Cyfrwng Saesneg', en: 'English-medium' },
  'not-applicable': { cy: 'Amherthnasol', en: 'Not applicable' },
};

export const religiousCharacterLabels: Record<ReligiousCharacter, Bilingual> = {
  none: { cy: 'Dim', en: 'None' },
  'church-in-wales': { cy: 'Yr Eglwys yng Nghymru', en: 'Church in Wales' },
  'roman-catholic': { cy: 'Catholig Rufeinig', en: 'Roman Catholic' },
  'roman-catholic-and-anglican': { cy: 'Catholig Rufeinig ac Anglicanaidd', en: 'Roman Catholic and Anglican' },
  'not-recorded': { cy: 'Heb ei gofnodi', en: 'Not recorded' },
};

export const judgementLabels: Record<ProgressJudgement, Bilingual> = {
  'very-good': { cy: 'Cynnydd da iawn', en: 'Very good progress' },
  strong: { cy: 'Cynnydd cryf', en: 'Strong progress' },
  satisfactory: { cy: 'Cynnydd boddhaol', en: 'Satisfactory progress' },
  limited: { cy: 'Cynnydd cyfyngedig', en: 'Limited progress' },
};

export const trackStatusLabels: Record<TrackStatus, Bilingual> = {
  'on-track': { cy: 'Ar y trywydd iawn', en: 'On track' },
  'off-track': { cy: 'Oddi ar y trywydd', en: 'Off track' },
};

export const documentKindLabels: Record<DocumentKind, Bilingual> = {
  'self-evaluation': { cy: 'Hunanwerthuso', en: 'Self-evaluation' },
  'peer-review': { cy: 'Adolygiad gan gymheiriaid', en: 'Peer review' },
  workspace: { cy: 'Gofod gwaith cydweithredol', en: 'Collaborative workspace' },
  'development-plan': { cy: 'Cynllun datblygu ysgol', en: 'School development plan' },
  'progress-review': { cy: 'Adolygiad cynnydd', en: 'Progress review' },
  'review-extract': { cy: 'Cryfderau o adolygiad gan gymheiriaid', en: 'Strengths from a peer review' },
};

export const collaborativeKindLabels: Record<CollaborativeKind, Bilingual> = {
  vertical: { cy: 'Fertigol', en: 'Vertical' },
  horizontal: { cy: 'Llorweddol', en: 'Horizontal' },
};

export const structureLabels: Record<CollaborativeStructure, Bilingual> = {
  cluster: { cy: 'Clwstwr', en: 'Cluster' },
  horizontal: { cy: 'Grŵp llorweddol', en: 'Horizontal group' },
  sig: { cy: 'Grŵp gwella ysgolion', en: 'School improvement group' },
  hub: { cy: 'Hyb', en: 'Hub' },
  triad: { cy: 'Triawd', en: 'Triad' },
  plc: { cy: 'Cymuned ddysgu broffesiynol', en: 'Professional learning community' },
};

export const sectorFocusLabels: Record<SectorFocus, Bilingual> = {
  'welsh-medium': { cy: 'Cyfrwng Cymraeg', en: 'Welsh-medium' },
  faith: { cy: 'Ffydd', en: 'Faith' },
  special: { cy: 'Ysgolion arbennig', en: 'Special schools' },
  'pru-eotas': { cy: 'UCD ac addysg heblaw yn yr ysgol', en: 'PRU and EOTAS' },
};

export const partnershipKindLabels: Record<PartnershipKind, Bilingual> = {
  operational: { cy: 'Gweithredol', en: 'Operational' },
  'time-limited': { cy: 'Am gyfnod penodol', en: 'Time-limited' },
};

export const continuumLabels: Record<ContinuumPlacementValue, Bilingual> = {
  leading: { cy: 'Arwain', en: 'Leading' },
  improving: { cy: 'Gwella', en: 'Improving' },
  'needs-intensive-support': { cy: 'Angen cymorth dwysach', en: 'Needs more intensive support' },
};

/** The visit's activity log (D31): first-hand evidence of a peer review. */
export const visitActivityLabels: Record<VisitActivityKind, Bilingual> = {
  'talking-with-learners': { cy: 'Siarad â dysgwyr', en: 'Talking with learners' },
  'learning-walk': { cy: 'Taith ddysgu', en: 'Learning walk' },
  'looking-at-work': { cy: 'Edrych ar waith', en: 'Looking at work' },
  'discussion-with-staff': { cy: 'Trafodaeth â staff', en: 'Discussion with staff' },
  'discussion-with-governors': { cy: 'Trafodaeth â llywodraethwyr', en: 'Discussion with governors' },
};

/** A peer review's team roles and stages (G10, G13). */
export const teamRoleLabels: Record<TeamRole, Bilingual> = {
  'lead-reviewer': { cy: 'Prif adolygydd', en: 'Lead reviewer' },
  reviewer: { cy: 'Adolygydd', en: 'Reviewer' },
  'host-staff': { cy: 'Staff yr ysgol sy’n cynnal', en: 'Host staff' },
  facilitator: { cy: 'Hwylusydd', en: 'Facilitator' },
};

export const reviewStageLabels: Record<ReviewStage, Bilingual> = {
  planning: { cy: 'Cynllunio', en: 'Planning' },
  visit: { cy: 'Ymweliad', en: 'Visit' },
  'write-up': { cy: 'Ysgrifennu', en: 'Write-up' },
  closed: { cy: 'Wedi cau', en: 'Closed' },
};
