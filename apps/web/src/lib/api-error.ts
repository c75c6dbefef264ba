import {
  errorBodySchema,
  errorCodeSchema,
  validationDetailsSchema,
} from '@vault-secrets/shared';
import type { ErrorCode } from '@vault-secrets/shared';

/** Codes the client makes up itself when the server gave no usable error body. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'UNKNOWN';

/** Every failed request becomes one of these, whatever went wrong. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Messages per field from a VALIDATION_FAILED answer, keyed by the field's name. */
  get fieldErrors(): Record<string, string> {
    const parsed = validationDetailsSchema.safeParse(this.details);
    return parsed.success ? parsed.data.fields : {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns a non-2xx answer into an ApiError, reading the error envelope when there is one. */
export function apiErrorFromResponse(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(
      status,
      'UNKNOWN',
      `The server answered ${status} without an explanation. Try again; if it persists, check the controller's logs.`,
    );
  }
  const { code, message, details } = parsed.data.error;
  // A code this build does not know (a newer controller) keeps its message.
  const known = errorCodeSchema.safeParse(code);
  return new ApiError(
    status,
    known.success ? known.data : 'UNKNOWN',
    message,
    details ?? {},
  );
}
