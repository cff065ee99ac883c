/** The access routes mounted under /api as the server does, over a fresh test database. */
import { Hono } from 'hono';
import { createAccessLayer } from '../../src/access/layer';
import type { AccessLayerOptions } from '../../src/access/services';
import { fastScryptParams } from '../../src/auth/password';
import { openTestDb } from './test-db';

export async function makeApi(options: Partial<AccessLayerOptions> = {}) {
  const { db, sql, close } = await openTestDb();
  const layer = createAccessLayer({ sql, scryptParams: fastScryptParams, ...options });
  const app = new Hono();
  app.route('/api', layer.routes);
  return { app, db, sql, layer, close };
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
