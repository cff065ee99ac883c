import type { z } from 'zod';
import { Bilingual } from './bilingual';
import { Collaborative } from './collaborative';
import { CollaborativeProposal } from './collaborativeProposal';
import { DocumentOwner, DocumentRecord, PeerReviewFacts, ReviewExtractFacts } from './document';
import {
  ContinuumPlacement,
  Milestone,
  Priority,
  PriorityAction,
  ProgressEvaluation,
  StrengthToShare,
  SupportItem,
  SupportNote,
} from './improvement';
import { LaPartnership, LocalAuthority } from './localAuthority';
import { BrokeredSupport, ContinuumArea, ContinuumEntry, ItemThemes, LaSettings, MinimumDays, ThemeTag } from './laPicture';
import { Person, PersonWithRoles, RoleAssignment } from './person';
import { School } from './school';
import {
  ApprovedPlan, Consultation, DevelopmentPlanState, LastYearPriority, PlanAction, PlanApproval, PlanCalendar, PlanCriterion,
  PlanFinding, PlanMilestone, PlanPriority, PlanSection, PlanSupport, SchoolHoliday,
} from './plan';
import { AgreedPriority, ImpactReview } from './sharedPriorities';
import { ReviewLifecycle, ReviewShare, TeamMember } from './reviewTeam';
import { ProgressReview, PublishedSummary, ReviewConfirmation, ReviewedPriority, SupportChange, SupportLevelDecision } from './review';

/**
 * Every domain schema by name. The M9 test walks all of them for learner-level keys, so a new
 * schema must be listed here (the test also checks this list against the module's exports).
 */
export const allDomainSchemas: Record<string, z.ZodType> = {
  Bilingual,
  LocalAuthority,
  LaPartnership,
  School,
  Collaborative,
  CollaborativeProposal,
  Person,
  RoleAssignment,
  PersonWithRoles,
  DocumentRecord,
  DocumentOwner,
  PeerReviewFacts,
  ReviewExtractFacts,
  Priority,
  PriorityAction,
  Milestone,
  SupportItem,
  ProgressEvaluation,
  SupportNote,
  StrengthToShare,
  ContinuumPlacement,
  // The improvement cycle: the plan, its approval, the published summary, confirmed reviews.
  DevelopmentPlanState,
  PlanSection,
  PlanPriority,
  PlanCriterion,
  PlanAction,
  PlanMilestone,
  PlanSupport,
  Consultation,
  LastYearPriority,
  PlanFinding,
  PlanCalendar,
  SchoolHoliday,
  PlanApproval,
  ApprovedPlan,
  PublishedSummary,
  ProgressReview,
  ReviewedPriority,
  SupportChange,
  ReviewConfirmation,
  SupportLevelDecision,
  // The LA's picture (OVERVIEW.md): themes, settings, brokered support, the continuum.
  ThemeTag,
  ItemThemes,
  MinimumDays,
  ContinuumArea,
  LaSettings,
  BrokeredSupport,
  ContinuumEntry,
  // A collaborative's record: agreed shared priorities and their impact reviews.
  AgreedPriority,
  ImpactReview,
  // A peer review's team, lifecycle and shares.
  TeamMember,
  ReviewLifecycle,
  ReviewShare,
};
