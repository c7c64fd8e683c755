// The demo café's ingredients: unit, vendor, starting price, delivery rhythm and normal wastage.

export type IngredientUnit = 'kg' | 'L' | 'pcs';

export interface Ingredient {
  name: string;
  unit: IngredientUnit;
  vendor: string;
  /** ₹ per unit at the start of the generated range. */
  basePrice: number;
  /** A delivery every N days (perishables daily). */
  deliveryEveryDays: number;
  /** Deliveries are rounded up to this pack size. */
  pack: number;
  /** Share of the day's usage thrown away on a normal day. */
  wastageRate: number;
}

export const VENDORS = {
  flour: 'Annapoorna Flour Mills',
  grains: 'Kongu Rice & Dal Traders',
  dairy: 'Sri Murugan Dairy',
  coffee: 'Kovai Coffee Curing Works',
  grocery: 'Sakthi Provision Stores',
  oil: 'Tiruppur Oil Depot',
  vegetables: 'Uzhavar Fresh Vegetables',
} as const;

const item = (
  name: string,
  unit: IngredientUnit,
  vendor: string,
  basePrice: number,
  deliveryEveryDays: number,
  pack: number,
  wastageRate: number,
): Ingredient => ({ name, unit, vendor, basePrice, deliveryEveryDays, pack, wastageRate });

export const INGREDIENTS: readonly Ingredient[] = [
  item('maida', 'kg', VENDORS.flour, 42, 3, 5, 0.04),
  item('rava', 'kg', VENDORS.flour, 48, 4, 5, 0.02),
  item('rice', 'kg', VENDORS.grains, 52, 4, 25, 0.015),
  item('urad dal', 'kg', VENDORS.grains, 128, 4, 5, 0.01),
  item('toor dal', 'kg', VENDORS.grains, 148, 5, 5, 0.01),
  item('besan', 'kg', VENDORS.grains, 92, 5, 5, 0.02),
  item('milk', 'L', VENDORS.dairy, 54, 1, 1, 0.02),
  item('curd', 'kg', VENDORS.dairy, 68, 1, 1, 0.03),
  item('ghee', 'kg', VENDORS.dairy, 620, 4, 1, 0.005),
  item('coffee powder', 'kg', VENDORS.coffee, 720, 3, 1, 0.005),
  item('tea powder', 'kg', VENDORS.coffee, 460, 7, 1, 0.005),
  item('sugar', 'kg', VENDORS.grocery, 44, 5, 5, 0.01),
  item('cashew', 'kg', VENDORS.grocery, 860, 7, 1, 0.005),
  item('oil', 'L', VENDORS.oil, 142, 3, 15, 0.01),
  item('onion', 'kg', VENDORS.vegetables, 38, 1, 1, 0.04),
  item('potato', 'kg', VENDORS.vegetables, 32, 1, 1, 0.03),
  item('tomato', 'kg', VENDORS.vegetables, 30, 1, 1, 0.05),
  item('vegetables', 'kg', VENDORS.vegetables, 46, 1, 1, 0.05),
  item('coconut', 'pcs', VENDORS.vegetables, 28, 1, 1, 0.03),
];

export const INGREDIENT_BY_NAME: ReadonlyMap<string, Ingredient> = new Map(
  INGREDIENTS.map((i) => [i.name, i]),
);
