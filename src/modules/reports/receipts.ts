import { randomInt } from 'node:crypto';
import { hashHex } from '../../platform/crypto';

/**
 * The reporter's receipt (查询码): 20 random digits from crypto.randomInt, returned once and never stored.
 * Only SM3 over a domain-separated string is kept. 10^20 possibilities make offline guessing from a stolen
 * table impractical, and online guessing is rate-limited per address.
 */
export const RECEIPT_DIGITS = 20;

export function newReceipt(): string {
  let out = '';
  // randomInt is uniform (no modulo bias); five digits at a time keep the call count low.
  for (let i = 0; i < RECEIPT_DIGITS; i += 5) out += String(randomInt(0, 100000)).padStart(5, '0');
  return out;
}

/** Spaces and dashes are accepted (receipts are shown in groups); anything else is not a receipt. */
export function normaliseReceipt(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{16,32}$/.test(digits) ? digits : null;
}

export function receiptHash(receipt: string): string {
  return hashHex('sm3', `lianjian/receipt/v1|${receipt}`);
}
