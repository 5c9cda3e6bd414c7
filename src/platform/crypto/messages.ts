/** Texts for CryptoError keys, shaped like src/platform/i18n/messages.ts so the i18n module can merge them. */
export const cryptoMessages = {
  'zh-CN': {
    'crypto.masterKeyMissing': '未配置主密钥：请设置环境变量 LIANJIAN_MASTER_KEY（十六进制或 Base64）或指定密钥文件',
    'crypto.masterKeyInvalid': '主密钥格式错误（来源：{source}）：应为 16 或 32 字节的十六进制或 Base64 编码',
    'crypto.masterKeyFileUnreadable': '无法读取主密钥文件 {path}',
    'crypto.masterKeyWeak': '主密钥过于简单（所有字节相同），请重新生成',
    'crypto.keyLength': '密钥长度错误：{algorithm} 需要 {expected} 字节，实际为 {actual} 字节',
    'crypto.malformed': '密文格式错误，数据可能已损坏',
    'crypto.authFailed': '解密失败：密钥不正确或数据已被篡改',
    'crypto.unsupportedAlgorithm': '不支持的加密算法：{algorithm}',
  },
  en: {
    'crypto.masterKeyMissing': 'No master key: set LIANJIAN_MASTER_KEY (hex or base64) or give a key file',
    'crypto.masterKeyInvalid': 'Master key from {source} is invalid: expected 16 or 32 bytes, hex or base64 encoded',
    'crypto.masterKeyFileUnreadable': 'Cannot read the master key file {path}',
    'crypto.masterKeyWeak': 'The master key is trivial (all bytes equal); generate a new one',
    'crypto.keyLength': 'Wrong key length: {algorithm} needs {expected} bytes, got {actual}',
    'crypto.malformed': 'Malformed ciphertext; the data may be corrupted',
    'crypto.authFailed': 'Decryption failed: wrong key or the data was tampered with',
    'crypto.unsupportedAlgorithm': 'Unsupported encryption algorithm: {algorithm}',
  },
} as const;
