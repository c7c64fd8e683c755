// Dates and times as they appear in Indian exports and spreadsheets → ISO YYYY-MM-DD and HH:MM.

/** How to read an ambiguous numeric date such as 03/04/2024: day first (India, default) or month first. */
export type DateOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Excel serials for 1950-01-01 … 2100-12-31: outside this a bare number in a date column is not a date. */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 73415;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:z|[+-]\d{2}:?\d{2}))?`;
/** What may follow a date in the same cell: a time, as in "2024-01-05 13:45:00" or "05/01/2024, 1:45 PM". */
const TAIL = String.raw`(?:(?:t|\s+|,\s*)${TIME})?`;

const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TAIL}$`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TAIL}$`, 'i');
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[-\s/.,]*([a-z]{3,9})\.?[-\s/.,]*(\d{4}|\d{2})${TAIL}$`,
  'i',
);
const MONTH_NAME_DAY = new RegExp(
  String.raw`^([a-z]{3,9})\.?[-\s/]*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4}|\d{2})${TAIL}$`,
  'i',
);
const COMPACT = /^(19\d{2}|20\d{2})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The ISO date for y/m/d, or null when that day does not exist (31 April, 29 Feb 2023). */
function isoDate(year: number, month: number, day: number): string | null {
  const y = fullYear(year);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = month === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > daysInMonth) return null;
  return `${y}-${pad(month)}-${pad(day)}`;
}

/** An Excel serial day number (1900 system) as an ISO date, for serials in a plausible business range. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function fromNumericParts(a: number, b: number, year: number, order: DateOrder): string | null {
  // An impossible month settles the order whatever the file's habit.
  if (a > 12) return isoDate(year, b, a);
  if (b > 12) return isoDate(year, a, b);
  return order === 'dmy' ? isoDate(year, b, a) : isoDate(year, a, b);
}

function fromString(raw: string, order: DateOrder): string | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(s);
  if (m) return fromNumericParts(Number(m[1]), Number(m[2]), Number(m[3]), order);
  m = DAY_MONTH_NAME.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = MONTH_NAME_DAY.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  m = COMPACT.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(s)) return excelSerialToIso(Number(s));
  return null;
}

/**
 * Parses a date cell into ISO YYYY-MM-DD, or null. Accepts ISO, dd/mm/yyyy, dd-mm-yyyy, dd-Mon-yy,
 * dd Mon yyyy, Mon dd, yyyy, yyyymmdd and Excel serials.
 */
export function parseDate(value: string, order: DateOrder = 'dmy'): string | null {
  return fromString(value, order);
}

/** The time of day in a cell ("13:45", "1:45 PM", "2024-01-05T13:45:00") as HH:MM, or null. */
export function parseTime(raw: string): string | null {
  const m =
    /(?:^|[\sT,])(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([ap])?\.?m?\.?(?:\s*(?:z|[+-]\d{2}:?\d{2}))?$/i.exec(
      raw.trim(),
    );
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const meridiem = m[3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** What one cell says about day and month order. */
export type DateClue =
  /** Both parts ≤ 12 and different (03/04/2024): the order changes the date. */
  | 'ambiguous'
  /** Both parts equal (04/04/2024): either order reads the same. */
  | 'same'
  /** Only one order makes a date (13/04/2024 is day first, 04/13/2024 month first). */
  | DateOrder
  /** Not a numeric d/m/y date (ISO, a month name, a serial, or not a date). */
  | undefined;

/** How a cell written d/m/y or m/d/y bears on the file's order. */
export function dateClue(value: string): DateClue {
  const m = NUMERIC.exec(value.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12) return b > 12 ? undefined : 'dmy';
  if (b > 12) return 'mdy';
  return a === b ? 'same' : 'ambiguous';
}
