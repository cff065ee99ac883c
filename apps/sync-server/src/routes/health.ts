/** GET /healthz: 200 with a small status document, 503 while shutting down (SPEC S18). */
import { Hono } from 'hono';

export interface HealthSource {
  startedAt: number;
  shuttingDown(): boolean;
  residentDocuments(): number;
  connections(): number;
}

export function healthRoutes(source: HealthSource): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const shuttingDown = source.shuttingDown();
    return c.json(
      {
        status: shuttingDown ? 'shutting-down' : 'ok',
        uptimeSeconds: Math.round((Date.now() - source.startedAt) / 1000),
        residentDocuments: source.residentDocuments(),
        connections: source.connections(),
      },
      shuttingDown ? 503 : 200,
    );
  });
  return app;
}
