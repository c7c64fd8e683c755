// GET /health where answers run on the SQLite read pool: the readers are reported beside the contract's parts, and no
// reader able to answer is a 503, as a warehouse that is down is.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/core/warehouse/create-warehouse.ts';
import { defaultPoolSize } from '../../src/core/warehouse/sqlite-read-pool.ts';
import { type AdminHarness, createAdminHarness } from '../helpers/admin-harness.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';

const tmp = useTmpDirs();
let harness: AdminHarness | undefined;
afterEach(async () => harness?.titan.close());

describe.skipIf(process.platform !== 'linux')('GET /health with the SQLite read pool', () => {
  it("names the readers alive of the pool size beside the contract's parts", async () => {
    harness = await createAdminHarness(tmp());
    const res = await harness.request('GET', '/health', { token: null });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    // Added beside the contract's parts, none renamed or dropped.
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining([
        'status',
        'warehouse',
        'llm',
        'slack',
        'teams',
        'drive',
        'pos',
        'notes',
        'readers',
      ]),
    );
    expect(body).toMatchObject({
      status: 'ok',
      warehouse: 'embedded',
      readers: { state: 'ready', alive: 1, busy: 0, size: defaultPoolSize() },
    });
  });

  it('answers 503 when no reader can open the warehouse file', async () => {
    const dir = tmp();
    harness = await createAdminHarness(dir);
    // The main connection keeps its open handle; a reader starting now finds no file.
    rmSync(path.join(dir, SQLITE_FILE));
    const res = await harness.request('GET', '/health', { token: null });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { warehouse: string; readers: { state: string }; notes: string[] };
    expect(body.warehouse).toBe('embedded');
    expect(body.readers.state).toBe('unavailable');
    expect(body.notes.some((n) => n.startsWith('No SQLite reader is answering questions'))).toBe(true);
  });
});
