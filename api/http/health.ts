import { Router } from 'express';
import type { ApiServices } from '../services';

/** `/healthz`: the process is up. `/readyz`: the database is reachable and migrated. */
export function healthRoutes(services: Pick<ApiServices, 'readiness'>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      const state = await services.readiness();
      res
        .status(state.ready ? 200 : 503)
        .json({ status: state.ready ? 'ready' : 'not ready', reason: state.reason });
    } catch {
      res.status(503).json({ status: 'not ready', reason: 'readiness check failed' });
    }
  });
  return router;
}
