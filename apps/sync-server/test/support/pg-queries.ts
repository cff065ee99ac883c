/**
 * How many statements a piece of work sends to PostgreSQL: every statement a pooled connection
 * sends goes through Client#query. The spy is restored before the caller asserts anything, so a
 * failing assertion never leaves it on the module the worker's next test files share.
 */
import pg from 'pg';
import { vi } from 'vitest';

export async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const sent = vi.spyOn(pg.Client.prototype, 'query');
  try {
    const result = await work();
    return { result, queries: sent.mock.calls.length };
  } finally {
    sent.mockRestore();
  }
}
