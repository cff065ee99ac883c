export { Bilingual, allLangs, pick } from './bilingual';
export { BIDI_CONTROLS, bidiControlMessage, displayText, hasBidiControl } from './displayText';
export type { Lang } from './bilingual';
export { LaCode, LocalAuthority, LaPartnership, PartnershipKind, partnershipKinds } from './localAuthority';
export {
  School,
  SchoolId,
  Setting,
  settings,
  LanguageCategory,
  languageCategories,
  ReligiousCharacter,
  religiousCharacters,
} from './school';
export {
  Collaborative,
  CollaborativeKind,
  collaborativeKinds,
  CollaborativeStructure,
  collaborativeStructures,
  SectorFocus,
  sectorFocuses,
} from './collaborative';
export { structureFitsKind, structureKinds } from './collaborative';
export { CollaborativeProposal, membershipEvents, proposalLaCodes, proposalStatuses, proposedCollaborative, proposedSchoolIds } from './collaborativeProposal';
export type { MembershipEvent, ProposalStatus } from './collaborativeProposal';
export { Person, PersonWithRoles, Role, RoleAssignment, allRoles, schoolRoles, collaborativeRoles, laRoles, isLaRole, isSchoolRole, isCollaborativeRole } from './person';
export type { SchoolRole, CollaborativeRole, LaRole } from './person';
export { DocumentKind, DocumentOwner, DocumentRecord, PeerReviewFacts, ReviewExtractFacts, allDocumentKinds, newDocId, docKindOf } from './document';
export {
  Area,
  areas,
  Priority,
  PriorityAction,
  Milestone,
  SupportItem,
  supportSources,
  ProgressEvaluation,
  Term,
  trackStatuses,
  progressJudgements,
  supportLevels,
  SupportNote,
  StrengthToShare,
  ContinuumPlacement,
  continuumPlacements,
} from './improvement';
export type { TrackStatus, ProgressJudgement, ContinuumPlacementValue } from './improvement';
export {
  AcademicYear, ApprovedPlan, Consultation, DevelopmentPlanState, LastYearPriority, PlanAction, PlanApproval, PlanCalendar,
  PlanCriterion, PlanFinding, PlanMilestone, PlanPriority, PlanSection, PlanSupport, SchoolHoliday,
  consultationGroups, criterionStatuses, lastYearOutcomes, planFindingTypes, planSectionKinds, planSectionTemplates, sectionKindOfTemplate,
} from './plan';
export type { ConsultationGroup, CriterionStatus, LastYearOutcome, PlanFindingType, PlanSectionKind, PlanSectionTemplate } from './plan';
export { ProgressReview, PublishedSummary, ReviewConfirmation, ReviewedPriority, SupportChange, SupportLevelDecision, supportChangeKinds } from './review';
export type { SupportChangeKind } from './review';
export * from './cycleLabels';
export * from './labels';
export * from './enquiry';
export { allDomainSchemas } from './schemas';
export { SUPPORT_LEVEL_SUBJECT, planSubject, summarySubject, reviewSubject, parseSubject, subjectLabel, termWordsOf } from './recordSubjects';
export type { CycleSubject } from './recordSubjects';
export {
  ThemeTag, ItemThemes, MinimumDays, defaultMinimumDays, ContinuumArea, defaultContinuumAreas, LaSettings, BrokeredSupport, ContinuumEntry,
  brokeredSubject, isBrokeredSubject,
} from './laPicture';
export {
  AgreedPriority, ImpactReview, ImpactFocus, ImpactSeen, ImpactPeriod, agreedFields, impactFocuses, impactsSeen,
  prioritySubject, priorityIdOfSubject, impactSubject, parseImpactSubject, changesSinceAgreed, impactPeriodOf,
} from './sharedPriorities';
export type { AgreedField, PriorityChange } from './sharedPriorities';
export {
  TeamRole, TeamMember, ReviewStage, ReviewShare, ReviewLifecycle, ShareType, teamRoles, reviewingRoles, reviewStages, shareTypes,
  visitActivityKinds, teamRoleFits, stageMoveFits,
} from './reviewTeam';
export type { TeamCandidate, VisitActivityKind } from './reviewTeam';
