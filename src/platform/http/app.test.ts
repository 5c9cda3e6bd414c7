import { describe, expect, it } from 'vitest';
import { maskSecrets } from './app';

describe('log masking', () => {
  it('hides receipts in public lookup URLs and keeps the rest', () => {
    expect(maskSecrets('/api/v1/public/reports/12345678901234567890')).toBe('/api/v1/public/reports/***');
    expect(maskSecrets('/api/v1/public/reports/12345678901234567890/messages?x=1')).toBe('/api/v1/public/reports/***/messages?x=1');
    expect(maskSecrets('/api/v1/reports/abc')).toBe('/api/v1/reports/abc');
  });
});
