export { buildDemoDataset, DEMO_LA_CODE, DEMO_NEIGHBOUR_LA_CODES } from './dataset';
export type { DemoDataset, DemoInput } from './dataset';
export { seedDemoDocument } from './documents';
export type { DemoDocument, PeerReviewSeed, SelfEvaluationSeed, WorkspaceSeed } from './documents';
export { DATA_LICENCE_LINE, DATA_LICENCE_URL, POSTCODE_ATTRIBUTION, DEMO_PASSWORD, DEMO_EMAIL_DOMAIN } from './licence';
export type { DemoCast } from './people';
export { planClusters, languageCompatible } from './clusters';
export { seededRandom, randomString } from './random';
