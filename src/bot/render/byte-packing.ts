// Fills size-limited messages with items in order, by their JSON bytes: what does not fit moves on, nothing is dropped.

/** The bytes an item adds to a JSON array (its own JSON and a comma). */
export const jsonBytes = (item: unknown): number => Buffer.byteLength(JSON.stringify(item)) + 1;

/** The longest leading run of `items` that fits in `room` bytes, and the rest. */
export function takeWhileFits<T>(items: T[], room: number): { fit: T[]; rest: T[] } {
  let used = 0;
  let n = 0;
  while (n < items.length && used + jsonBytes(items[n]) <= room) used += jsonBytes(items[n++]);
  return { fit: items.slice(0, n), rest: items.slice(n) };
}

/** `items` in order, in groups of at most `room` bytes; an item larger than `room` goes alone rather than being cut. */
export function groupByBytes<T>(items: T[], room: number): T[][] {
  const groups: T[][] = [];
  let rest = items;
  while (rest.length > 0) {
    const { fit, rest: after } = takeWhileFits(rest, room);
    const group = fit.length > 0 ? fit : rest.slice(0, 1);
    groups.push(group);
    rest = fit.length > 0 ? after : rest.slice(1);
  }
  return groups;
}
