// The row source of a one-row CSV (Date,Item,Amount): what the row worker's start-up test and bench read through it.
export const oneRowCsvSource = (csvPath: string) => ({
  kind: 'csv' as const,
  path: csvPath,
  encoding: 'utf-8' as const,
  dialect: { delimiter: ',', newline: '\n' as const },
  skip: 1,
  header: ['Date', 'Item', 'Amount'],
  batchRows: 1024,
  chunkBytes: 65536,
  maxRowChars: 1 << 20,
});
