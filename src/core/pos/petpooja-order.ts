// The shape of a Petpooja order (Order, OrderItem, Discount), validated at the boundary; numbers may arrive as text.
import { z } from 'zod';

const amount = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const text = z.union([z.string(), z.number().transform(String)]);

const orderItem = z.object({
  name: z.string().min(1),
  category_name: z.string().optional(),
  price: amount,
  quantity: amount,
  /** price × quantity before discount; addons are not part of it (core_total = Σ item totals). */
  total: amount.optional(),
  discount: amount.optional(),
});

const order = z.object({
  orderID: text,
  /** Local (restaurant) time, "YYYY-MM-DD HH:MM:SS". */
  created_on: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'a "YYYY-MM-DD HH:MM:SS" time'),
  payment_type: z.string().optional(),
  /** "Dine In", "Delivery", "Pick Up"…, as the POS names how the order was served. */
  order_type: z.string().optional(),
  part_payments: z.array(z.object({ payment_type: z.string(), amount })).optional(),
  status: z.string().optional(),
  discount_total: amount.optional(),
  no_of_persons: amount.optional(),
  biller: z.string().optional(),
  assignee: z.string().optional(),
});

export const petpoojaOrderSchema = z.object({
  Order: order,
  OrderItem: z.array(orderItem).default([]),
  Discount: z.array(z.object({ title: z.string().optional(), amount })).default([]),
});

export type PetpoojaOrder = z.infer<typeof petpoojaOrderSchema>;

/** Orders arrive bare (Get Orders) or wrapped in `properties` (order push); both carry the same fields. */
export function parsePetpoojaOrder(raw: unknown): PetpoojaOrder | null {
  const inner =
    typeof raw === 'object' && raw !== null && 'properties' in raw
      ? (raw as { properties: unknown }).properties
      : raw;
  const parsed = petpoojaOrderSchema.safeParse(inner);
  return parsed.success ? parsed.data : null;
}

/** The business day of an order: the date part of created_on. */
export const orderDate = (o: PetpoojaOrder): string => o.Order.created_on.slice(0, 10);
