import { describe, expect, it } from 'vitest';
import { TitanError } from '../../../../src/core/errors.ts';
import { layoutFingerprint } from '../../../../src/core/ingest/map/fingerprint.ts';
import {
  type MappingStore,
  mapBestTable,
  mapTable,
  type StoredMapping,
} from '../../../../src/core/ingest/map/map-table.ts';
import type { LlmSchemaMapper, MappingResult } from '../../../../src/core/ingest/port.ts';

function memoryStore(): MappingStore & { entries: Map<string, StoredMapping> } {
  const entries = new Map<string, StoredMapping>();
  return {
    entries,
    get: async (fingerprint) => entries.get(fingerprint),
    put: async (entry) => {
      entries.set(entry.fingerprint, entry);
    },
  };
}

/** A stand-in for the Gemini mapper that records what it was shown. */
function recordingLlm(answer: unknown): LlmSchemaMapper & { calls: Parameters<LlmSchemaMapper>[0][] } {
  const calls: Parameters<LlmSchemaMapper>[0][] = [];
  const llm = async (input: Parameters<LlmSchemaMapper>[0]) => {
    calls.push(input);
    return answer as Awaited<ReturnType<LlmSchemaMapper>>;
  };
  return Object.assign(llm, { calls });
}

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    `${String((i % 28) + 1).padStart(2, '0')}/01/2024`,
    `Item ${i}`,
    String(i * 10),
  ]);

