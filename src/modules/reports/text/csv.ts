import fs from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * A small streaming CSV parser (RFC 4180 plus what spreadsheet exports really contain): quoted fields with
 * doubled quotes, commas and line breaks inside quotes, CRLF or LF line ends, a UTF-8 byte-order mark, and a
 * last line without a line end. Chunks may split anywhere, even between the two quotes of an escaped quote
 * or between CR and LF, so a multi-megabyte export of the office's history never has to be held whole.
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  /** A quote seen inside a quoted field: either the closing quote or the first half of `""`. */
  private quotePending = false;
  private lastWasCr = false;
  private atStart = true;
  private fieldStarted = false;

  /** Feed text; returns the rows completed by it. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    let i = 0;
    if (this.atStart && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
      this.atStart = false;
    }
    for (; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') { this.field += '"'; continue; }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else this.field += c;
        continue;
      }
      if (c === '\n' && this.lastWasCr) { this.lastWasCr = false; continue; }
      this.lastWasCr = false;
      if (c === '"' && !this.fieldStarted) { this.inQuotes = true; this.fieldStarted = true; }
      else if (c === ',') this.endField();
      else if (c === '\n' || c === '\r') {
        this.lastWasCr = c === '\r';
        this.endRow(rows);
      } else {
        // A stray quote in the middle of an unquoted field is kept literally, as spreadsheets do.
        this.field += c;
        this.fieldStarted = true;
      }
    }
    return rows;
  }

  /** Signal the end of input; returns the last row when the text did not end with a line break. */
  end(): string[][] {
    const rows: string[][] = [];
    if (this.inQuotes && !this.quotePending) throw new Error('CSV ends inside a quoted field');
    this.quotePending = false;
    this.inQuotes = false;
    if (this.fieldStarted || this.row.length > 0) this.endRow(rows);
    return rows;
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRow(rows: string[][]): void {
    this.endField();
    // A blank line is no record (an empty single-column record is indistinguishable and useless here).
    if (!(this.row.length === 1 && this.row[0] === '')) rows.push(this.row);
    this.row = [];
  }
}

/** Parse a whole CSV text into rows. */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/**
 * Records keyed by the header row, streamed from a readable source. Rows shorter than the header get empty
 * strings; the record's `line` is the 1-based number of the row in the file, counting the header as row 1.
 */
export async function* csvRecords(source: Readable): AsyncGenerator<{ row: number; record: Record<string, string> }> {
  const parser = new CsvParser();
  source.setEncoding('utf8');
  let header: string[] | null = null;
  let n = 0;
  const emit = function* (rows: string[][]) {
    for (const r of rows) {
      n++;
      if (!header) { header = r.map((h) => h.trim()); continue; }
      const record: Record<string, string> = {};
      header.forEach((h, i) => { record[h] = r[i] ?? ''; });
      yield { row: n, record };
    }
  };
  for await (const chunk of source) yield* emit(parser.push(chunk as string));
  yield* emit(parser.end());
}

export async function readCsvFile(file: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const { record } of csvRecords(fs.createReadStream(file))) out.push(record);
  return out;
}
