import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors';

/**
 * argon2id with a memory cost chosen so a login stays well under 300 ms on a 2-core server
 * (measured by bench/login.bench.ts) while a stolen hash costs an attacker 19 MiB per guess.
 */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, inlined) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the user does not exist so timing reveals nothing. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
  return dummyHash;
}

/** 等保 2.0 level 3: at least 8 characters drawn from at least 3 of the 4 classes. */
export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < 8 || passwordClasses(password) < 3 || password.length > 128) {
    throw new AppError('WEAK_PASSWORD', { issues: [{ field, key: 'field.invalid' }] });
  }
}
