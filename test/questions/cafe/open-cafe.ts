// Titan as the owner runs it (createTitan, offline, on a fixed clock), fed the café's export files by its real ingest.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { createTitan, type Titan } from '../../../src/core/titan.ts';
import { type FakeBigQuery, startFakeBigQuery } from '../../fakes/bigquery.ts';
import { SERVICE_ACCOUNT_JSON } from '../../helpers/config-values.ts';
import { NOW, TZ } from './cafe-book.ts';
import { type CafeFile, writeCafeFiles } from './export-csv.ts';
import { type Cafe, generateCafe } from './generate-cafe.ts';

export type Engine = 'sqlite' | 'bigquery';

export interface OpenCafe {
  titan: Titan;
  cafe: Cafe;
  files: CafeFile[];
  /** One outcome per file, in `files` order. */
  outcomes: FileOutcome[];
  close(): Promise<void>;
}

/** The BigQuery settings that point Titan's real client at the local fake. */
async function useFakeBigQuery(vault: ReturnType<typeof createConfigVault>): Promise<FakeBigQuery> {
  const fake = await startFakeBigQuery();
  await vault.patch({
    PROJECT_ID: fake.projectId,
    DATASET_ID: fake.datasetId,
    GOOGLE_SERVICE_ACCOUNT_JSON: SERVICE_ACCOUNT_JSON,
    BIGQUERY_API_ENDPOINT: fake.url,
  });
  return fake;
}

/** Generates the café, writes its files, opens Titan over a temp TITAN_DATA_DIR and ingests every file. */
export async function openCafe(engine: Engine = 'sqlite', cafe: Cafe = generateCafe()): Promise<OpenCafe> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-questions-'));
  const dataDir = path.join(dir, 'data');
  const vault = createConfigVault({ dataDir, env: {} });
  const fake = engine === 'bigquery' ? await useFakeBigQuery(vault) : undefined;
  const runtime = { dataDir, port: 0, demo: false, adminToken: undefined, tz: TZ, logLevel: 'silent' };
  const logger = createLogger({ level: 'silent', secrets: () => vault.secretValues() });
  const titan = await createTitan({ runtime, vault, logger, clock: { now: () => NOW } });
  const close = async () => {
    await titan.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const files = writeCafeFiles(cafe, dir);
    const outcomes: FileOutcome[] = [];
    for (const file of files) {
      const [outcome] = await titan.ingest.ingestPaths([file.path], {
        category: file.category,
        scope: DEFAULT_SCOPE,
      });
      outcomes.push(outcome!);
    }
    return { titan, cafe, files, outcomes, close };
  } catch (err) {
    await close();
    throw err;
  }
}
