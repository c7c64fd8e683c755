// The held-out half of the question suite (25%). DO NOT TUNE THE READER AGAINST THIS FILE: it measures how the
// reader does on words it was not fitted to. The same kinds of question as dev-questions.ts, phrased otherwise
// (other word order, synonyms, misspellings, politeness) and mostly on other dates.
import { GREEN_BASKET, KAVERI, NANDINI } from './cafe/cafe-book.ts';
import {
  between,
  bottom,
  category,
  daysBefore,
  family,
  head,
  item,
  lastDays,
  lastWeek,
  mode,
  month,
  noData,
  on,
  type Question,
  staff,
  thisMonth,
  thisWeek,
  today,
  top,
  unsupported,
  vendor,
  wants,
  year,
  yesterday,
} from './question-spec.ts';

const P = 'held';
const nov = month(2026, 11);
const oct = month(2026, 10);
const sep = month(2026, 9);
const now = today();

export const HELD_OUT_QUESTIONS: Question[] = [
  ...family(P, 'point-day', [
    ['Can you tell me the sales figure for 18th November please?', wants('revenue', on('2026-11-18'))],
    ['On 12/10/2026 how much revenue did we do?', wants('revenue', on('2026-10-12'))],
    ['sale 27 nov', wants('revenue', on('2026-11-27'))],
    ['Bills count for 3rd November', wants('bills', on('2026-11-03'))],
    ['What was our gross on 9 Nov, before discounts?', wants('gross_sales', on('2026-11-09'))],
  ]),
  ...family(P, 'range', [
    [
      'From the 2nd to the 8th of November, what were sales?',
      wants('revenue', between('2026-11-02', '2026-11-08')),
    ],
    ['total bills between 1/10/2026 and 15/10/2026', wants('bills', between('2026-10-01', '2026-10-15'))],
    ['Sales for Oct 5 through Oct 11', wants('revenue', between('2026-10-05', '2026-10-11'))],
    ['items sold 16 to 30 November', wants('items_sold', between('2026-11-16', '2026-11-30'))],
  ]),
  ...family(P, 'month', [
    ['How did we do in October in terms of revenue?', wants('revenue', oct)],
    ['Total number of bills for November 2026', wants('bills', nov)],
    ['money spent on expenses during October', wants('expenses', oct)],
    ['What was the discount total for the month of October?', wants('discounts', oct)],
  ]),
  ...family(P, 'relative', [
    ["Yesterday's total sales please", wants('revenue', yesterday())],
    ['what have we sold so far today', wants('revenue', now)],
    ['Revenue over the past 30 days', wants('revenue', lastDays(30))],
    ['How many bills this week so far?', wants('bills', thisWeek())],
    ['previous month sales', wants('revenue', nov)],
  ]),
  ...family(P, 'past-year', [
    ['Back in March 2015 what was our total revenue?', wants('revenue', month(2015, 3))],
    ['number of bills on 10/03/2015', wants('bills', on('2015-03-10'))],
    ['For the year 2015, how many items did we sell?', wants('items_sold', year(2015))],
  ]),
  ...family(P, 'top-n', [
    [
      'Give me the three highest-grossing items of the past 30 days',
      wants('revenue', lastDays(30), { groupBy: 'item', rank: top(3) }),
    ],
    [
      'Most sold item yesterday by quantity',
      wants('items_sold', yesterday(), { groupBy: 'item', rank: top(1) }),
    ],
    ['Which 5 dishes earned the most last month?', wants('revenue', nov, { groupBy: 'item', rank: top(5) })],
    [
      'least popular item by quantity in October',
      wants('items_sold', oct, { groupBy: 'item', rank: bottom(1) }),
    ],
    [
      'Largest supplier by purchase value in October',
      wants('purchases', oct, { groupBy: 'vendor', rank: top(1) }),
    ],
  ]),
  ...family(P, 'best-worst-day', [
    [
      'Of all days in October which had the lowest sales?',
      wants('revenue', oct, { groupBy: 'day', rank: bottom(1) }),
    ],
    [
      'Peak revenue day over the last 14 days?',
      wants('revenue', lastDays(14), { groupBy: 'day', rank: top(1) }),
    ],
    ['busiest day by bills in November', wants('bills', nov, { groupBy: 'day', rank: top(1) })],
  ]),
  ...family(P, 'item', [
    ['Plates of masala dosa sold in November?', wants('items_sold', nov, { filters: [item('Masala Dosa')] })],
    [
      'How much money did Veg Sandwich make last week?',
      wants('revenue', lastWeek(), { filters: [item('Veg Sandwich')] }),
    ],
    [
      'gulab jamun qty sold last 30 days',
      wants('items_sold', lastDays(30), { filters: [item('Gulab Jamun')] }),
    ],
    ['french fries revenue for October', wants('revenue', oct, { filters: [item('French Fries')] })],
  ]),
  ...family(P, 'vendor', [
    ['Amount paid to Kaveri Traders for November', wants('purchases', nov, { filters: [vendor(KAVERI)] })],
    [
      'Green Basket Vegetables bill total for the past 7 days',
      wants('purchases', lastDays(7), { filters: [vendor(GREEN_BASKET)] }),
    ],
    [
      'In October how much did Nandini Dairy supply, in rupees?',
      wants('purchases', oct, { filters: [vendor(NANDINI)] }),
    ],
  ]),
  ...family(P, 'staff', [
    ['Suresh cancelled how many bills last month?', wants('void_count', nov, { filters: [staff('Suresh')] })],
    ["Anita's sales for the last 7 days", wants('revenue', lastDays(7), { filters: [staff('Anita')] })],
    ['Bills handled by Ramesh yesterday', wants('bills', yesterday(), { filters: [staff('Ramesh')] })],
  ]),
  ...family(P, 'category', [
    [
      'How much did desserts sell for in November?',
      wants('revenue', nov, { filters: [category('Desserts')] }),
    ],
    [
      'Snacks revenue over the last 30 days',
      wants('revenue', lastDays(30), { filters: [category('Snacks')] }),
    ],
    ['Category wise sales for last week', wants('revenue', lastWeek(), { groupBy: 'category' })],
  ]),
  ...family(P, 'payment-mode', [
    ['Total card collection yesterday', wants('revenue', yesterday(), { filters: [mode('Card')] })],
    ['How much cash did we take in November?', wants('revenue', nov, { filters: [mode('Cash')] })],
    [
      'payment mode wise revenue for the last 7 days',
      wants('revenue', lastDays(7), { groupBy: 'payment_mode' }),
    ],
  ]),
  ...family(P, 'counts', [
    ['Guests served last month?', wants('covers', nov)],
    ['Count of cancelled bills in November', wants('void_count', nov)],
    ['How many comp bills were there in the last 30 days?', wants('comp_count', lastDays(30))],
    ['quantity of items sold yesterday', wants('items_sold', yesterday())],
    ['no. of bills today', wants('bills', now)],
  ]),
  ...family(P, 'stock', [
    ['Rice left in stock?', wants('stock_on_hand', now, { filters: [item('Rice')], snapshot: true })],
    ['Current balance of tomato', wants('stock_on_hand', now, { filters: [item('Tomato')], snapshot: true })],
    [
      'milk stock as on 20/11/2026',
      wants('stock_on_hand', on('2026-11-20'), { filters: [item('Milk')], snapshot: true }),
    ],
  ]),
  ...family(P, 'rates', [
    [
      "What's the going rate for onions from Green Basket?",
      wants('unit_rate_latest', now, { filters: [item('Onion'), vendor(GREEN_BASKET)], snapshot: true }),
    ],
    ['Highest milk rate in October', wants('unit_rate_max', oct, { filters: [item('Milk')] })],
    ['average price per kg of paneer last month', wants('unit_rate_avg', nov, { filters: [item('Paneer')] })],
  ]),
  ...family(P, 'expenses', [
    ['How much went on electricity in October?', wants('expenses', oct, { filters: [head('Electricity')] })],
    ['Expense breakdown by head for October', wants('expenses', oct, { groupBy: 'expense_head' })],
    [
      'Salaries paid this month',
      wants('expenses', thisMonth(), {
        filters: [head('Salaries')],
        alsoAccept: [{ measures: ['labour'], filters: [] }],
      }),
    ],
  ]),
  ...family(P, 'wastage', [
    ['Kilos of onion thrown away last month', wants('wastage_qty', nov, { filters: [item('Onion')] })],
    ['Rupee value of wastage over the past 7 days', wants('wastage_value', lastDays(7))],
  ]),
  ...family(P, 'comparison', [
    ['How did October sales compare with September?', wants('revenue', oct, { compare: sep })],
    [
      'Revenue: past 14 days against the 14 days before',
      wants('revenue', lastDays(14), { compare: daysBefore(lastDays(14), 14) }),
    ],
    ['Compare bills on 29 Nov with 22 Nov', wants('bills', on('2026-11-29'), { compare: on('2026-11-22') })],
  ]),
  ...family(P, 'share', [
    [
      "Of last month's revenue, what percent was card?",
      wants('revenue', nov, { groupBy: 'payment_mode', shareOf: 'Card' }),
    ],
    [
      'Salaries as a percentage of expenses in November',
      wants('expenses', nov, { groupBy: 'expense_head', shareOf: 'Salaries' }),
    ],
    [
      'What fraction of October sales came from snacks, in %?',
      wants('revenue', oct, { groupBy: 'category', shareOf: 'Snacks' }),
    ],
  ]),
  ...family(P, 'typo', [
    ['waht was revnue on 20 novembr', wants('revenue', on('2026-11-20'))],
    ['bils cancled yestreday', wants('void_count', yesterday())],
    ['puchases from nandni dairy last mnth', wants('purchases', nov, { filters: [vendor(NANDINI)] })],
    ['top 3 itms lst 7 days by sale', wants('revenue', lastDays(7), { groupBy: 'item', rank: top(3) })],
  ]),
  ...family(P, 'hinglish', [
    ['kal UPI se kitna collection hua', wants('revenue', yesterday(), { filters: [mode('UPI')] })],
    ['pichhle mahine ka bijli ka bill', wants('expenses', nov, { filters: [head('Electricity')] })],
    ['is hafte kitne cover aaye', wants('covers', thisWeek())],
    [
      'Nandini Dairy ka pichle hafte ka bill kitna tha',
      wants('purchases', lastWeek(), { filters: [vendor(NANDINI)] }),
    ],
  ]),
  ...family(P, 'decline', [
    ['What is my table turnover rate on weekends?', unsupported()],
    ['How much commission did Zomato take from us in November?', unsupported()],
    ['How many online orders did we get on Swiggy yesterday?', unsupported()],
    ['Predict next month revenue', unsupported()],
  ]),
  ...family(P, 'no-data', [
    ['Sales for December 2019', noData(wants('revenue', month(2019, 12)))],
    [
      'How much saffron is in stock?',
      noData(wants('stock_on_hand', now, { filters: [item('Saffron')], snapshot: true })),
    ],
  ]),
];
