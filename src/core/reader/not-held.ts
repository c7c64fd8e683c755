// What Titan says for figures its data does not hold: what is missing, what to load, and what it can answer instead.
import type { NotHeldTopic } from './lexicon.ts';

interface NotHeld {
  reason: string;
  /** Questions Titan can answer that come closest. */
  instead: string[];
}

export const NOT_HELD: Record<NotHeldTopic, NotHeld> = {
  commission: {
    reason: 'I don’t have delivery-platform commission: load your Swiggy/Zomato payout reports to get it.',
    instead: ['Revenue by payment mode, last 30 days'],
  },
  channel: {
    reason:
      'I don’t have sales by channel (dine-in, takeaway, Swiggy, Zomato): load a POS export that records the order type to get it.',
    instead: ['Revenue by payment mode, last 7 days', 'Revenue, last 7 days'],
  },
  tables: {
    reason:
      'I don’t have tables or table times (turnover, seating, waiting): load a table-level POS report with seated and settled times to get it.',
    instead: ['Covers, last 7 days', 'Bills by hour, last 7 days'],
  },
  footfall: {
    reason:
      'I don’t have footfall (people walking in): load door-counter or reservation data to get it. I do have covers, the guests billed.',
    instead: ['Covers, last 7 days'],
  },
  customers: {
    reason:
      'I don’t have customers by name (repeat, regular or top customers): load a POS or CRM export with customer details to get it.',
    instead: ['Covers, last 7 days', 'Average bill, last 7 days'],
  },
  profit: {
    reason:
      'I don’t have profit as one figure: that needs every cost against sales. I can scan for profit leaks, or give revenue, expenses and prime cost.',
    instead: [
      'Scan for profit leaks, this month',
      'Revenue and expenses, this month',
      'Prime cost %, this month',
    ],
  },
  weather: {
    reason: 'I don’t have weather data: I only read your sales, purchases, expenses and stock.',
    instead: ['Revenue by day, last 7 days'],
  },
  reviews: {
    reason: 'I don’t have reviews, ratings or complaints: load a review export to get them.',
    instead: ['Comps, last 7 days', 'Bills voided, last 7 days'],
  },
  tax: {
    reason: 'I don’t have tax or GST figures: load your GST returns or a POS tax report to get them.',
    instead: ['Revenue, last month', 'Gross sales, last month'],
  },
  tips: {
    reason: 'I don’t have tips or service charge: load a POS report that records them to get it.',
    instead: ['Revenue, last 7 days'],
  },
  attendance: {
    reason: 'I don’t have attendance, shifts or hours worked: load an attendance register to get them.',
    instead: ['Labour, last month'],
  },
  balances: {
    reason:
      'I don’t have balances or dues (bank, cash in hand, what is owed): load bank statements or vendor ledgers to get them.',
    instead: ['Purchases by vendor, last 30 days', 'Expenses, last 30 days'],
  },
  forecast: {
    reason: 'I can’t forecast: I only report what has already happened, from your data.',
    instead: ['Revenue trend, last 30 days'],
  },
  daypart: {
    reason: 'I can’t split a day into breakfast, lunch or dinner yet: I can show it hour by hour.',
    instead: ['Revenue by hour, yesterday', 'Bills by hour, yesterday'],
  },
  'menu-price': {
    reason: 'I don’t have menu prices as a figure: I can show what each item sold for in total.',
    instead: ['Revenue by item, last 7 days'],
  },
  'dish-cost': {
    reason:
      'I don’t have per-dish cost or profit: load recipes with ingredient quantities (and keep purchases current) to get it.',
    instead: ['Food cost %, this month', 'Revenue by item, last 30 days'],
  },
  competitors: {
    reason: 'I don’t have anything on competitors: I only read your own data.',
    instead: ['Revenue trend, last 30 days'],
  },
  'per-cover': {
    reason: 'I don’t have spend per guest as one figure yet: I can give revenue and covers side by side.',
    instead: ['Revenue and covers, last 7 days'],
  },
  reorder: {
    reason:
      'I don’t have reorder or par levels, so I can’t say what is running low: I can show what is on hand.',
    instead: ['Stock on hand by item'],
  },
};
