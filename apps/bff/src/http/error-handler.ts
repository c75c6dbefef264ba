import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isConnectionError, isUnstorableTextError } from '../db/pool';
import type { Logger } from '../logging/logger';
import { AppError } from './app-error';

interface BodyParserError {
  type: string;
  status?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof (error as { type?: unknown } | null)?.type === 'string';
}

/** Maps errors from express.json() onto our codes; never echoes the body. */
function fromBodyParser(error: BodyParserError): AppError | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON', 400, 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', 413, 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('VALIDATION_FAILED', 400, 'Send the body as UTF-8 JSON.', {
        fields: { body: 'Unsupported encoding or charset.' },
      });
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('VALIDATION_FAILED', 400, 'The request body was incomplete.', {
        fields: { body: 'Incomplete body.' },
      });
    default:
      return null;
  }
}

/**
 * Express, its router and its parsers raise http-errors with a 4xx status for what
 * the client sent (a path that is not valid percent-encoding, a body that does not
 * inflate): the client's fault, so a 4xx, never an "unexpected" 500.
 */
function fromClientError(error: unknown): AppError | null {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  if (error instanceof URIError) {
    return new AppError('VALIDATION_FAILED', 400, 'The request path is not valid.', {
      fields: { path: 'Malformed percent-encoding.' },
    });
  }
  if (status === 404) return new AppError('NOT_FOUND', 404, 'Nothing here answers.');
  return new AppError('VALIDATION_FAILED', status, 'The request could not be read.', {
    fields: { body: 'Unreadable body or request (check its encoding).' },
  });
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const parserError = isBodyParserError(error) ? fromBodyParser(error) : null;
  if (parserError) return parserError;
  const clientError = fromClientError(error);
  if (clientError) return clientError;
  if (isUnstorableTextError(error)) {
    return new AppError(
      'VALIDATION_FAILED',
      400,
      'A value holds a character that cannot be stored, such as NUL; remove it.',
      { fields: { body: 'Contains a NUL or otherwise unstorable character.' } },
    );
  }
  if (isConnectionError(error)) {
    return new AppError(
      'DATABASE_UNAVAILABLE',
      503,
      'The database cannot be reached right now; try again shortly.',
    );
  }
  return null;
}

/** The one place that turns errors into the error envelope. */
export function createErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = toAppError(error);
    if (!known) {
      log.error(
        { err: error, method: req.method, path: req.path },
        'request failed unexpectedly',
      );
    } else if (known.status >= 500) {
      log.warn({ err: error, code: known.code, path: req.path }, 'request failed');
    }
    const appError =
      known ??
      new AppError(
        'INTERNAL',
        500,
        'The server failed to handle this request; it has been logged.',
      );

    for (const [name, value] of Object.entries(appError.headers ?? {}))
      res.setHeader(name, value);
    res.status(appError.status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
      },
    });
  };
}

/** The request path for a message: no query string (tokens travel there), bounded length. */
const shownPath = (originalUrl: string) =>
  (originalUrl.split('?')[0] ?? '').slice(0, 200);

export const apiNotFound: RequestHandler = (req, _res, next) => {
  const path = shownPath(req.originalUrl);
  next(new AppError('NOT_FOUND', 404, `No API route matches ${req.method} ${path}.`));
};

/** Anything no router took (a POST to a page path, say) still gets the envelope. */
export const notFound: RequestHandler = (req, _res, next) => {
  const path = shownPath(req.originalUrl);
  next(new AppError('NOT_FOUND', 404, `Nothing here answers ${req.method} ${path}.`));
};

export const methodNotAllowed: RequestHandler = (req, _res, next) => {
  next(
    new AppError('METHOD_NOT_ALLOWED', 405, `${req.method} is not allowed on this path.`),
  );
};
