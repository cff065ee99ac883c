/**
 * The model's demo dataset from the data the repository ships, built once per test file.
 * Gives every role of the permission table a real person.
 */
import type { DemoDataset } from '@cydweithio/model/demo/index';
import { readDemoDataset } from '@cydweithio/sync-server/cli/source-data';

let cached: DemoDataset | undefined;

export function demoDataset(): DemoDataset {
  cached ??= readDemoDataset();
  return cached;
}
