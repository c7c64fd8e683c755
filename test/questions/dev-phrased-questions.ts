// Yet more dev questions in owners' wording, from trying Titan as an owner would: ranges written every way, past
// years, rankings by who sold, suppliers and payees named alone, rates "today", shares as fractions and percents,
// typos and Hinglish. Judged with DEV_WORDED_QUESTIONS by test/core/reader/worded-questions.test.ts.
import { GREEN_BASKET, KAVERI, NANDINI } from './cafe/cafe-book.ts';
import {
  between,
  bottom,
  family,
  head,
  item,
  lastDays,
  lastWeek,
  lastWeekday,
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
  vendor,
  wants,
  year,
  yesterday,
} from './question-spec.ts';

const W = 'dev-phrased';
const nov = month(2026, 11);
const oct = month(2026, 10);
const sep = month(2026, 9);
const mar15 = month(2015, 3);
const now = today();

export const DEV_PHRASED_QUESTIONS: Question[] = [
  ...family(W, 'range', [
    ['sales from 2nd Nov to 8th Nov', wants('revenue', between('2026-11-02', '2026-11-08'))],
    ['revenue 01/11/2026 - 07/11/2026', wants('revenue', between('2026-11-01', '2026-11-07'))],
    ['what did we make between Oct 1 and Oct 15', wants('revenue', between('2026-10-01', '2026-10-15'))],
    ['bills from 1st to 15th of November', wants('bills', between('2026-11-01', '2026-11-15'))],
    ['total revenue 10 Nov through 20 Nov', wants('revenue', between('2026-11-10', '2026-11-20'))],
    ['sales during 5-11 October', wants('revenue', between('2026-10-05', '2026-10-11'))],
    ['expenses from 1 Oct to 31 Oct', wants('expenses', oct)],
    ['revenue from 20th November till today', wants('revenue', between('2026-11-20', now.to))],
    ['sales since 25 November', wants('revenue', between('2026-11-25', now.to))],
    ['purchases between 1/10 and 15/10', wants('purchases', between('2026-10-01', '2026-10-15'))],
  ]),
  ...family(W, 'month', [
    ['Sales for Oct?', wants('revenue', oct)],
    ['what was our turnover in september 2026', wants('revenue', sep)],
    ['revenue for november month', wants('revenue', nov)],
    ['total bills in the month of October', wants('bills', oct)],
    ['expenses for Sept', wants('expenses', sep)],
    ['how much did we spend in October', wants('expenses', oct)],
    ['purchase total November', wants('purchases', nov)],
    ['covers for the month of november', wants('covers', nov)],
    ['gross sales in sep', wants('gross_sales', sep)],
    ['November ka revenue', wants('revenue', nov)],
  ]),
  ...family(W, 'past-year', [
    ['sales for March 2015', wants('revenue', mar15)],
    ['revenue in Mar 2015', wants('revenue', mar15)],
    ['how much did we sell in march of 2015', wants('revenue', mar15)],
    ['bills on 10 March 2015', wants('bills', on('2015-03-10'))],
    ['revenue from 1 Mar 2015 to 15 Mar 2015', wants('revenue', between('2015-03-01', '2015-03-15'))],
    ['1–31 Mar 2015 revenue', wants('revenue', mar15)],
    ['revenue on 14/03/2015', wants('revenue', on('2015-03-14'))],
    ['covers in 2015', wants('covers', year(2015))],
    [
      'which captain had the most sales in March 2015',
      wants('revenue', mar15, { groupBy: 'staff', rank: top(1) }),
    ],
    ['masala dosa sales in March 2015', wants('revenue', mar15, { filters: [item('Masala Dosa')] })],
  ]),
  ...family(W, 'top-n', [
    [
      'what are our best sellers this month',
      wants('items_sold', thisMonth(), { groupBy: 'item', rank: top(5) }),
    ],
    ['most popular item in October', wants('items_sold', oct, { groupBy: 'item', rank: top(1) })],
    ['which dish made the most money last month', wants('revenue', nov, { groupBy: 'item', rank: top(1) })],
    ['highest revenue item yesterday', wants('revenue', yesterday(), { groupBy: 'item', rank: top(1) })],
    ['top 3 items by qty yesterday', wants('items_sold', yesterday(), { groupBy: 'item', rank: top(3) })],
    [
      'worst selling item in November by revenue',
      wants('revenue', nov, { groupBy: 'item', rank: bottom(1) }),
    ],
    ['top vendors by purchases in October', wants('purchases', oct, { groupBy: 'vendor', rank: top(5) })],
    ['who is our top captain this month', wants('revenue', thisMonth(), { groupBy: 'staff', rank: top(1) })],
  ]),
  ...family(W, 'vendor', [
    [
      'how much did we spend at Kaveri Traders last month',
      wants('purchases', nov, { filters: [vendor(KAVERI)] }),
    ],
    ['Nandini Dairy bill this month', wants('purchases', thisMonth(), { filters: [vendor(NANDINI)] })],
    ['total paid to Green Basket in October', wants('purchases', oct, { filters: [vendor(GREEN_BASKET)] })],
    ['amount paid to kaveri last week', wants('purchases', lastWeek(), { filters: [vendor(KAVERI)] })],
    ['vendor wise purchases in October', wants('purchases', oct, { groupBy: 'vendor' })],
    ['purchases from each supplier last month', wants('purchases', nov, { groupBy: 'vendor' })],
    ['how much sugar did we buy last month', wants('purchase_qty', nov, { filters: [item('Sugar')] })],
    ['spend on milk in November', wants('purchases', nov, { filters: [item('Milk')] })],
    ['Kaveri Traders October', wants('purchases', oct, { filters: [vendor(KAVERI)] })],
  ]),
  ...family(W, 'staff', [
    ['how many bills did Anita void last month', wants('void_count', nov, { filters: [staff('Anita')] })],
    ['Ramesh sales yesterday', wants('revenue', yesterday(), { filters: [staff('Ramesh')] })],
    ['sales by staff this week', wants('revenue', thisWeek(), { groupBy: 'staff' })],
    ['voids by captain last week', wants('void_count', lastWeek(), { groupBy: 'staff' })],
    [
      'which captain voided the most bills this month',
      wants('void_count', thisMonth(), { groupBy: 'staff', rank: top(1) }),
    ],
    [
      'how many covers did Farhan serve last week',
      wants('covers', lastWeek(), { filters: [staff('Farhan')] }),
    ],
    ['Suresh cancellations in October', wants('void_count', oct, { filters: [staff('Suresh')] })],
    ['bills by each captain yesterday', wants('bills', yesterday(), { groupBy: 'staff' })],
    ['who sold the most last week', wants('revenue', lastWeek(), { groupBy: 'staff', rank: top(1) })],
    ['how much did Anita sell in November', wants('revenue', nov, { filters: [staff('Anita')] })],
  ]),
  ...family(W, 'rates', [
    ['current rate of sugar', wants('unit_rate_latest', now, { filters: [item('Sugar')], snapshot: true })],
    [
      'what is the price of rice per kg now',
      wants('unit_rate_latest', now, { filters: [item('Rice')], snapshot: true }),
    ],
    [
      'milk rate from Nandini Dairy',
      wants('unit_rate_latest', now, { filters: [item('Milk'), vendor(NANDINI)], snapshot: true }),
    ],
    ['average onion rate last month', wants('unit_rate_avg', nov, { filters: [item('Onion')] })],
    [
      'what was the highest rate for tomato in October',
      wants('unit_rate_max', oct, { filters: [item('Tomato')] }),
    ],
    ['min price of potato last 30 days', wants('unit_rate_min', lastDays(30), { filters: [item('Potato')] })],
    [
      'how much are we paying per kg for onion',
      wants('unit_rate_latest', now, { filters: [item('Onion')], snapshot: true }),
    ],
    [
      'last purchase rate of sunflower oil',
      wants('unit_rate_latest', now, { filters: [item('Sunflower Oil')], snapshot: true }),
    ],
    ['avg price paid for milk in November', wants('unit_rate_avg', nov, { filters: [item('Milk')] })],
    ['rate of paneer today', wants('unit_rate_latest', now, { filters: [item('Paneer')], snapshot: true })],
  ]),
  ...family(W, 'expenses', [
    ['how much was the rent in October', wants('expenses', oct, { filters: [head('Rent')] })],
    ['gas bill in November', wants('expenses', nov, { filters: [head('Gas')] })],
    [
      'what did we spend on electricity in the last 30 days',
      wants('expenses', lastDays(30), { filters: [head('Electricity')] }),
    ],
    ['packaging cost this month', wants('expenses', thisMonth(), { filters: [head('Packaging')] })],
    ['total spend last week', wants('expenses', lastWeek())],
    ['all expenses in October', wants('expenses', oct)],
    ['how much for repairs last month', wants('expenses', nov, { filters: [head('Repairs & Maintenance')] })],
    ['expenses head wise this month', wants('expenses', thisMonth(), { groupBy: 'expense_head' })],
    ['power bill for October', wants('expenses', oct, { filters: [head('Electricity')] })],
  ]),
  ...family(W, 'share', [
    [
      'what percent of revenue was card last week',
      wants('revenue', lastWeek(), { groupBy: 'payment_mode', shareOf: 'Card' }),
    ],
    [
      'share of beverages in revenue last month',
      wants('revenue', nov, { groupBy: 'category', shareOf: 'Beverages' }),
    ],
    [
      'filter coffee as a % of sales in October',
      wants('revenue', oct, { groupBy: 'item', shareOf: 'Filter Coffee' }),
    ],
    [
      'how much of our purchases went to Nandini Dairy last month, in %',
      wants('purchases', nov, { groupBy: 'vendor', shareOf: NANDINI }),
    ],
    [
      'salaries as a percentage of expenses in November',
      wants('expenses', nov, { groupBy: 'expense_head', shareOf: 'Salaries' }),
    ],
    ['UPI share this month', wants('revenue', thisMonth(), { groupBy: 'payment_mode', shareOf: 'UPI' })],
    [
      'what fraction of sales came from snacks last week',
      wants('revenue', lastWeek(), { groupBy: 'category', shareOf: 'Snacks' }),
    ],
    ['cash % yesterday', wants('revenue', yesterday(), { groupBy: 'payment_mode', shareOf: 'Cash' })],
  ]),
  ...family(W, 'typo', [
    ['sales yesterdy', wants('revenue', yesterday())],
    ['revnue last weak', wants('revenue', lastWeek())],
    ['how many bils yesterday', wants('bills', yesterday())],
    ['purchses from kaveri traders last month', wants('purchases', nov, { filters: [vendor(KAVERI)] })],
    ['expnses in november', wants('expenses', nov)],
    ['masla dosa sold last week', wants('items_sold', lastWeek(), { filters: [item('Masala Dosa')] })],
    ['wastge value last month', wants('wastage_value', nov)],
    ['top 3 itmes by qty this month', wants('items_sold', thisMonth(), { groupBy: 'item', rank: top(3) })],
    ['revenu on 21 nov', wants('revenue', on('2026-11-21'))],
  ]),
  ...family(W, 'hinglish', [
    ['aaj kitne bill bane', wants('bills', now)],
    ['kal kitna kharcha hua', noData(wants('expenses', yesterday()))],
    ['pichle mahine ka sale kitna tha', wants('revenue', nov)],
    ['is hafte kitna sale hua', wants('revenue', thisWeek())],
    ['kal cash mein kitna aaya', wants('revenue', yesterday(), { filters: [mode('Cash')] })],
    ['pichle hafte ki bikri', wants('revenue', lastWeek())],
    [
      'Nandini Dairy ko is mahine kitna diya',
      wants('purchases', thisMonth(), { filters: [vendor(NANDINI)] }),
    ],
    ['kal kitni masala dosa biki', wants('items_sold', yesterday(), { filters: [item('Masala Dosa')] })],
    ['pichle 30 din ka kharcha', wants('expenses', lastDays(30))],
    ['cheeni ka rate kya hai', wants('unit_rate_latest', now, { filters: [item('Sugar')], snapshot: true })],
  ]),
  ...family(W, 'relative', [
    ['sales in the last week', wants('revenue', lastDays(7))],
    ['revenue past 7 days', wants('revenue', lastDays(7))],
    ['revenue last 3 days', wants('revenue', lastDays(3))],
    ['sales this month so far', wants('revenue', thisMonth())],
    ['expenses this week', wants('expenses', thisWeek())],
    ['revenue last quarter', wants('revenue', between('2026-07-01', '2026-09-30'))],
    ['sales last Sunday', wants('revenue', on(lastWeekday(0)))],
    ['revenue on Monday', wants('revenue', on(lastWeekday(1)))],
    ['revenue last 60 days', wants('revenue', lastDays(60))],
  ]),
  ...family(W, 'best-worst-day', [
    ['best day last week', wants('revenue', lastWeek(), { groupBy: 'day', rank: top(1) })],
    ['what was our busiest day in November', wants('revenue', nov, { groupBy: 'day', rank: top(1) })],
    [
      'which day of last month had the least revenue',
      wants('revenue', nov, { groupBy: 'day', rank: bottom(1) }),
    ],
    ['peak sales day in the last 7 days', wants('revenue', lastDays(7), { groupBy: 'day', rank: top(1) })],
    ['worst 3 days in October', wants('revenue', oct, { groupBy: 'day', rank: bottom(3) })],
    ['record day this month', wants('revenue', thisMonth(), { groupBy: 'day', rank: top(1) })],
    ['quietest day last week', wants('revenue', lastWeek(), { groupBy: 'day', rank: bottom(1) })],
    ['which day had the most covers in November', wants('covers', nov, { groupBy: 'day', rank: top(1) })],
  ]),
];
