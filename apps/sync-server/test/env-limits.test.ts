import { describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env';

const base = { DATA_DIR: '/tmp/cyd-env-test', SESSION_SECRET: 'x'.repeat(40) };

function capOf(value?: string): number {
  const result = parseEnv(value === undefined ? base : { ...base, MAX_CONNECTIONS_PER_DOCUMENT: value });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.env.MAX_CONNECTIONS_PER_DOCUMENT;
}

describe('S19 the socket cap per document is the operator\'s to raise', () => {
  it('S19: MAX_CONNECTIONS_PER_DOCUMENT defaults to the wire limit of 500, takes a raised value, and refuses what is not a positive whole number', () => {
    expect(capOf()).toBe(500);
    expect(capOf('2000')).toBe(2000);
    for (const bad of ['0', '-5', '1.5', 'many', '50000']) {
      expect(() => capOf(bad)).toThrow(/MAX_CONNECTIONS_PER_DOCUMENT/);
    }
  });
});
