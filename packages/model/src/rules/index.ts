export type { Violation } from './violation';
export { phaseGroup, isAllAge, isSecondaryEnd } from './phases';
export type { PhaseGroup } from './phases';
export { checkCollaborative, checkStructure, structureContext } from './collaborativeRules';
export type { StructureContext } from './collaborativeRules';
export { coverage } from './coverage';
export type { CoverageGap } from './coverage';
export { canSeeSupportContinuum } from './continuum';
export { forbiddenKeyFragments, isForbiddenKey, schemaKeyPaths, findLearnerDataKeys } from './noLearnerData';