describe('mapTable', () => {
  it('maps a clear layout by heuristics, without the LLM, and remembers it', async () => {
    const store = memoryStore();
    const llm = recordingLlm({ mapping: {}, confidence: 1 });
    const table = { headers: ['Bill Date', 'Item', 'Amount'], sample: rows(5) };
    const result = await mapTable({ table, category: 'sales', store, llm });
    expect(result).toMatchObject({
      source: 'heuristic',
      mapping: { date: 0, item: 1, amount: 2 },
      dateOrder: 'dmy',
    });
    expect(llm.calls).toHaveLength(0);
    expect(store.entries.get(result.fingerprint)).toMatchObject({ category: 'sales', source: 'heuristic' });
  });

  it('reuses a stored mapping for a known layout with zero LLM calls', async () => {
    const store = memoryStore();
    const headers = ['Col A', 'Col B', 'Col C'];
    const fingerprint = layoutFingerprint(headers, 'expenses');
    const stored: MappingResult = {
      mapping: { date: 2, amount: 0 },
      confidence: 0.9,
      source: 'llm',
      fingerprint,
    };
    await store.put({ ...stored, category: 'expenses' });
    const llm = recordingLlm({ mapping: {}, confidence: 1 });
    const result = await mapTable({
      table: { headers, sample: [['10', 'x', '2024-01-01']] },
      category: 'expenses',
      store,
      llm,
    });
    expect(result).toMatchObject({ source: 'stored', mapping: { date: 2, amount: 0 }, fingerprint });
    expect(llm.calls).toHaveLength(0);
  });

  it('ignores a stored mapping that no longer fits the headers', async () => {
    const store = memoryStore();
    const headers = ['Date', 'Amount'];
    const fingerprint = layoutFingerprint(headers, 'sales');
    store.entries.set(fingerprint, {
      mapping: { date: 7 },
      confidence: 1,
      source: 'llm',
      fingerprint,
      category: 'sales',
    });
    const result = await mapTable({
      table: { headers, sample: [['2024-01-01', '5']] },
      category: 'sales',
      store,
    });
    expect(result).toMatchObject({ source: 'heuristic', mapping: { date: 0, amount: 1 } });
  });

  it('asks the LLM below the threshold, showing it at most 50 rows, and stores its answer', async () => {
    const store = memoryStore();
    const headers = ['When', 'What', 'How much'];
    const llm = recordingLlm({
      mapping: { date: 'When', description: 'What', amount: 'How much' },
      confidence: 0.85,
    });
    const result = await mapTable({
      table: { headers, sample: rows(120) },
      category: 'expenses',
      store,
      llm,
    });
    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]!.sample).toHaveLength(50);
    expect(llm.calls[0]!.headers).toEqual(headers);
    expect(result).toMatchObject({
      source: 'llm',
      confidence: 0.85,
      mapping: { date: 0, description: 1, amount: 2 },
    });
    expect(store.entries.get(result.fingerprint)?.source).toBe('llm');

    const again = await mapTable({ table: { headers, sample: rows(3) }, category: 'expenses', store, llm });
    expect(again.source).toBe('stored');
    expect(llm.calls).toHaveLength(1);
  });

  it('drops an LLM answer that the values contradict, then says what is missing', async () => {
    const llm = recordingLlm({ mapping: { date: 'What', amount: 'How much' }, confidence: 0.9 });
    const err = await mapTable({
      table: { headers: ['Remark', 'What', 'How much'], sample: [['ok', 'Rent', '100']] },
      category: 'expenses',
      llm,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TitanError);
    expect(err).toMatchObject({ code: 'ingest.unmapped', message: expect.stringContaining('date column') });
  });

  it('refuses a malformed LLM answer, falling back to heuristics when they suffice', async () => {
    const bad = recordingLlm({ mapping: 'date is column 1', confidence: 'high' });
    const table = { headers: ['Date', 'Item', 'Amount'], sample: rows(3) };
    // A threshold no mapping reaches forces the LLM call.
    const result = await mapTable({ table, category: 'sales', llm: bad, threshold: 2 });
    expect(bad.calls).toHaveLength(1);
    expect(result).toMatchObject({ source: 'heuristic', mapping: { date: 0, item: 1, amount: 2 } });

    const err = await mapTable({
      table: { headers: ['A', 'B'], sample: [['x', 'y']] },
      category: 'sales',
      llm: bad,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'llm.failed' });
  });

  it('names the missing required columns and suggests a fix', async () => {
    const err = await mapTable({
      table: { headers: ['Item', 'Remarks'], sample: [['Tea', 'ok']] },
      category: 'sales',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'ingest.unmapped',
      message: expect.stringMatching(/date and amount columns for sales.*"Item", "Remarks".*GEMINI_API_KEY/),
    });
  });

  it('tells the user when the file looks like another category', async () => {
    const table = {
      headers: ['Date', 'Item', 'Unit', 'Opening Stock', 'Received', 'Consumed', 'Wastage', 'Closing Stock'],
      sample: [['2024-02-01', 'Maida', 'Kg', '10', '25', '28', '1.5', '5.5']],
    };
    const err = await mapTable({ table, category: 'sales' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'ingest.wrong_category',
      message: expect.stringContaining('looks like inventory data, not sales'),
    });
  });

  it('flags a full POS export filed as expenses, though date and amount would map', async () => {
    const table = {
      headers: [
        'Bill No',
        'Bill Date',
        'Item Name',
        'Qty',
        'Rate',
        'Amount',
        'Payment Mode',
        'Status',
        'Captain',
      ],
      sample: [['B1', '05/01/2024', 'Idli', '2', '30', '60', 'Cash', 'Settled', 'Ravi']],
    };
    await expect(mapTable({ table, category: 'expenses' })).rejects.toMatchObject({
      code: 'ingest.wrong_category',
      message: expect.stringContaining('looks like sales data'),
    });
  });

  it('learns the file’s date order from the sample', async () => {
    const table = {
      headers: ['Date', 'Amount'],
      sample: [
        ['03/20/2023', '5'],
        ['03/04/2023', '6'],
      ],
    };
    await expect(mapTable({ table, category: 'expenses' })).resolves.toMatchObject({ dateOrder: 'mdy' });
  });

  it('leaves the date order open when no sampled date tells day from month, for the whole file to settle', async () => {
    const table = {
      headers: ['Date', 'Amount'],
      sample: [
        ['03/04/2023', '5'],
        ['04/04/2023', '6'],
      ],
    };
    const mapped = await mapTable({ table, category: 'expenses' });
    expect(mapped).toMatchObject({ dateOrder: 'dmy', dateOpen: true });
    expect(mapped.dateEvidence).toBeUndefined();
  });
});

describe('mapBestTable', () => {
  it('picks the sheet that holds the category’s data', async () => {
    const notes = { name: 'Notes', headers: ['Outlet', 'Manager'], sample: [['Tiruppur', 'Ravi']] };
    const data = { name: 'Sales', headers: ['Date', 'Item', 'Amount'], sample: rows(3) };
    const { table, mapping } = await mapBestTable({ tables: [notes, data], category: 'sales' });
    expect(table.name).toBe('Sales');
    expect(mapping.mapping).toEqual({ date: 0, item: 1, amount: 2 });
  });

  it('says so when a file has no table', async () => {
    await expect(mapBestTable({ tables: [], category: 'sales' })).rejects.toMatchObject({
      code: 'ingest.unreadable',
    });
  });
});
