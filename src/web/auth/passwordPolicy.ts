/**
 * Client-side mirror of the server's password policy (≥ 8 characters, at least 3 of 4 character classes),
 * only to give early feedback; the server decides and answers 422 WEAK_PASSWORD.
 */
export function passwordClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

export function isStrongEnough(pw: string): boolean {
  return pw.length >= 8 && passwordClasses(pw) >= 3;
}
