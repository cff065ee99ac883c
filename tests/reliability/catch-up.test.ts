import { describe, expect, it } from 'vitest';
import { measureCatchUp } from '../bench/catch-up.js';

describe('catch-up cost', () => {
  it('R6: a client one edit behind on a 100,000-character document receives at most 2% of its bytes', async () => {
    const result = await measureCatchUp(100_000);
    console.log(`R6: step 2 of ${result.step2Bytes} B for a ${result.documentBytes} B document (${result.percent.toFixed(3)}%)`);
    expect(result.percent).toBeLessThanOrEqual(2);
  }, 120_000);
});
