// Three made-up Get Orders bills of one café day (2025-04-04), the fake Petpooja's default: a plain bill, one with
// an order-level discount spread over its lines, and one paid part in cash, part by UPI. 7 lines, ₹1,214 net.
const restaurant = { res_name: 'Titan Test Café', address: 'Ahmedabad', restID: 'cp81ghin' };

const bill = (order: Record<string, unknown>, items: Record<string, unknown>[], discount: number) => ({
  Restaurant: restaurant,
  Customer: { name: '', phone: '' },
  Order: {
    customer_invoice_id: String(order.orderID),
    order_type: 'Dine In',
    no_of_persons: 0,
    discount_total: discount,
    tax_total: 0,
    core_total: items.reduce((s, i) => s + Number(i.total), 0),
    order_from: 'POS',
    status: 'Success',
    ...order,
  },
  Tax: [],
  Discount: discount ? [{ title: 'Regulars 10%', type: 'P', rate: 10, amount: discount }] : [],
  OrderItem: items,
});

const item = (name: string, category: string, price: number, quantity: number) => ({
  name,
  category_name: category,
  price,
  quantity,
  total: price * quantity,
  addon: [],
});

/** Fresh copies each call, so a test may change its own. */
export function sampleOrders(): Record<string, unknown>[] {
  return [
    // 240 + 120 + 90 = 450
    bill(
      { orderID: 201, payment_type: 'Cash', table_no: 'T4', created_on: '2025-04-04 08:15:10', total: 450 },
      [
        item('Masala Dosa', 'South Indian', 120, 2),
        item('Filter Coffee', 'Beverages', 40, 3),
        item('Medu Vada', 'South Indian', 90, 1),
      ],
      0,
    ),
    // 460 − 46 = 414, the discount spread 28 + 18 over the lines
    bill(
      { orderID: 202, payment_type: 'Card', table_no: 'T2', created_on: '2025-04-04 13:02:45', total: 414 },
      [item('Paneer Butter Masala', 'Mains', 280, 1), item('Butter Naan', 'Breads', 45, 4)],
      46,
    ),
    // 300 + 50 = 350, paid 200 cash + 150 UPI
    bill(
      {
        orderID: 203,
        payment_type: 'Part Payment',
        part_payments: [
          { payment_type: 'Cash', amount: 200 },
          { payment_type: 'UPI', amount: 150 },
        ],
        table_no: 'T7',
        created_on: '2025-04-04 20:31:05',
        total: 350,
      },
      [item('Veg Thali', 'Mains', 150, 2), item('Sweet Lassi', 'Beverages', 50, 1)],
      0,
    ),
  ];
}
