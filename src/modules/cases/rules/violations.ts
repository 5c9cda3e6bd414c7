/**
 * The one shape every rule check in this library returns when input breaks a rule. The `code` is a message key
 * in ./messages (zh + en); `source` names the regulation and article so the API can refuse with a message that
 * says which rule was broken, and `confidence` says how sure the reference is about that article (V/S/R).
 * Checks return arrays of violations instead of throwing, so a service can report every problem at once.
 */
import { AppError } from '../../../platform/errors';

export type Confidence = 'V' | 'S' | 'R';

export interface RuleViolation {
  code: string;
  /** Regulation and article, in Chinese as it is cited in documents, e.g. '公职人员政务处分法 第二十二条'. */
  source: string;
  confidence: Confidence;
  params: Record<string, string | number>;
}

export function violation(
  code: string,
  source: string,
  confidence: Confidence,
  params: Record<string, string | number> = {},
): RuleViolation {
  return { code, source, confidence, params: { source, ...params } };
}

/** Thrown where a caller asks for an impossible computation (e.g. more extensions than the rule allows). */
export class RuleViolationError extends Error {
  readonly violations: RuleViolation[];

  constructor(violations: RuleViolation[]) {
    super(violations.map((v) => `${v.code} (${v.source})`).join('; '));
    this.name = 'RuleViolationError';
    this.violations = violations;
  }
}

/**
 * The API's refusal for broken rules: a VALIDATION_FAILED error with one issue per violation on `field`, whose
 * message key is the violation code (texts in ./messages) and whose params carry the article ({source}).
 */
export function toAppError(violations: readonly RuleViolation[], field = 'body'): AppError {
  return new AppError('VALIDATION_FAILED', {
    issues: violations.map((v) => ({ field, key: v.code, params: v.params })),
    details: { violations },
  });
}

/** Result of a check that can pass with a value or fail with the violated rules. */
export type RuleResult<T> = { ok: true; value: T } | { ok: false; violations: RuleViolation[] };

export function ok<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(...violations: RuleViolation[]): RuleResult<T> {
  return { ok: false, violations };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Article numbers as the regulations print them (第一百五十八条). Covers 1–999, enough for every regulation
 * here. "一十" is written "十" only when it leads the number (第十条 but 第一百一十条).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`chineseNumeral: 1..999, got ${n}`);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = '';
  if (h) out += `${DIGITS[h]}百`;
  if (t) out += t === 1 && !h ? '十' : `${DIGITS[t]}十`;
  else if (h && u) out += '零';
  if (u) out += DIGITS[u];
  return out;
}

export function articleZh(n: number): string {
  return `第${chineseNumeral(n)}条`;
}
