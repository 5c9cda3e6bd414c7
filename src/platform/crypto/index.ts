export * from './hash';
export * from './keys';
export * from './envelope';
export * from './masterKey';
export { CryptoError, type CryptoMessageKey } from './errors';
export { cryptoMessages } from './messages';
