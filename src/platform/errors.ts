/**
 * The one application error type. Services throw it; the HTTP layer maps `code` to a status in one place
 * (`http/errorHandler.ts`) and renders the message in the request's language from `i18n/messages.ts`.
 * Codes are stable: clients and tests match on them, never on message text.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_ENROLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_REJECTED: 422,
  WEAK_PASSWORD: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `body.citizenId` or `rows[3].name`. */
  field: string;
  /** Message key in i18n/messages.ts. */
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly params: Record<string, string | number>;
  /** Extra machine-readable payload (e.g. import row errors, lockout end). */
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    opts: { issues?: FieldIssue[]; params?: Record<string, string | number>; details?: unknown; cause?: unknown } = {},
  ) {
    super(code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues ?? [];
    this.params = opts.params ?? {};
    this.details = opts.details;
  }

  get status(): number {
    return errorCodes[this.code];
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', { params: { what } });
  }

  static field(field: string, key: string, params?: Record<string, string | number>): AppError {
    return new AppError('VALIDATION_FAILED', { issues: [{ field, key, params }] });
  }
}
