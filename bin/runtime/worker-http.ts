import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { healthRoutes } from '../../api/http/health';
import { metricsRoutes } from '../../api/http/metrics';
import { databaseReadiness } from '../../schema/db/readiness';
import type { Metrics } from '../../schema/observability/metrics';

/**
 * A worker-only process still answers `/healthz`, `/readyz` and `/metrics` on PORT: container health checks
 * and Prometheus treat every LeakShield process the same way, and a worker's scan counters live in the worker.
 * @example const http = await startWorkerHttp({ orm, metrics, port: 8000 });
 */
export async function startWorkerHttp(options: {
  orm: MikroORM;
  metrics: Metrics;
  port: number;
}): Promise<{ port: number; close(): Promise<void> }> {
  const { orm, metrics } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes({ readiness: () => databaseReadiness(orm) }));
  app.use(metricsRoutes(metrics));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found: a worker serves /healthz, /readyz and /metrics only' });
  });
  const server: Server = await new Promise((resolveServer, reject) => {
    const listening = app.listen(options.port, '0.0.0.0', () => resolveServer(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
