import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface HttpMetrics {
  registry: Registry;
  middleware: RequestHandler;
  handler: RequestHandler;
}

// Express forgets req.baseUrl once a request leaves a router (for example with
// an error), so each mount point is remembered here for the labels.
const mountPoints = new WeakMap<Request, string>();

/** Mounts a router at `path`, remembering the mount point for route labels. */
export function rememberMountPoint(path: string): RequestHandler {
  return (req, _res, next) => {
    mountPoints.set(req, path);
    next();
  };
}

/** The matched route pattern, never the raw path, so label values stay few. */
export function routeLabel(req: Request): string {
  const pattern = req.route?.path;
  if (typeof pattern === 'string') {
    const base = mountPoints.get(req) ?? req.baseUrl;
    return `${base}${pattern === '/' ? '' : pattern}` || '/';
  }
  const mountPoint = mountPoints.get(req);
  if (mountPoint) return `${mountPoint}/*`;
  return req.originalUrl.startsWith('/api/') ? 'unmatched-api' : 'unmatched';
}

/** One registry per app, so several controllers in one process do not collide. */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  const middleware: RequestHandler = (req, res, next) => {
    const stopTimer = duration.startTimer();
    res.on('finish', () => {
      const labels = {
        method: req.method,
        route: routeLabel(req),
        status: String(res.statusCode),
      };
      requests.inc(labels);
      stopTimer(labels);
    });
    next();
  };

  const handler: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };

  return { registry, middleware, handler };
}
