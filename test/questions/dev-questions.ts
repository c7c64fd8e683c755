// The development half of the question suite (75%): questions as owners type them, each with what it must read as.
// Tune the reader against these. The held-out half (held-out-questions.ts) asks the same kinds in other words.
import { GREEN_BASKET, KAVERI, NANDINI, OLD_MONTH, TODAY } from './cafe/cafe-book.ts';
import {
  between,
  bottom,
  category,
  daysAgo,
  daysBefore,
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
  unsupported,
  vendor,
  wants,
  year,
  yesterday,
} from './question-spec.ts';

const P = 'dev';
const nov = month(2026, 11);
const oct = month(2026, 10);
const sep = month(2026, 9);
const mar15 = month(2015, 3);
const now = today();

export const DEV_QUESTIONS: Question[] = [
  ...family(P, 'point-day', [
    ['What were sales on 21 November?', wants('revenue', on('2026-11-21'))],
    ['revenue on 21/11/2026', wants('revenue', on('2026-11-21'))],
    ['How much did we sell on 14th Nov?', wants('revenue', on('2026-11-14'))],
    ['total sales 2026-11-28', wants('revenue', on('2026-11-28'))],
    ['sales on Sunday 29 November', wants('revenue', on('2026-11-29'))],
    ['What was the revenue on 5 Oct?', wants('revenue', on('2026-10-05'))],
    ['How much business did we do on 2nd October?', wants('revenue', on('2026-10-02'))],
    ['Gross sales on 15 November', wants('gross_sales', on('2026-11-15'))],
    ['What did the café make on 1 Dec?', wants('revenue', on('2026-12-01'))],
    ['net sales for 30/11', wants('revenue', on('2026-11-30'))],
    ['How many bills on 22 November?', wants('bills', on('2026-11-22'))],
    ['average bill value on 20 Nov', wants('average_bill', on('2026-11-20'))],
    ['discount given on 7 November', wants('discounts', on('2026-11-07'))],
    ['sales on Nov 25', wants('revenue', on('2026-11-25'))],
  ]),
  ...family(P, 'range', [
    ['Revenue from 1 Nov to 15 Nov', wants('revenue', between('2026-11-01', '2026-11-15'))],
    ['sales between 10th and 20th October', wants('revenue', between('2026-10-10', '2026-10-20'))],
    ['total sales 1-7 November', wants('revenue', between('2026-11-01', '2026-11-07'))],
    [
      'How much did we sell from 16/11/2026 to 22/11/2026?',
      wants('revenue', between('2026-11-16', '2026-11-22')),
    ],
    ['bills from Nov 9 to Nov 15', wants('bills', between('2026-11-09', '2026-11-15'))],
    ['revenue for 20 Oct - 31 Oct', wants('revenue', between('2026-10-20', '2026-10-31'))],
    ['sales from 1st September to 30th September', wants('revenue', sep)],
    [
      'what were the sales between 23rd and 29th November',
      wants('revenue', between('2026-11-23', '2026-11-29')),
    ],
    ['items sold from 1 to 10 Oct', wants('items_sold', between('2026-10-01', '2026-10-10'))],
    ['discounts from 1 Nov till 30 Nov', wants('discounts', nov)],
    ['covers from 15th to 21st November', wants('covers', between('2026-11-15', '2026-11-21'))],
    ['Revenue 25 Oct to 8 Nov', wants('revenue', between('2026-10-25', '2026-11-08'))],
    ['revenue in the first week of November', wants('revenue', between('2026-11-01', '2026-11-07'))],
    ['sales in the last week of October', wants('revenue', between('2026-10-25', '2026-10-31'))],
    ['expenses in the second half of November', wants('expenses', between('2026-11-16', '2026-11-30'))],
  ]),
  ...family(P, 'month', [
    ['revenue in October', wants('revenue', oct)],
    ['November sales', wants('revenue', nov)],
    ['What were total sales for the month of September?', wants('revenue', sep)],
    ['How many bills in October 2026?', wants('bills', oct)],
    ['Oct 2026 revenue', wants('revenue', oct)],
    ['total expenses in November', wants('expenses', nov)],
    ['purchases in October', wants('purchases', oct)],
    ['average bill in November', wants('average_bill', nov)],
    ['how many covers in october', wants('covers', oct)],
    ['discounts in Nov 2026', wants('discounts', nov)],
    ['items sold in September', wants('items_sold', sep)],
    ['what was gross sales for november?', wants('gross_sales', nov)],
  ]),
  ...family(P, 'relative', [
    ['revenue yesterday', wants('revenue', yesterday())],
    ['How much did we sell today?', wants('revenue', now)],
    ['sales last 7 days', wants('revenue', lastDays(7))],
    ['revenue in the last 30 days', wants('revenue', lastDays(30))],
    ['sales this week', wants('revenue', thisWeek())],
    ['What were sales last week?', wants('revenue', lastWeek())],
    ['revenue this month', wants('revenue', thisMonth())],
    ['last month revenue', wants('revenue', nov)],
    ['sales day before yesterday', wants('revenue', on(daysAgo(2)))],
    ['bills in the past 14 days', wants('bills', lastDays(14))],
    ['revenue for the last 2 weeks', wants('revenue', lastDays(14))],
    ['sales since Monday', wants('revenue', thisWeek())],
    ['revenue so far this month', wants('revenue', thisMonth())],
    ['revenue this quarter', wants('revenue', between('2026-10-01', now.to))],
    ['how much have we sold this financial year', wants('revenue', between('2026-04-01', now.to))],
    ['expenses last month', wants('expenses', nov)],
  ]),
  ...family(P, 'past-year', [
    ['revenue in March 2015', wants('revenue', mar15)],
    ['How many bills did we have in March 2015?', wants('bills', mar15)],
    ['sales on 14 March 2015', wants('revenue', on('2015-03-14'))],
    ['what were sales in 2015', wants('revenue', year(2015))],
    ['Top 3 items by revenue in March 2015', wants('revenue', mar15, { groupBy: 'item', rank: top(3) })],
    ['best day in March 2015', wants('revenue', mar15, { groupBy: 'day', rank: top(1) })],
    ['average bill in Mar 2015', wants('average_bill', mar15)],
    [
      'how many filter coffees did we sell in March 2015',
      wants('items_sold', mar15, { filters: [item('Filter Coffee')] }),
    ],
  ]),
  ...family(P, 'top-n', [
    [
      'Top 3 items by revenue in the last 30 days',
      wants('revenue', lastDays(30), { groupBy: 'item', rank: top(3) }),
    ],
    [
      'Which item sold the most plates in the last 7 days?',
      wants('items_sold', lastDays(7), { groupBy: 'item', rank: top(1) }),
    ],
    ['top 5 items by quantity last month', wants('items_sold', nov, { groupBy: 'item', rank: top(5) })],
    [
      'best selling item by revenue this week',
      wants('revenue', thisWeek(), { groupBy: 'item', rank: top(1) }),
    ],
    [
      'What are the 3 least selling items by quantity in November?',
      wants('items_sold', nov, { groupBy: 'item', rank: bottom(3) }),
    ],
    [
      'bottom 2 items by revenue last 30 days',
      wants('revenue', lastDays(30), { groupBy: 'item', rank: bottom(2) }),
    ],
    ['top 2 categories by sales in October', wants('revenue', oct, { groupBy: 'category', rank: top(2) })],
    [
      'which vendor did we buy the most from last month',
      wants('purchases', nov, { groupBy: 'vendor', rank: top(1) }),
    ],
    ['biggest expense head in November', wants('expenses', nov, { groupBy: 'expense_head', rank: top(1) })],
    ['top 3 expense heads last month', wants('expenses', nov, { groupBy: 'expense_head', rank: top(3) })],
    [
      'Which captain had the highest sales last week?',
      wants('revenue', lastWeek(), { groupBy: 'staff', rank: top(1) }),
    ],
    ['top 10 items by revenue in October', wants('revenue', oct, { groupBy: 'item', rank: top(10) })],
    [
      'which payment mode brought the most revenue last month',
      wants('revenue', nov, { groupBy: 'payment_mode', rank: top(1) }),
    ],
    [
      'Which 3 items brought in the most money in the last 14 days?',
      wants('revenue', lastDays(14), { groupBy: 'item', rank: top(3) }),
    ],
  ]),
  ...family(P, 'best-worst-day', [
    ['Which was our best day in November?', wants('revenue', nov, { groupBy: 'day', rank: top(1) })],
    ['worst day last month', wants('revenue', nov, { groupBy: 'day', rank: bottom(1) })],
    ['highest sales day in October', wants('revenue', oct, { groupBy: 'day', rank: top(1) })],
    ['slowest day in the last 30 days', wants('revenue', lastDays(30), { groupBy: 'day', rank: bottom(1) })],
    ['which day had the most bills last week', wants('bills', lastWeek(), { groupBy: 'day', rank: top(1) })],
    ['top 3 days by revenue in November', wants('revenue', nov, { groupBy: 'day', rank: top(3) })],
    ['best day this month', wants('revenue', thisMonth(), { groupBy: 'day', rank: top(1) })],
    [
      'On which day did we get the most covers in October?',
      wants('covers', oct, { groupBy: 'day', rank: top(1) }),
    ],
    ['lowest revenue day last week', wants('revenue', lastWeek(), { groupBy: 'day', rank: bottom(1) })],
    ['best 2 days in the last 14 days', wants('revenue', lastDays(14), { groupBy: 'day', rank: top(2) })],
    [
      'what was our all time high sales day',
      wants('revenue', between(OLD_MONTH.from, TODAY), { groupBy: 'day', rank: top(1) }),
    ],
  ]),
  ...family(P, 'item', [
    [
      'How many masala dosas did we sell last week?',
      wants('items_sold', lastWeek(), { filters: [item('Masala Dosa')] }),
    ],
    ['cold coffee sales in November', wants('revenue', nov, { filters: [item('Cold Coffee')] })],
    ['how many cappuccinos yesterday', wants('items_sold', yesterday(), { filters: [item('Cappuccino')] })],
    [
      'revenue from veg biryani in the last 30 days',
      wants('revenue', lastDays(30), { filters: [item('Veg Biryani')] }),
    ],
    [
      'How much did filter coffee bring in this month?',
      wants('revenue', thisMonth(), { filters: [item('Filter Coffee')] }),
    ],
    ['Number of veg thalis sold in October', wants('items_sold', oct, { filters: [item('Veg Thali')] })],
    ['samosa sales last 7 days', wants('revenue', lastDays(7), { filters: [item('Samosa (2 pcs)')] })],
    [
      'how many brownies did we sell last month',
      wants('items_sold', nov, { filters: [item('Chocolate Brownie')] }),
    ],
    ['paneer wrap revenue last week', wants('revenue', lastWeek(), { filters: [item('Paneer Wrap')] })],
    [
      'How many plates of vada pav on 21 November?',
      wants('items_sold', on('2026-11-21'), { filters: [item('Vada Pav')] }),
    ],
    ['masala chai cups sold yesterday', wants('items_sold', yesterday(), { filters: [item('Masala Chai')] })],
    [
      'revenue from fresh lime soda and cold coffee last month',
      wants('revenue', nov, { filters: [item('Fresh Lime Soda', 'Cold Coffee')] }),
    ],
  ]),
  ...family(P, 'vendor', [
    [
      'What did we pay Kaveri Traders in the last 30 days?',
      wants('purchases', lastDays(30), { filters: [vendor(KAVERI)] }),
    ],
    ['purchases from Nandini Dairy in November', wants('purchases', nov, { filters: [vendor(NANDINI)] })],
    [
      'how much did we buy from Green Basket last week',
      wants('purchases', lastWeek(), { filters: [vendor(GREEN_BASKET)] }),
    ],
    ['purchases by vendor last month', wants('purchases', nov, { groupBy: 'vendor' })],
    ['Total bill from Kaveri Traders in October', wants('purchases', oct, { filters: [vendor(KAVERI)] })],
    [
      'How many litres of milk did we get from Nandini Dairy in November?',
      wants('purchase_qty', nov, { filters: [item('Milk'), vendor(NANDINI)] }),
    ],
    ['Kaveri Traders purchases this month', wants('purchases', thisMonth(), { filters: [vendor(KAVERI)] })],
    [
      'spend with Green Basket Vegetables in the last 14 days',
      wants('purchases', lastDays(14), { filters: [vendor(GREEN_BASKET)] }),
    ],
    [
      'How much rice did we buy from Kaveri Traders last month, in kg?',
      wants('purchase_qty', nov, { filters: [item('Rice'), vendor(KAVERI)] }),
    ],
    ['payments to Nandini Dairy last week', wants('purchases', lastWeek(), { filters: [vendor(NANDINI)] })],
  ]),
  ...family(P, 'staff', [
    [
      'How many bills did Suresh cancel in the last 7 days?',
      wants('void_count', lastDays(7), { filters: [staff('Suresh')] }),
    ],
    ['Sales by Anita yesterday', wants('revenue', yesterday(), { filters: [staff('Anita')] })],
    [
      'how many bills did Farhan ring up last week',
      wants('bills', lastWeek(), { filters: [staff('Farhan')] }),
    ],
    ['revenue by captain last month', wants('revenue', nov, { groupBy: 'staff' })],
    [
      'Who cancelled the most bills last month?',
      wants('void_count', nov, { groupBy: 'staff', rank: top(1) }),
    ],
    ['cancelled bills by staff in the last 30 days', wants('void_count', lastDays(30), { groupBy: 'staff' })],
    ['How much did Ramesh bill this week?', wants('revenue', thisWeek(), { filters: [staff('Ramesh')] })],
    ['value of bills Suresh cancelled in November', wants('void_value', nov, { filters: [staff('Suresh')] })],
    ['discounts given by Anita last month', wants('discounts', nov, { filters: [staff('Anita')] })],
    [
      'average bill for Farhan in the last 30 days',
      wants('average_bill', lastDays(30), { filters: [staff('Farhan')] }),
    ],
  ]),
  ...family(P, 'category', [
    ['beverage sales last week', wants('revenue', lastWeek(), { filters: [category('Beverages')] })],
    [
      'how many snacks did we sell yesterday',
      wants('items_sold', yesterday(), { filters: [category('Snacks')] }),
    ],
    ['sales by category in November', wants('revenue', nov, { groupBy: 'category' })],
    ['desserts revenue this month', wants('revenue', thisMonth(), { filters: [category('Desserts')] })],
    ['Meals sales in October', wants('revenue', oct, { filters: [category('Meals')] })],
    [
      'how many beverages sold in the last 7 days',
      wants('items_sold', lastDays(7), { filters: [category('Beverages')] }),
    ],
    [
      'revenue from snacks and desserts last month',
      wants('revenue', nov, { filters: [category('Snacks', 'Desserts')] }),
    ],
    ['items sold by category last week', wants('items_sold', lastWeek(), { groupBy: 'category' })],
  ]),
  ...family(P, 'payment-mode', [
    ['How much came in through UPI yesterday?', wants('revenue', yesterday(), { filters: [mode('UPI')] })],
    ['cash sales last week', wants('revenue', lastWeek(), { filters: [mode('Cash')] })],
    ['card payments in November', wants('revenue', nov, { filters: [mode('Card')] })],
    ['revenue by payment mode last month', wants('revenue', nov, { groupBy: 'payment_mode' })],
    [
      'how many bills were paid by card in the last 30 days',
      wants('bills', lastDays(30), { filters: [mode('Card')] }),
    ],
    ['UPI collection this month', wants('revenue', thisMonth(), { filters: [mode('UPI')] })],
    ['cash collected on 28 November', wants('revenue', on('2026-11-28'), { filters: [mode('Cash')] })],
    ['total UPI and card sales last week', wants('revenue', lastWeek(), { filters: [mode('UPI', 'Card')] })],
  ]),
  ...family(P, 'counts', [
    ['How many bills yesterday?', wants('bills', yesterday())],
    ['number of covers last week', wants('covers', lastWeek())],
    ['how many guests did we serve on Sunday?', wants('covers', on(lastWeekday(0)))],
    ['how many items did we sell last month', wants('items_sold', nov)],
    ['how many bills were cancelled yesterday', wants('void_count', yesterday())],
    ['number of complimentary bills last month', wants('comp_count', nov)],
    ['value of cancelled bills in the last 30 days', wants('void_value', lastDays(30))],
    ['how much food did we give away free last month', wants('comp_value', nov)],
    ['How many bills in the last 7 days?', wants('bills', lastDays(7))],
    ['total covers this month', wants('covers', thisMonth())],
    ['How many voids this week?', wants('void_count', thisWeek())],
    ['number of bills and average bill last week', wants(['bills', 'average_bill'], lastWeek())],
    ['how many comps in October', wants('comp_count', oct)],
    ['footfall yesterday', wants('covers', yesterday())],
  ]),
  ...family(P, 'stock', [
    ['How much rice is in stock?', wants('stock_on_hand', now, { filters: [item('Rice')], snapshot: true })],
    [
      'how much milk do we have left',
      wants('stock_on_hand', now, { filters: [item('Milk')], snapshot: true }),
    ],
    [
      'closing stock of sugar on 30 November',
      wants('stock_on_hand', on('2026-11-30'), { filters: [item('Sugar')], snapshot: true }),
    ],
    ['paneer stock', wants('stock_on_hand', now, { filters: [item('Paneer')], snapshot: true })],
    [
      'how many kg of onion in the store right now',
      wants('stock_on_hand', now, { filters: [item('Onion')], snapshot: true }),
    ],
    [
      'Coffee powder balance as of yesterday',
      wants('stock_on_hand', yesterday(), { filters: [item('Coffee Powder')], snapshot: true }),
    ],
    [
      'stock of sunflower oil on 15 Nov',
      wants('stock_on_hand', on('2026-11-15'), { filters: [item('Sunflower Oil')], snapshot: true }),
    ],
    [
      'what is the current stock of all items',
      wants('stock_on_hand', now, { groupBy: 'item', snapshot: true }),
    ],
  ]),
  ...family(P, 'rates', [
    [
      'What is the latest rate of rice from Kaveri Traders?',
      wants('unit_rate_latest', now, { filters: [item('Rice'), vendor(KAVERI)], snapshot: true }),
    ],
    [
      'what are we paying for milk per litre now',
      wants('unit_rate_latest', now, { filters: [item('Milk')], snapshot: true }),
    ],
    [
      'highest price we paid for onions in the last 30 days',
      wants('unit_rate_max', lastDays(30), { filters: [item('Onion')] }),
    ],
    ['lowest tomato rate in November', wants('unit_rate_min', nov, { filters: [item('Tomato')] })],
    ['average rate of rice in October', wants('unit_rate_avg', oct, { filters: [item('Rice')] })],
    [
      'What was the average price of sugar per kg last month?',
      wants('unit_rate_avg', nov, { filters: [item('Sugar')] }),
    ],
    ['latest paneer rate', wants('unit_rate_latest', now, { filters: [item('Paneer')], snapshot: true })],
    [
      'max rate for potato in the last 14 days',
      wants('unit_rate_max', lastDays(14), { filters: [item('Potato')] }),
    ],
    [
      'what did Kaveri Traders charge for sunflower oil on the last invoice',
      wants('unit_rate_latest', now, { filters: [item('Sunflower Oil'), vendor(KAVERI)], snapshot: true }),
    ],
    ['cheapest onion price this month', wants('unit_rate_min', thisMonth(), { filters: [item('Onion')] })],
  ]),
  ...family(P, 'expenses', [
    ['electricity bill last month', wants('expenses', nov, { filters: [head('Electricity')] })],
    ['How much rent did we pay in November?', wants('expenses', nov, { filters: [head('Rent')] })],
    ['expenses by head last month', wants('expenses', nov, { groupBy: 'expense_head' })],
    ['gas expense in the last 30 days', wants('expenses', lastDays(30), { filters: [head('Gas')] })],
    [
      'how much did we spend on salaries last month',
      wants('expenses', nov, {
        filters: [head('Salaries')],
        alsoAccept: [{ measures: ['labour'], filters: [] }],
      }),
    ],
    ['total expenses in the last 30 days', wants('expenses', lastDays(30))],
    [
      'repairs and maintenance cost in October',
      wants('expenses', oct, { filters: [head('Repairs & Maintenance')] }),
    ],
    ['packaging spend last week', wants('expenses', lastWeek(), { filters: [head('Packaging')] })],
    ['housekeeping expenses in November', wants('expenses', nov, { filters: [head('Housekeeping')] })],
    ['What did we pay BESCOM in October?', wants('expenses', oct, { filters: [vendor('BESCOM')] })],
  ]),
  ...family(P, 'wastage', [
    ['How much milk did we waste last week?', wants('wastage_qty', lastWeek(), { filters: [item('Milk')] })],
    ['wastage value last month', wants('wastage_value', nov)],
    [
      'Which item had the highest wastage in rupees in the last 30 days?',
      wants('wastage_value', lastDays(30), { groupBy: 'item', rank: top(1) }),
    ],
    [
      'how many kg of tomato were wasted yesterday',
      wants('wastage_qty', yesterday(), { filters: [item('Tomato')] }),
    ],
    ['wastage by item last week in ₹', wants('wastage_value', lastWeek(), { groupBy: 'item' })],
    ['paneer wastage in kg in November', wants('wastage_qty', nov, { filters: [item('Paneer')] })],
  ]),
  ...family(P, 'comparison', [
    [
      'Compare revenue in the last 7 days with the 7 days before',
      wants('revenue', lastDays(7), { compare: daysBefore(lastDays(7), 7) }),
    ],
    ['November revenue vs October', wants('revenue', nov, { compare: oct })],
    [
      "How do yesterday's sales compare with the same day last week?",
      wants('revenue', yesterday(), { compare: on(daysAgo(8)) }),
    ],
    [
      'bills last 30 days vs previous 30 days',
      wants('bills', lastDays(30), { compare: daysBefore(lastDays(30), 30) }),
    ],
    ['expenses in November compared to October', wants('expenses', nov, { compare: oct })],
    ['revenue on 28 Nov vs 21 Nov', wants('revenue', on('2026-11-28'), { compare: on('2026-11-21') })],
    [
      'last week vs the week before: sales',
      wants('revenue', lastWeek(), { compare: daysBefore(lastWeek(), 7) }),
    ],
    [
      'compare purchases from Kaveri Traders in November with October',
      wants('purchases', nov, { filters: [vendor(KAVERI)], compare: oct }),
    ],
    [
      'average bill in the last 14 days compared with the 14 days before that',
      wants('average_bill', lastDays(14), { compare: daysBefore(lastDays(14), 14) }),
    ],
    [
      'Cold coffee sales last month vs the month before',
      wants('revenue', nov, { filters: [item('Cold Coffee')], compare: oct }),
    ],
  ]),
  ...family(P, 'share', [
    [
      'What share of revenue came from UPI last month?',
      wants('revenue', nov, { groupBy: 'payment_mode', shareOf: 'UPI' }),
    ],
    [
      'What % of sales were beverages in November?',
      wants('revenue', nov, { groupBy: 'category', shareOf: 'Beverages' }),
    ],
    [
      'percentage of revenue from cold coffee in the last 30 days',
      wants('revenue', lastDays(30), { groupBy: 'item', shareOf: 'Cold Coffee' }),
    ],
    [
      'share of rent in total expenses last month',
      wants('expenses', nov, { groupBy: 'expense_head', shareOf: 'Rent' }),
    ],
    [
      'how much of our sales is cash, in percent, last week',
      wants('revenue', lastWeek(), { groupBy: 'payment_mode', shareOf: 'Cash' }),
    ],
    [
      'Kaveri Traders share of purchases in October',
      wants('purchases', oct, { groupBy: 'vendor', shareOf: KAVERI }),
    ],
    [
      'what percentage of revenue did Anita bring in last month',
      wants('revenue', nov, { groupBy: 'staff', shareOf: 'Anita' }),
    ],
    [
      'share of meals in sales this month',
      wants('revenue', thisMonth(), { groupBy: 'category', shareOf: 'Meals' }),
    ],
  ]),
  ...family(P, 'typo', [
    ['reveneu yestrday', wants('revenue', yesterday())],
    ['totla sales lst week', wants('revenue', lastWeek())],
    ['hw many bils on 21 nov', wants('bills', on('2026-11-21'))],
    ['Kavery Traders payment last 30 days', wants('purchases', lastDays(30), { filters: [vendor(KAVERI)] })],
    ['top 5 itmes by revnue last month', wants('revenue', nov, { groupBy: 'item', rank: top(5) })],
    ['how much rce in stok', wants('stock_on_hand', now, { filters: [item('Rice')], snapshot: true })],
    ['cappucino sold yesterday', wants('items_sold', yesterday(), { filters: [item('Cappuccino')] })],
    ['sales on 21 novmber', wants('revenue', on('2026-11-21'))],
    ['elecricity bill last mnth', wants('expenses', nov, { filters: [head('Electricity')] })],
    [
      'cancelled bils by suresh last 7 days',
      wants('void_count', lastDays(7), { filters: [staff('Suresh')] }),
    ],
    ['revenu in octobr', wants('revenue', oct)],
    ['avg bil value last wk', wants('average_bill', lastWeek())],
  ]),
  ...family(P, 'hinglish', [
    ['kal ka sale kitna tha?', wants('revenue', yesterday())],
    ['aaj ka sale kitna hua', wants('revenue', now)],
    ['pichle 7 din ka sale batao', wants('revenue', lastDays(7))],
    ['is mahine ka total kharcha kitna hai', wants('expenses', thisMonth())],
    [
      'Kaveri Traders ko pichle mahine kitna paisa diya',
      wants('purchases', nov, { filters: [vendor(KAVERI)] }),
    ],
    [
      'chawal kitna bacha hai stock mein',
      wants('stock_on_hand', now, { filters: [item('Rice')], snapshot: true }),
    ],
    ['kal kitne bill bane', wants('bills', yesterday())],
    [
      'pichle hafte sabse zyada kaunsa item bika',
      wants('items_sold', lastWeek(), { groupBy: 'item', rank: top(1) }),
    ],
    [
      'Suresh ne pichle 7 din mein kitne bill cancel kiye',
      wants('void_count', lastDays(7), { filters: [staff('Suresh')] }),
    ],
    ['November mein UPI se kitna aaya', wants('revenue', nov, { filters: [mode('UPI')] })],
    [
      'doodh ka latest rate kya hai',
      wants('unit_rate_latest', now, { filters: [item('Milk')], snapshot: true }),
    ],
    ['parso ka sale', wants('revenue', on(daysAgo(2)))],
  ]),
  ...family(P, 'decline', [
    ['table turnover time', unsupported()],
    ['delivery commission last month', unsupported()],
    ['How much did Swiggy pay us last week?', unsupported()],
    ['what is our customer satisfaction score', unsupported()],
    ['how many new customers came this month', unsupported()],
    ['average delivery time yesterday', unsupported()],
    ['GST payable for November', unsupported()],
    ['what will our sales be next week?', unsupported()],
    ['How many tables were occupied at 8 pm yesterday?', unsupported()],
    ['what is the weather tomorrow', unsupported()],
    ['staff attendance last week', unsupported()],
    ['Google review rating this month', unsupported()],
    // Periods that share days: a change between them would count those days twice.
    ['revenue this week vs the last 7 days', unsupported()],
    ['sales in November compared with the last 30 days', unsupported()],
  ]),
  ...family(P, 'no-data', [
    ['revenue in April 2015', noData(wants('revenue', month(2015, 4)))],
    ['sales in June 2020', noData(wants('revenue', month(2020, 6)))],
    ['revenue on 15 August 2026', noData(wants('revenue', on('2026-08-15')))],
    [
      'what did we pay Metro Cash and Carry last month',
      noData(wants('purchases', nov, { filters: [vendor('Metro Cash and Carry')] })),
    ],
    [
      'how many pizzas did we sell yesterday',
      noData(wants('items_sold', yesterday(), { filters: [item('Pizza')] })),
    ],
    [
      'electricity bill for August',
      noData(wants('expenses', month(2026, 8), { filters: [head('Electricity')] })),
    ],
    ['what was revenue in March?', noData(wants('revenue', month(2026, 3)))],
  ]),
];

