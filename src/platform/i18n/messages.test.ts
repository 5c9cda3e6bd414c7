import { describe, expect, it } from 'vitest';
import { fieldLabel, registerMessages } from './messages';

/** Field names in messages: the last segment's label; a list element by its list and position; unknown paths as given. */
describe('fieldLabel', () => {
  registerMessages({ zh: {}, en: {}, fieldLabelsZh: { testChannels: '公开载体', testName: '姓名' }, fieldLabelsEn: { testChannels: 'Where published', testName: 'Name' } });

  it('names a field by its label', () => {
    expect(fieldLabel('zh-CN', 'body.testChannels')).toBe('公开载体');
    expect(fieldLabel('en', 'body.testChannels')).toBe('Where published');
  });

  it('names a list element by its list and its position counted from one', () => {
    expect(fieldLabel('zh-CN', 'body.testChannels.1')).toBe('公开载体（第2项）');
    expect(fieldLabel('en', 'body.testChannels.0')).toBe('Where published (item 1)');
  });

  it('names a field inside a list element by the field', () => {
    expect(fieldLabel('zh-CN', 'body.accused.0.testName')).toBe('姓名');
  });

  it('keeps a path it has no label for', () => {
    expect(fieldLabel('zh-CN', 'body.unknownThing.3')).toBe('body.unknownThing.3');
    expect(fieldLabel('zh-CN', '0')).toBe('0');
  });
});
