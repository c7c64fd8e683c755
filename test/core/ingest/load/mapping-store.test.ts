// schema_mappings as the MappingStore: a layout mapped once (≤50 rows to the LLM) is reused with no LLM call.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWarehouseMappingStore } from '../../../../src/core/ingest/load/mapping-store.ts';
import type { LlmSchemaMapper } from '../../../../src/core/ingest/port.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import { createIngestHarness, type IngestHarness } from '../ingest-harness.ts';

const clock = { now: () => new Date('2026-11-25T10:00:00Z') };

describe('warehouse mapping store', () => {
  let h: IngestHarness;
  afterEach(async () => {
    await h.close();
  });

  describe('storage', () => {
    beforeEach(async () => {
      h = await createIngestHarness();
    });

    it('keeps one mapping per layout fingerprint, the latest winning', async () => {
      const store = createWarehouseMappingStore({ warehouse: h.warehouse, clock });
      expect(await store.get('fp-1')).toBeUndefined();
      await store.put({
        fingerprint: 'fp-1',
        category: 'expenses',
        mapping: { date: 0, amount: 2 },
        confidence: 0.8,
        source: 'heuristic',
      });
      await store.put({
        fingerprint: 'fp-1',
        category: 'expenses',
        mapping: { date: 1, amount: 3 },
        confidence: 0.9,
        source: 'llm',
      });
      expect(await store.get('fp-1')).toEqual({
        fingerprint: 'fp-1',
        mapping: { date: 1, amount: 3 },
        confidence: 0.9,
        source: 'llm',
      });
      expect(await h.count('schema_mappings')).toBe(1);
    });

    it('treats a stored row that no longer parses as unknown', async () => {
      await h.warehouse.insertRows('schema_mappings', [
        {
          fingerprint: 'fp-bad',
          category: 'sales',
          mapping_json: '{"date":"first"}',
          source: 'llm',
          confidence: 1,
          created_at: '2026-11-25T00:00:00Z',
        },
      ]);
      expect(
        await createWarehouseMappingStore({ warehouse: h.warehouse, clock }).get('fp-bad'),
      ).toBeUndefined();
    });
  });

  it('sends at most 50 rows of a new layout to the LLM once, then maps that layout with no call', async () => {
    const seen: number[] = [];
    const mapSchema: LlmSchemaMapper = async ({ sample }) => {
      seen.push(sample.length);
      return { mapping: { date: 'Col A', description: 'Col B', amount: 'Col C' }, confidence: 0.95 };
    };
    h = await createIngestHarness({ llm: { mapSchema } });
    const oddFile = async (name: string, offset: number) => {
      const rows = Array.from(
        { length: 300 },
        (_, i) => `0${1 + (i % 9)}/11/2026,Item ${i + offset},${100 + i}`,
      );
      const file = path.join(h.dir, name);
      await writeFile(file, `Col A,Col B,Col C\n${rows.join('\n')}\n`);
      return file;
    };
    const first = await h.ingest.ingestPaths([await oddFile('a.csv', 0)], {
      category: 'expenses',
      scope: DEFAULT_SCOPE,
    });
    const second = await h.ingest.ingestPaths([await oddFile('b.csv', 1000)], {
      category: 'expenses',
      scope: DEFAULT_SCOPE,
    });
    expect([first[0]?.outcome, second[0]?.outcome]).toEqual(['loaded', 'loaded']);
    expect(seen).toEqual([50]);
    expect(await h.count('expenses_master')).toBe(600);
  });
});
