// The refusal of a CSV whose first row does not fit in the head: what that row really is, measured in one streamed scan.
import { createReadStream } from 'node:fs';
import type { TitanError } from '../../../errors.ts';
import { unreadable } from '../unreadable.ts';
import type { CsvDialect } from './csv-dialect.ts';
import { createRecordScan } from './csv-record-scan.ts';
import type { TextEncodingName } from './text-encoding.ts';

export interface FirstRowPlace {
  path: string;
  encoding: TextEncodingName;
  dialect: CsvDialect;
  /** Characters before the row (blank lines), as decoded. */
  start: number;
  /** The head Titan finds the header in, for the message. */
  headBytes: number;
}

interface RowSize {
  chars: number;
  fields: number;
  /** True when the row runs to the end of the file. */
  last: boolean;
}

/** Scans the row from its start to its line break (or the end of the file), holding one chunk at a time. */
async function measureRow(place: FirstRowPlace): Promise<RowSize> {
  const scan = createRecordScan(place.dialect);
  const decoder = new TextDecoder(place.encoding);
  const stream = createReadStream(place.path, { highWaterMark: 64 * 1024 });
  let skip = place.start;
  try {
    for await (const chunk of stream) {
      let text = decoder.decode(chunk as Buffer, { stream: true });
      if (skip > 0) {
        const skipped = Math.min(skip, text.length);
        text = text.slice(skipped);
        skip -= skipped;
      }
      if (scan.feed(text) >= 0) return { chars: scan.chars, fields: scan.fields, last: false };
    }
  } finally {
    stream.destroy();
  }
  return { chars: scan.chars, fields: scan.fields, last: true };
}

/**
 * The error for a first row longer than the head: a 200,000-column header, or a whole file on one line,
 * once read as "empty" because the head held no complete row. It says what the row is, measured.
 */
export async function refuseLongFirstRow(place: FirstRowPlace): Promise<TitanError> {
  const { chars, fields, last } = await measureRow(place);
  const length = `${chars.toLocaleString('en-IN')} characters`;
  const columns = fields > 1 ? ` in ${fields.toLocaleString('en-IN')} columns` : '';
  const what = last
    ? `The file is one row of ${length}${columns}, with no line break`
    : `The first row is ${length} long${columns}`;
  return unreadable(
    `${what}: Titan looks for the header row in the first ${place.headBytes / 1024} KB, and a report's ` +
      'header is a few hundred characters, so this is not a table export. Export the report again as CSV ' +
      'or XLSX, one row per line.',
  );
}
