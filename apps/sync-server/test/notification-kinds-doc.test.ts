import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { notificationKinds } from '@cydweithio/model/domain/notification';

/** ACCESS.md's list of notification kinds kept in step with the model's, which the code uses. */
describe('the documented notification kinds', () => {
  it('A140: the kinds ACCESS.md lists are exactly the model\'s notificationKinds, in its order', () => {
    const access = readFileSync(new URL('../ACCESS.md', import.meta.url), 'utf8');
    const rule = access.slice(access.indexOf('- **A140**'), access.indexOf('- **A141**'));
    const listed = /its kind \(one of([^)]*)\)/.exec(rule)?.[1] ?? '';
    expect([...listed.matchAll(/`([a-z-]+)`/g)].map((m) => m[1])).toEqual([...notificationKinds]);
  });
});
