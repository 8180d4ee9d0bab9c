import { Router } from 'express';
import type { Metrics } from '../../schema/observability/metrics';

/** `/metrics`: this process's counters in Prometheus text format. */
export function metricsRoutes(metrics: Metrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const { contentType, body } = await metrics.render();
    res.type(contentType).send(body);
  });
  return router;
}
