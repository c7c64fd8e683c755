// Streams a CSV's data rows in batches from the plan its head was read into: all a row worker loads for a CSV, without
// the sniffing and header search that made the plan.
import { createReadStream } from 'node:fs';
import type { CsvRowSource } from '../row-source.ts';
import { createRowFilter, isBlankRow } from '../table-shape.ts';
import { createCsvRowReader } from './csv-rows.ts';

/**
 * Streams data rows in batches. The file is pulled a chunk at a time (for await), so a 200 MB CSV
 * never sits in memory: only the current chunk, the cut-off row carried over (at most maxRowChars) and
 * one batch do.
 */
export async function* streamCsvRows(plan: CsvRowSource): AsyncGenerator<string[][]> {
  const keep = createRowFilter(plan.header);
  const decoder = new TextDecoder(plan.encoding);
  const stream = createReadStream(plan.path, { highWaterMark: plan.chunkBytes });
  const reader = createCsvRowReader(plan.dialect, {
    width: plan.header.length,
    maxRowChars: plan.maxRowChars,
  });
  let toSkip = plan.skip;
  const batch: string[][] = [];
  const take = (rows: string[][]): void => {
    for (const row of rows) {
      if (isBlankRow(row)) continue;
      if (toSkip > 0) toSkip--;
      else if (keep(row)) batch.push(row);
    }
  };
  try {
    for await (const chunk of stream) {
      take(reader.push(decoder.decode(chunk as Buffer, { stream: true })));
      while (batch.length >= plan.batchRows) yield batch.splice(0, plan.batchRows);
    }
    take(reader.push(decoder.decode()));
    take(reader.end());
    while (batch.length > 0) yield batch.splice(0, plan.batchRows);
  } finally {
    stream.destroy();
  }
}
