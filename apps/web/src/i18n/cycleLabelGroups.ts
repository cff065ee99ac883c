import {
  consultationGroupLabels, criterionStatusLabels, judgementDescriptors, lastYearOutcomeLabels, planFindingTypeLabels, planSectionLabels,
  supportChangeLabels, supportLevelLabels, supportSourceLabels,
} from '@cydweithio/model/domain/cycleLabels';

/** The improvement cycle's label groups (plan, review, record), loaded with the 'cycle' catalogue area. */
export const cycleLabelGroups = {
  criterionStatus: criterionStatusLabels,
  consultationGroup: consultationGroupLabels,
  lastYearOutcome: lastYearOutcomeLabels,
  supportSource: supportSourceLabels,
  supportChange: supportChangeLabels,
  supportLevel: supportLevelLabels,
  planSection: planSectionLabels,
  findingType: planFindingTypeLabels,
  judgementDescriptor: judgementDescriptors,
} as const;
