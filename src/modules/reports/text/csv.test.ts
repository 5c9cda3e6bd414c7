import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvParser, csvRecords, parseCsv } from './csv';

describe('CSV parser', () => {
  it('reads quoted fields with commas, doubled quotes and embedded line breaks', () => {
    const text = 'id,title,detail\n1,"村道,破损","他说""马上修""\n结果没修"\n2,路灯,不亮\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'title', 'detail'],
      ['1', '村道,破损', '他说"马上修"\n结果没修'],
      ['2', '路灯', '不亮'],
    ]);
  });

  it('drops a UTF-8 byte-order mark and accepts CRLF and a missing final line break', () => {
    expect(parseCsv('\ufeffa,b\r\n1,"x\r\ny"\r\n2,z')).toEqual([['a', 'b'], ['1', 'x\r\ny'], ['2', 'z']]);
  });

  it('keeps empty fields and skips blank lines', () => {
    expect(parseCsv('a,b,c\n,,\n\n1,,3\n')).toEqual([['a', 'b', 'c'], ['', '', ''], ['1', '', '3']]);
  });

  it('gives the same rows however the input is split into chunks', () => {
    const text = '\ufeffid,t\r\n1,"a""b\r\nc"\r\n2,"",\r\n3,末尾';
    const whole = parseCsv(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const p = new CsvParser();
      expect([...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()], `cut at ${cut}`).toEqual(whole);
    }
    const p = new CsvParser();
    const oneByOne = [...text].flatMap((ch) => p.push(ch));
    expect([...oneByOne, ...p.end()]).toEqual(whole);
  });

  it('refuses a file that ends inside a quoted field', () => {
    expect(() => parseCsv('a\n"never closed')).toThrow(/inside a quoted field/);
  });

  it('streams records keyed by the header, with their row numbers', async () => {
    const source = Readable.from([Buffer.from('\ufeffid,label\n7,"教'), Buffer.from('育"\n8\n')]);
    const out = [];
    for await (const r of csvRecords(source)) out.push(r);
    expect(out).toEqual([{ row: 2, record: { id: '7', label: '教育' } }, { row: 3, record: { id: '8', label: '' } }]);
  });
});
