/**
 * The model's demo dataset from the data the repository ships, built once per worker (test
 * files share their worker's modules) and handed out as a copy, so no file can change another's.
 * Gives every role of the permission table a real person.
 */
import type { DemoDataset } from '@cydweithio/model/demo/index';
import { readDemoDataset } from '@cydweithio/sync-server/cli/source-data';

let cached: DemoDataset | undefined;

export function demoDataset(): DemoDataset {
  cached ??= readDemoDataset();
  return structuredClone(cached);
}
