// The semantic layer's contract on BigQuery: the real client against the local fake, whose SQLite engine would
// run some SQL BigQuery refuses, so every statement sent must also parse as BigQuery SQL.
import sqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { openFakeBigQueryWarehouse } from '../../fakes/bigquery-warehouse.ts';
import { semanticContract } from './contract.ts';

const sent: string[] = [];

semanticContract('bigquery (fake server)', async () => {
  const { warehouse, fake, close } = await openFakeBigQueryWarehouse();
  return {
    warehouse,
    dispose: async () => {
      sent.push(...fake.received.map((r) => r.query).filter((q) => /^(WITH|SELECT)\b/.test(q)));
      await close();
    },
  };
});

describe('Semantic layer: BigQuery syntax', () => {
  it('every query the contract sent parses as BigQuery SQL', () => {
    expect(sent.length).toBeGreaterThan(100);
    const parser = new sqlParser.Parser();
    for (const sql of sent) expect(() => parser.astify(sql, { database: 'BigQuery' }), sql).not.toThrow();
  });
});
