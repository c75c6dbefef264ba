import type { ApiError } from '../../lib/api-error';

/** Seconds to wait, from a RATE_LIMITED answer's details, when the server gave them. */
function retryAfterSeconds(error: ApiError): number | null {
  for (const key of ['retryAfterSeconds', 'retryAfter']) {
    const value = error.details[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
      return Math.ceil(value);
    }
  }
  return null;
}

/** What the login form says after a failed attempt: the reason and what to do. */
export function describeLoginError(error: ApiError): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'The username or password is wrong. Check them and try again.';
    case 'RATE_LIMITED': {
      const seconds = retryAfterSeconds(error);
      return seconds === null
        ? 'Too many login attempts. Wait a minute, then try again.'
        : `Too many login attempts. Try again in ${seconds} seconds.`;
    }
    case 'VALIDATION_FAILED':
      return Object.values(error.fieldErrors)[0] ?? error.message;
    default:
      return error.message;
  }
}
