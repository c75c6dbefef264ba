import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logging/logger';
import { routeLabel } from './metrics';

/**
 * One line per answered request: method, path, route, status, duration. Never
 * the body, the query string or headers, where secrets travel.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const fields = {
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        route: routeLabel(req),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      };
      if (res.statusCode >= 500) log.error(fields, 'request answered');
      else log.debug(fields, 'request answered');
    });
    next();
  };
}
