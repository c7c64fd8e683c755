// The real PrepareFile: parse the file, pick and map its best table (stored layout → heuristics → LLM), build the normaliser.
import type { LlmSchemaMapper, VisionTableExtractor } from './contracts.ts';
import { type MappingStore, mapBestTable } from './map/map-table.ts';
import { createRowNormaliser } from './normalise/normalise-row.ts';
import { parseFile } from './parse/parse-file.ts';
import type { PrepareFile } from './prepare.ts';

export interface IngestLlm {
  /** Maps unusual layouts from ≤50 sample rows (Gemini when configured). */
  mapSchema?: LlmSchemaMapper;
  /** Reads scanned PDFs and photos (Gemini vision when configured). */
  extractTable?: VisionTableExtractor;
}

export interface FilePreparerOptions {
  mappings: MappingStore;
  /** Read per file, so configuring Gemini later takes effect without a restart. */
  llm?: () => IngestLlm;
}

export function createFilePreparer(options: FilePreparerOptions): PrepareFile {
  return async (file, category) => {
    const llm = options.llm?.() ?? {};
    const tables = await parseFile(file, {
      category,
      ...(llm.extractTable === undefined ? {} : { vision: llm.extractTable }),
    });
    const { table, mapping } = await mapBestTable({
      tables,
      category,
      store: options.mappings,
      ...(llm.mapSchema === undefined ? {} : { llm: llm.mapSchema }),
    });
    return {
      batches: table.rows(),
      convert: createRowNormaliser(mapping, category),
      ...(table.name === undefined ? {} : { table: table.name }),
    };
  };
}
