/** GET /metrics: Prometheus text from the server's own registry (SPEC S18). */
import { Hono } from 'hono';
import type { Registry } from 'prom-client';

export function metricsRoutes(registry: Registry): Hono {
  const app = new Hono();
  app.get('/', async (c) => c.text(await registry.metrics(), 200, { 'Content-Type': registry.contentType }));
  return app;
}
