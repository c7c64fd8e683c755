import { afterEach, beforeEach, expect, it } from 'vitest';
import { createChatMemoryReader } from '../../../../src/core/analyst/llm/chat-memory-reader.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../../src/core/warehouse/sqlite.ts';

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  const turn = (thread: string, minute: number, role: string, text: string) => ({
    thread_id: thread,
    org_id: 'cafe_001',
    location_id: 'tiruppur_main',
    turn_at: `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`,
    role,
    text,
  });
  await warehouse.insertRows('chat_memory', [
    turn('t1', 1, 'user', 'Maida wastage?'),
    turn('t1', 2, 'assistant', 'Maida wastage: 12.5 kg.'),
    turn('t1', 3, 'user', 'And last month?'),
    turn('t2', 4, 'user', 'Other thread'),
  ]);
});
afterEach(async () => {
  await warehouse.close();
});

it('returns a thread’s last turns, oldest first, and only that thread’s', async () => {
  const memory = createChatMemoryReader({ warehouse });
  expect(await memory.recent('t1', 2)).toEqual([
    { role: 'assistant', text: 'Maida wastage: 12.5 kg.' },
    { role: 'user', text: 'And last month?' },
  ]);
  expect(await memory.recent('t3', 10)).toEqual([]);
});
