/** Escape LIKE wildcards so user search text matches literally (PostgreSQL's default escape is a backslash). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
