/**
 * Errors from the crypto module. They carry an i18n key (see ./messages) because some reach users: a
 * misconfigured master key is shown to the operator at start-up, a failed decryption to the person revealing
 * a field. The English `message` is for logs; it never contains key material.
 */
export type CryptoMessageKey =
  | 'crypto.masterKeyMissing'
  | 'crypto.masterKeyInvalid'
  | 'crypto.masterKeyFileUnreadable'
  | 'crypto.masterKeyWeak'
  | 'crypto.keyLength'
  | 'crypto.malformed'
  | 'crypto.authFailed'
  | 'crypto.unsupportedAlgorithm';

export class CryptoError extends Error {
  readonly messageKey: CryptoMessageKey;
  readonly params: Record<string, string | number>;

  constructor(messageKey: CryptoMessageKey, message: string, params: Record<string, string | number> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CryptoError';
    this.messageKey = messageKey;
    this.params = params;
  }
}
