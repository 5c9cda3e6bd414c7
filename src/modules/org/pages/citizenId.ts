/**
 * GB 11643-1999 citizen ID check, only as a typing hint: the server is the authority, and old
 * 15-digit numbers or data-entry exceptions still reach it for a decision.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export function citizenIdChecksumOk(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return checkChars[sum % 11] === id[17].toUpperCase();
}

/** Birth date and gender are encoded in the number; used to prefill empty fields. */
export function citizenIdFacts(id: string): { birthDate: string; gender: 'male' | 'female' } | null {
  if (!citizenIdChecksumOk(id)) return null;
  const y = id.slice(6, 10), m = id.slice(10, 12), d = id.slice(12, 14);
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) return null;
  return { birthDate: `${y}-${m}-${d}`, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}
