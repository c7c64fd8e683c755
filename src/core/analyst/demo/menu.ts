// The demo café's menu: 58 South-Indian items in seven categories, with dayparts, popularity and recipes.

export type MenuCategory = 'dosa' | 'idli' | 'vada' | 'meals' | 'beverages' | 'snacks' | 'sweets';
export type Daypart = 'breakfast' | 'lunch' | 'tiffin' | 'dinner';

/** Ingredient name → quantity used per portion sold (in the ingredient's unit). */
export type Recipe = Readonly<Record<string, number>>;

export interface MenuItem {
  name: string;
  category: MenuCategory;
  /** ₹ per portion. */
  price: number;
  /** Relative chance of being ordered within a daypart where it is served. */
  popularity: number;
  dayparts: readonly Daypart[];
  recipe: Recipe;
}

/** Adds recipes component-wise (a masala dosa is batter + filling + sides). */
function mix(...parts: Recipe[]): Recipe {
  const out: Record<string, number> = {};
  for (const part of parts) {
    for (const [ingredient, qty] of Object.entries(part)) {
      out[ingredient] = Math.round(((out[ingredient] ?? 0) + qty) * 10_000) / 10_000;
    }
  }
  return out;
}

const DOSA_BATTER: Recipe = { rice: 0.07, 'urad dal': 0.022, oil: 0.012 };
const IDLI_BATTER: Recipe = { rice: 0.08, 'urad dal': 0.024 };
const SAMBAR: Recipe = { 'toor dal': 0.016, vegetables: 0.03, tomato: 0.012, onion: 0.01, oil: 0.004 };
const CHUTNEY: Recipe = { coconut: 0.09, onion: 0.004 };
const SIDES = mix(SAMBAR, CHUTNEY);
const POTATO_MASALA: Recipe = { potato: 0.085, onion: 0.03, oil: 0.006 };
const VADA: Recipe = { 'urad dal': 0.04, onion: 0.008, oil: 0.018 };
const PAROTTA: Recipe = { maida: 0.085, oil: 0.012 };
const KURMA: Recipe = { vegetables: 0.06, coconut: 0.08, onion: 0.02, tomato: 0.02, oil: 0.008 };
const MEAL_RICE: Recipe = { rice: 0.2 };
const COFFEE: Recipe = { milk: 0.1, 'coffee powder': 0.006, sugar: 0.012 };
const TEA: Recipe = { milk: 0.09, 'tea powder': 0.004, sugar: 0.012 };

const ALL_DAY: readonly Daypart[] = ['breakfast', 'lunch', 'tiffin', 'dinner'];
const TIFFIN: readonly Daypart[] = ['breakfast', 'tiffin', 'dinner'];
const SNACK_TIME: readonly Daypart[] = ['tiffin'];
const LUNCH: readonly Daypart[] = ['lunch'];
const PAROTTA_TIME: readonly Daypart[] = ['lunch', 'tiffin', 'dinner'];

const m = (
  name: string,
  category: MenuCategory,
  price: number,
  popularity: number,
  dayparts: readonly Daypart[],
  recipe: Recipe,
): MenuItem => ({ name, category, price, popularity, dayparts, recipe });

