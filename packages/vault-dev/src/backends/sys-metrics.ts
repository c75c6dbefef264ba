import type { Route } from '../core/routing';
import type { RequestMetrics } from '../server/metrics';

export function metricsRoute(metrics: RequestMetrics): Route {
  // Decision: readable without a token (Vault's unauthenticated_metrics_access) and
  // while sealed, so tests can count calls whatever the seal state.
  return {
    pattern: /^metrics$/,
    metric: 'sys/metrics',
    unauthenticated: true,
    raw: true,
    operations: {
      read: (request) =>
        request.query.get('format') === 'prometheus'
          ? {
              status: 200,
              text: {
                contentType: 'text/plain; version=0.0.4',
                content: metrics.prometheus(),
              },
            }
          : { status: 200, body: metrics.json() },
    },
  };
}
