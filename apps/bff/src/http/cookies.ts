import type { Request, Response } from 'express';

/** Cookies of a request; malformed pairs are skipped, never fatal. */
export function readCookies(req: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const raw = part.slice(separator + 1).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A cookie we cannot decode is one we did not set; ignore it.
    }
  }
  return cookies;
}

export interface CookieOptions {
  httpOnly: boolean;
  maxAgeSeconds?: number;
}

/** Sets a SameSite=Lax cookie on the whole site, Secure when served over HTTPS. */
export function setCookie(
  req: Request,
  res: Response,
  name: string,
  value: string,
  options: CookieOptions,
) {
  res.cookie(name, value, {
    httpOnly: options.httpOnly,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    ...(options.maxAgeSeconds === undefined
      ? {}
      : { maxAge: options.maxAgeSeconds * 1000 }),
  });
}

export function clearCookie(
  req: Request,
  res: Response,
  name: string,
  httpOnly: boolean,
) {
  res.clearCookie(name, { httpOnly, sameSite: 'lax', secure: req.secure, path: '/' });
}
