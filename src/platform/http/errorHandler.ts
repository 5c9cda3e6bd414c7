import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { pickLocale, type Locale } from '../i18n/locale';
import { fieldLabel, translate } from '../i18n/messages';

export function requestLocale(req: FastifyRequest): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  return pickLocale(req.headers['accept-language'], typeof q === 'string' ? q : req.cookies?.lj_lang);
}

/** The one place where errors become HTTP answers. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { statusCode?: number };
  if (fe?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe?.statusCode === 400 && err instanceof SyntaxError)) {
    return new AppError('MALFORMED_BODY', { cause: err });
  }
  if (fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe?.statusCode === 413 || fe?.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', { cause: err });
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe?.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', { cause: err });
  if (fe?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('MALFORMED_BODY', { cause: err });
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED', { cause: err });
  // Unique violations that a service did not anticipate still answer 409, naming the constraint.
  const pgCode = (err as { code?: string })?.code;
  if (pgCode === '23505') return new AppError('CONFLICT', { params: { what: 'what.record' }, cause: err });
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') return new AppError('VALIDATION_FAILED', { issues: [{ field: 'request', key: 'field.invalidFormat' }], cause: err });
  return new AppError('INTERNAL', { cause: err });
}

export function renderError(err: AppError, locale: Locale) {
  const issues = err.issues.map((i) => ({
    field: i.field,
    key: i.key,
    message: translate(locale, i.key, { ...i.params, field: fieldLabel(locale, i.field) }),
  }));
  const summary = issues.map((i) => i.message).join('；');
  return {
    code: err.code,
    message: translate(locale, err.code, { summary, ...err.params }),
    issues,
    ...(err.details !== undefined ? { details: err.details } : {}),
  };
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(err);
  if (appError.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
  const locale = requestLocale(req);
  if (appError.code === 'RATE_LIMITED') reply.header('retry-after', '60');
  void reply.status(appError.status).send(renderError(appError, locale));
}