/**
 * More dev questions, worded the many ways owners type: word order, chat and politeness, synonyms, Indian English,
 * abbreviations (yday, tdy, lw, mtd, avg, qty, amt), misspellings, Hinglish and Tamil-English, superlatives with and
 * without a count, "sold" with and without a money or quantity word, loose comparisons, and what must be declined.
 * They are judged by test/core/reader/worded-questions.test.ts, not added to DEV_QUESTIONS: the suite keeps its
 * dev half at three quarters of all questions, and the held-out half is not ours to grow.
 */
const W = 'dev-worded';
export const DEV_WORDED_QUESTIONS: Question[] = [
  ...family(W, 'month', [
    ["October's revenue", wants('revenue', oct)],
    ['revenue for the month of October', wants('revenue', oct)],
    ['how much business did we do in Oct', wants('revenue', oct)],
    ['how much business in oct month', wants('revenue', oct)],
    ['Pls share the turnover for Nov', wants('revenue', nov)],
    ['kindly give total collection for september month', wants('revenue', sep)],
  ]),
  ...family(W, 'relative', [
    ["hey titan can you tell me yesterday's sales", wants('revenue', yesterday())],
    ['pls share tdy sales', wants('revenue', now)],
    ['what is the sale of today', wants('revenue', now)],
    ['kindly give the collection of yday', wants('revenue', yesterday())],
    ['takings lw', wants('revenue', lastWeek())],
    ['mtd revenue', wants('revenue', thisMonth())],
    ['sales mtd pls', wants('revenue', thisMonth())],
    ['month to date sales', wants('revenue', thisMonth())],
    ['ytd sales', wants('revenue', between('2026-01-01', now.to))],
    ['turnover this month so far', wants('revenue', thisMonth())],
    ['what was the total amt of sales yesterday', wants('revenue', yesterday())],
    ['how much did we sell lw', wants('revenue', lastWeek())],
    ['expenses mtd', wants('expenses', thisMonth())],
    ['sales last mnth', wants('revenue', nov)],
    ['yest sales', wants('revenue', yesterday())],
  ]),
  ...family(W, 'counts', [
    ['avg bill value mtd', wants('average_bill', thisMonth())],
    ['qty sold yday', wants('items_sold', yesterday())],
    ['how many items did we sell tdy', wants('items_sold', now)],
    ['no. of bills tdy', wants('bills', now)],
    ['total no of guests lw', wants('covers', lastWeek())],
    ['avg order value yday', wants('average_bill', yesterday())],
  ]),
  ...family(W, 'best-worst-day', [
    ['which day had the lowest sales last month', wants('revenue', nov, { groupBy: 'day', rank: bottom(1) })],
    [
      'which was the worst day for sales in october',
      wants('revenue', oct, { groupBy: 'day', rank: bottom(1) }),
    ],
    ['top 2 days lw', wants('revenue', lastWeek(), { groupBy: 'day', rank: top(2) })],
    ['Show me the 3 best days in Oct', wants('revenue', oct, { groupBy: 'day', rank: top(3) })],
    ['highest billing day this month', wants('revenue', thisMonth(), { groupBy: 'day', rank: top(1) })],
  ]),
  ...family(W, 'top-n', [
    ['lowest selling items last week', wants('items_sold', lastWeek(), { groupBy: 'item', rank: bottom(5) })],
    ['top selling item yday', wants('items_sold', yesterday(), { groupBy: 'item', rank: top(1) })],
    ['which item sold the least last month', wants('items_sold', nov, { groupBy: 'item', rank: bottom(1) })],
    ['top 3 dishes by qty this month', wants('items_sold', thisMonth(), { groupBy: 'item', rank: top(3) })],
    [
      'our top 3 sellers last week by amount',
      wants('revenue', lastWeek(), { groupBy: 'item', rank: top(3) }),
    ],
    [
      'which category sold the most in November by value',
      wants('revenue', nov, { groupBy: 'category', rank: top(1) }),
    ],
    ['most sold item last 7 days', wants('items_sold', lastDays(7), { groupBy: 'item', rank: top(1) })],
  ]),
  ...family(W, 'item', [
    ['masala dosa sold yesterday', wants('items_sold', yesterday(), { filters: [item('Masala Dosa')] })],
    [
      'sold qty of masala dosa this week',
      wants('items_sold', thisWeek(), { filters: [item('Masala Dosa')] }),
    ],
    ['cold coffee sales amt last week', wants('revenue', lastWeek(), { filters: [item('Cold Coffee')] })],
    ['how many filter coffee sold tdy', wants('items_sold', now, { filters: [item('Filter Coffee')] })],
  ]),
  ...family(W, 'payment-mode', [
    ['how much cash came in yday', wants('revenue', yesterday(), { filters: [mode('Cash')] })],
    ['upi amt last mnth', wants('revenue', nov, { filters: [mode('UPI')] })],
  ]),
  ...family(W, 'staff', [
    ["Anita's sales last week", wants('revenue', lastWeek(), { filters: [staff('Anita')] })],
  ]),
  ...family(W, 'vendor', [
    [
      'what is the purchase amt from Kaveri Traders this month',
      wants('purchases', thisMonth(), { filters: [vendor(KAVERI)] }),
    ],
    [
      'milk qty bought from Nandini Dairy last week',
      wants('purchase_qty', lastWeek(), { filters: [item('Milk'), vendor(NANDINI)] }),
    ],
  ]),
  ...family(W, 'rates', [
    ['avg rate of sugar last mnth', wants('unit_rate_avg', nov, { filters: [item('Sugar')] })],
    [
      'wat is the latest milk rate',
      wants('unit_rate_latest', now, { filters: [item('Milk')], snapshot: true }),
    ],
  ]),
  ...family(W, 'stock', [
    ['rice stock tdy', wants('stock_on_hand', now, { filters: [item('Rice')], snapshot: true })],
  ]),
  ...family(W, 'wastage', [
    ['wastage amt lw', wants('wastage_value', lastWeek())],
    [
      'how much tomato got wasted last week in kg',
      wants('wastage_qty', lastWeek(), { filters: [item('Tomato')] }),
    ],
  ]),
  ...family(W, 'comparison', [
    ['sales today vs yesterday', wants('revenue', now, { compare: yesterday() })],
    ['bills lw vs the week before', wants('bills', lastWeek(), { compare: daysBefore(lastWeek(), 7) })],
    ['yday sales vs day before', wants('revenue', yesterday(), { compare: on(daysAgo(2)) })],
  ]),
  ...family(W, 'share', [
    [
      'what % of takings was cash last month',
      wants('revenue', nov, { groupBy: 'payment_mode', shareOf: 'Cash' }),
    ],
  ]),
  ...family(W, 'typo', [
    ['yesterdays salse', wants('revenue', yesterday())],
    ['revnue for novembr', wants('revenue', nov)],
    ['avrage bill value last month', wants('average_bill', nov)],
    ['how many covres yesterday', wants('covers', yesterday())],
  ]),
  ...family(W, 'hinglish', [
    ['kal ki bikri kitni thi', wants('revenue', yesterday())],
    ['is hafte ka sale kitna hai', wants('revenue', thisWeek())],
    ['pichle mahine kitne bills bane', wants('bills', nov)],
    ['nethu sales evlo', wants('revenue', yesterday())],
    ['pona maasam selavu evlo', wants('expenses', nov)],
    ['innaiku varumanam evlo', wants('revenue', now)],
  ]),
  ...family(W, 'decline', [
    ['profit mtd', unsupported()],
    ['how many swiggy orders yday', unsupported()],
    ['sales tmrw', unsupported()],
    ['how much footfall did we get lw', unsupported()],
    ['net profit yesterday', unsupported()],
    ["what's the GST on yday sales", unsupported()],
    ['zomato commission lw', unsupported()],
    ['how are we vs last month', unsupported()],
  ]),
];
