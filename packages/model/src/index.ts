/**
 * @cydweithio/model: the domain shared by the sync server and the web client. Pure TypeScript,
 * no I/O. Rules are numbered in SPEC.md. Deep imports also work, e.g.
 * `@cydweithio/model/docs/selfEvaluation`.
 */
export * from './wire/constants';
export * from './domain/index';
export * from './rules/index';
export * from './policy/index';
export * from './docs/index';
export * from './directory/index';
export * from './demo/index';
