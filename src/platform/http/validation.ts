import type { z } from 'zod';
import { AppError, type FieldIssue } from '../errors';

/** Turn zod issues into field issues with message keys, so the error handler can speak the user's language. */
export function zodIssuesToFieldIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    switch (issue.code) {
      case 'invalid_type': {
        const missing = (issue as { input?: unknown }).input === undefined || issue.message.includes('received undefined');
        out.push({ field: base, key: missing ? 'field.required' : 'field.invalidType', params: { expected: String(issue.expected) } });
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ field: `${base ? base + '.' : ''}${key}`, key: 'field.unknown' });
        break;
      case 'too_small':
        out.push({ field: base, key: issue.origin === 'string' || issue.origin === 'array' ? 'field.tooShort' : 'field.tooSmall', params: { min: Number(issue.minimum) } });
        break;
      case 'too_big':
        out.push({ field: base, key: issue.origin === 'string' || issue.origin === 'array' ? 'field.tooLong' : 'field.tooBig', params: { max: Number(issue.maximum) } });
        break;
      case 'invalid_value':
        out.push({ field: base, key: 'field.invalidEnum', params: { options: issue.values.map(String).join(', ') } });
        break;
      case 'invalid_format':
        out.push({ field: base, key: 'field.invalidFormat' });
        break;
      case 'custom': {
        const params = (issue.params ?? {}) as { key?: string } & Record<string, string | number>;
        const { key, ...rest } = params;
        out.push({ field: base, key: key ?? 'field.invalid', params: rest });
        break;
      }
      default:
        out.push({ field: base, key: 'field.invalid' });
    }
  }
  return out;
}

export function parseOrThrow<T extends z.ZodType>(schema: T | undefined, value: unknown, prefix: string): z.infer<T> {
  if (!schema) return value as z.infer<T>;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', { issues: zodIssuesToFieldIssues(result.error, prefix) });
}
