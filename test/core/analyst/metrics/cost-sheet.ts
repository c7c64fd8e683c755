// One hand-made week of stock, purchases, sales and expenses for the food-cost and prime-cost tests.
import type { Row } from '../../../../src/core/warehouse/port.ts';
import { otherScope, period } from './tiny-warehouse.ts';

export const week = period('2026-11-18', '2026-11-24');
export const weekBefore = period('2026-11-11', '2026-11-17');

const stock = (date: string, item: string, opening: number, closing: number, cost: number) => ({
  date,
  item,
  opening_qty: opening,
  closing_qty: closing,
  unit_cost: cost,
});

/**
 * Opening stock 10 kg maida × ₹40 + 20 L milk × ₹50 = ₹1,400; closing 5 × ₹42 + 10 × ₹50 = ₹710;
 * purchases ₹4,290 → COGS ₹4,980 on ₹12,000 of sales (41.5%).
 */
export const COST_SHEET: { inventory_master: Row[]; purchases_master: Row[]; sales: Row[] } = {
  inventory_master: [
    stock('2026-11-18', 'maida', 10, 8, 40),
    stock('2026-11-24', 'maida', 8, 5, 42),
    stock('2026-11-18', 'milk', 20, 12, 50),
    stock('2026-11-24', 'milk', 12, 10, 50),
    stock('2026-11-17', 'milk', 99, 20, 50),
  ],
  purchases_master: [
    { date: '2026-11-19', vendor: 'Dairy', item: 'milk', qty: 60, amount: 3000 },
    { date: '2026-11-21', vendor: 'Mills', item: 'maida', qty: 30, amount: 1290 },
    { date: '2026-11-25', vendor: 'Mills', item: 'maida', qty: 100, amount: 4000 },
  ],
  sales: [
    { date: '2026-11-19', item: 'Masala Dosa', amount: 9000, status: 'completed' },
    { date: '2026-11-20', item: 'Filter Coffee', amount: 3000, status: null },
    { date: '2026-11-20', item: 'Masala Dosa', amount: 5000, status: 'Cancelled' },
    { date: '2026-11-21', item: 'Masala Dosa', amount: 0, discount: 85, status: 'complimentary' },
    { date: '2026-11-21', item: 'Masala Dosa', amount: 50_000, status: 'completed', ...otherScope },
  ],
};