export const MENU: readonly MenuItem[] = [
  m('Plain Dosa', 'dosa', 60, 8, TIFFIN, mix(DOSA_BATTER, SIDES)),
  m('Masala Dosa', 'dosa', 85, 12, TIFFIN, mix(DOSA_BATTER, POTATO_MASALA, SIDES)),
  m('Ghee Roast', 'dosa', 110, 9, TIFFIN, mix(DOSA_BATTER, { ghee: 0.025 }, SIDES)),
  m('Onion Dosa', 'dosa', 80, 5, TIFFIN, mix(DOSA_BATTER, { onion: 0.05 }, SIDES)),
  m('Rava Dosa', 'dosa', 90, 6, TIFFIN, mix({ rava: 0.05, maida: 0.02, oil: 0.015 }, SIDES)),
  m(
    'Onion Rava Dosa',
    'dosa',
    100,
    4,
    TIFFIN,
    mix({ rava: 0.05, maida: 0.02, onion: 0.05, oil: 0.015 }, SIDES),
  ),
  m('Paper Roast', 'dosa', 95, 4, TIFFIN, mix(DOSA_BATTER, DOSA_BATTER, SIDES)),
  m('Podi Dosa', 'dosa', 80, 3, TIFFIN, mix(DOSA_BATTER, { 'urad dal': 0.008, oil: 0.01 }, SIDES)),
  m('Ghee Podi Dosa', 'dosa', 105, 3, TIFFIN, mix(DOSA_BATTER, { 'urad dal': 0.008, ghee: 0.02 }, SIDES)),
  m('Set Dosa', 'dosa', 75, 3, TIFFIN, mix(DOSA_BATTER, DOSA_BATTER, { vegetables: 0.04 }, SAMBAR)),
  m('Mysore Masala Dosa', 'dosa', 100, 4, TIFFIN, mix(DOSA_BATTER, POTATO_MASALA, { tomato: 0.02 }, SIDES)),
  m('Onion Uttapam', 'dosa', 85, 4, TIFFIN, mix(DOSA_BATTER, DOSA_BATTER, { onion: 0.06 }, SIDES)),
  m('Tomato Uttapam', 'dosa', 85, 0.5, TIFFIN, mix(DOSA_BATTER, DOSA_BATTER, { tomato: 0.06 }, SIDES)),
  m('Idli (2 pcs)', 'idli', 40, 14, TIFFIN, mix(IDLI_BATTER, SIDES)),
  m('Sambar Idli', 'idli', 55, 5, TIFFIN, mix(IDLI_BATTER, SAMBAR, SAMBAR)),
  m('Ghee Podi Idli', 'idli', 65, 4, TIFFIN, mix(IDLI_BATTER, { ghee: 0.015, 'urad dal': 0.006 }, CHUTNEY)),
  m('Mini Idli Sambar', 'idli', 65, 3, TIFFIN, mix(IDLI_BATTER, SAMBAR, SAMBAR)),
  m('Rava Idli', 'idli', 55, 2, TIFFIN, mix({ rava: 0.07, curd: 0.02, oil: 0.005 }, SIDES)),
  m(
    'Kanchipuram Idli',
    'idli',
    60,
    0.4,
    ['breakfast'],
    mix(IDLI_BATTER, { ghee: 0.008, cashew: 0.003 }, SIDES),
  ),
  m('Medu Vada', 'vada', 35, 12, TIFFIN, mix(VADA, CHUTNEY)),
  m('Sambar Vada', 'vada', 50, 5, TIFFIN, mix(VADA, SAMBAR, SAMBAR)),
  m('Curd Vada', 'vada', 55, 3, TIFFIN, mix(VADA, { curd: 0.1 })),
  m('Rasam Vada', 'vada', 50, 0.5, TIFFIN, mix(VADA, { tomato: 0.04, 'toor dal': 0.01 })),
  m('Masala Vada', 'vada', 35, 4, SNACK_TIME, { besan: 0.01, 'toor dal': 0.035, onion: 0.02, oil: 0.018 }),
  m('Ven Pongal', 'meals', 65, 8, ['breakfast'], mix({ rice: 0.09, 'toor dal': 0.03, ghee: 0.012 }, SIDES)),
  m('South Indian Meals', 'meals', 130, 14, LUNCH, mix(MEAL_RICE, SAMBAR, SAMBAR, KURMA, { curd: 0.06 })),
  m('Mini Meals', 'meals', 95, 8, LUNCH, mix(MEAL_RICE, SAMBAR, { curd: 0.04, vegetables: 0.04 })),
  m('Curd Rice', 'meals', 65, 6, LUNCH, mix({ rice: 0.13, curd: 0.16, oil: 0.003 })),
  m('Sambar Rice', 'meals', 75, 5, LUNCH, mix({ rice: 0.13 }, SAMBAR, SAMBAR, { ghee: 0.005 })),
  m('Lemon Rice', 'meals', 65, 3, LUNCH, { rice: 0.14, oil: 0.012, 'urad dal': 0.004 }),
  m('Tomato Rice', 'meals', 70, 3, LUNCH, { rice: 0.14, tomato: 0.07, onion: 0.02, oil: 0.012 }),
  m(
    'Bisibelebath',
    'meals',
    85,
    4,
    LUNCH,
    mix({ rice: 0.11, 'toor dal': 0.04, vegetables: 0.05, ghee: 0.01 }),
  ),
  m('Filter Coffee', 'beverages', 30, 30, ALL_DAY, COFFEE),
  m('Tea', 'beverages', 22, 16, ALL_DAY, TEA),
  m('Ginger Tea', 'beverages', 28, 5, ALL_DAY, TEA),
  m('Badam Milk', 'beverages', 50, 3, ALL_DAY, { milk: 0.2, sugar: 0.02, cashew: 0.005 }),
  m('Boost', 'beverages', 40, 3, ALL_DAY, { milk: 0.18, sugar: 0.01 }),
  m('Hot Milk', 'beverages', 30, 2, ALL_DAY, { milk: 0.2, sugar: 0.012 }),
  m('Buttermilk', 'beverages', 25, 6, LUNCH, { curd: 0.08 }),
  m('Sweet Lassi', 'beverages', 55, 2, PAROTTA_TIME, { curd: 0.2, sugar: 0.03 }),
  m('Rose Milk', 'beverages', 45, 2, PAROTTA_TIME, { milk: 0.2, sugar: 0.025 }),
  m('Onion Bajji', 'snacks', 40, 6, SNACK_TIME, { besan: 0.04, onion: 0.06, oil: 0.02 }),
  m('Potato Bajji', 'snacks', 40, 4, SNACK_TIME, { besan: 0.04, potato: 0.06, oil: 0.02 }),
  m('Mysore Bonda', 'snacks', 40, 5, SNACK_TIME, { maida: 0.05, curd: 0.02, oil: 0.02 }),
  m('Samosa', 'snacks', 20, 6, SNACK_TIME, { maida: 0.025, potato: 0.04, oil: 0.012 }),
  m('Veg Puff', 'snacks', 25, 4, SNACK_TIME, { maida: 0.035, vegetables: 0.03, ghee: 0.004 }),
  m('Onion Pakoda', 'snacks', 45, 3, SNACK_TIME, { besan: 0.05, onion: 0.05, oil: 0.022 }),
  m('Parotta (2 pcs)', 'snacks', 70, 10, PAROTTA_TIME, mix(PAROTTA, PAROTTA, KURMA)),
  m(
    'Veg Kothu Parotta',
    'snacks',
    110,
    5,
    PAROTTA_TIME,
    mix(PAROTTA, PAROTTA, { onion: 0.04, vegetables: 0.06 }),
  ),
  m('Chilli Parotta', 'snacks', 115, 3, PAROTTA_TIME, mix(PAROTTA, PAROTTA, { onion: 0.04, tomato: 0.03 })),
  m('Chapathi Kurma', 'snacks', 75, 3, PAROTTA_TIME, mix({ maida: 0.03, oil: 0.006 }, KURMA)),
  m('Veg Noodles', 'snacks', 95, 1, ['dinner'], { maida: 0.1, vegetables: 0.08, oil: 0.02 }),
  m('Rava Kesari', 'sweets', 45, 5, ALL_DAY, { rava: 0.04, sugar: 0.04, ghee: 0.012, cashew: 0.003 }),
  m('Semiya Payasam', 'sweets', 50, 3, ALL_DAY, { milk: 0.15, sugar: 0.03, maida: 0.02, cashew: 0.004 }),
  m('Mysore Pak', 'sweets', 35, 2, ALL_DAY, { besan: 0.02, ghee: 0.02, sugar: 0.03 }),
  m('Badam Halwa', 'sweets', 70, 0.3, ALL_DAY, { cashew: 0.015, sugar: 0.04, ghee: 0.02, milk: 0.05 }),
  m('Sweet Pongal', 'sweets', 55, 2, ['breakfast'], { rice: 0.06, sugar: 0.05, ghee: 0.012, cashew: 0.004 }),
  m('Gulab Jamun', 'sweets', 40, 3, ALL_DAY, { maida: 0.02, milk: 0.08, sugar: 0.04, oil: 0.01 }),
];
