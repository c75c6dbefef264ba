import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER } from '@vault-secrets/shared';
import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error';
import { readCookies, setCookie } from '../http/cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Double-submit CSRF protection: a readable `csrftoken` cookie that a page on
 * our origin must echo in `X-CSRFToken` on every state-changing request.
 * Another site can make the browser send the cookie but cannot read it.
 */
/**
 * Re-sends an existing token so `GET /api/v1/auth/session` always carries the
 * cookie (issueCsrfCookie has already set a new one when there was none).
 */
export const refreshCsrfCookie: RequestHandler = (req, res, next) => {
  const cookie = readCookies(req).get(CSRF_COOKIE);
  if (cookie) setCookie(req, res, CSRF_COOKIE, cookie, { httpOnly: false });
  next();
};

/** Gives every response that lacks one a CSRF cookie (pages included). */
export const issueCsrfCookie: RequestHandler = (req, res, next) => {
  if (!readCookies(req).has(CSRF_COOKIE)) {
    setCookie(req, res, CSRF_COOKIE, randomBytes(32).toString('base64url'), {
      httpOnly: false,
    });
  }
  next();
};

/**
 * Refuses a state-changing request whose X-CSRFToken header does not echo the
 * cookie. Mounted on /api only: the controller-to-controller routes carry no
 * session cookie and authenticate with global/rpc-shared instead.
 */
export const requireCsrfToken: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }

  const cookie = readCookies(req).get(CSRF_COOKIE);
  const header = req.get(CSRF_HEADER);
  if (!cookie || !header || !sameToken(cookie, header)) {
    next(
      new AppError(
        'CSRF_FAILED',
        403,
        `Missing or mismatched CSRF token: send the ${CSRF_COOKIE} cookie's value ` +
          `in the ${CSRF_HEADER} header.`,
      ),
    );
    return;
  }
  next();
};
