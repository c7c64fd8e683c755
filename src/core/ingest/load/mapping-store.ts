// H4's MappingStore on the warehouse: schema_mappings keeps layout fingerprint → column mapping, so a layout is mapped once.
import { z } from 'zod';
import type { Warehouse } from '../../warehouse/port.ts';
import type { MappingStore } from '../map/map-table.ts';
import type { MappingResult } from '../port.ts';

interface MappingRow {
  mapping_json: string;
  source: string;
  confidence: number | null;
}

const mappingJson = z.record(z.string(), z.number().int().nonnegative());
const sources = z.enum(['stored', 'heuristic', 'llm']);

export function createWarehouseMappingStore(options: {
  warehouse: Warehouse;
  clock: { now(): Date };
}): MappingStore {
  const { warehouse } = options;
  const table = warehouse.dialect.table('schema_mappings');
  return {
    async get(fingerprint) {
      const [row] = await warehouse.query<MappingRow>(
        `SELECT mapping_json, source, confidence FROM ${table} WHERE fingerprint = @fingerprint LIMIT 1`,
        { fingerprint },
      );
      if (!row) return undefined;
      // Stored JSON is data from disk: a row that no longer parses is treated as unknown, and mapped afresh.
      let mapping: z.infer<typeof mappingJson>;
      try {
        mapping = mappingJson.parse(JSON.parse(row.mapping_json));
      } catch {
        return undefined;
      }
      const source = sources.safeParse(row.source);
      const result: MappingResult = {
        mapping,
        confidence: row.confidence ?? 0,
        source: source.success ? source.data : 'stored',
        fingerprint,
      };
      return result;
    },
    async put(entry) {
      // Replace, not add: the fingerprint is the key (BigQuery keeps no primary key to upsert on).
      await warehouse.transaction(async (tx) => {
        await tx.execute(`DELETE FROM ${table} WHERE fingerprint = @fingerprint`, {
          fingerprint: entry.fingerprint,
        });
        await tx.insertRows('schema_mappings', [
          {
            fingerprint: entry.fingerprint,
            category: entry.category,
            mapping_json: JSON.stringify(entry.mapping),
            source: entry.source,
            confidence: entry.confidence,
            created_at: options.clock.now().toISOString(),
          },
        ]);
      });
    },
  };
}
