import type { FormInstance } from 'antd';
import { ApiError, showError } from './client';

/** `body.citizenId` → `citizenId`; `rows[3].name` → `name`: forms only know their own field names. */
export function fieldOf(path: string): string {
  const last = path.split('.').pop() ?? path;
  return last.replace(/\[\d+\]$/, '');
}

/**
 * Puts server validation issues onto the named antd Form fields so a 400 highlights what is wrong.
 * Returns true when at least one issue landed on a field the form knows.
 */
export function applyFormErrors(form: FormInstance, err: unknown, knownFields?: readonly string[]): boolean {
  if (!(err instanceof ApiError) || err.issues.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const issue of err.issues) {
    const name = fieldOf(issue.field);
    if (knownFields && !knownFields.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/** Form submit error handler: field issues on the fields, anything else as a message. */
export function handleFormError(form: FormInstance, err: unknown, knownFields?: readonly string[]): void {
  if (!applyFormErrors(form, err, knownFields)) showError(err);
}
