// Keyset (cursor) paging on lists ordered newest first by (createdAt, id):
// a page reads `take + 1` rows from an index instead of skipping OFFSET rows,
// and counts stop at COUNT_CAP ("plus de 10 000").

/** Past this many rows a list shows "plus de 10 000" instead of counting them all. */
export const COUNT_CAP = 10_000;

export type Cursor = { createdAt: Date; id: string };
/** "apres" reads the page older than the cursor, "avant" the page newer than it. */
export type CursorDirection = "apres" | "avant";
export type PageRequest = { cursor: Cursor | null; direction: CursorDirection };

export function encodeCursor(row: Cursor): string {
  return `${row.createdAt.getTime().toString(36)}.${row.id}`;
}

export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value) return null;
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{1,64})$/.exec(value);
  if (!match) return null;
  const ms = Number.parseInt(match[1], 36);
  if (!Number.isFinite(ms)) return null;
  const createdAt = new Date(ms);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2] };
}

/** The page asked for by the query: `?apres=<cursor>` or `?avant=<cursor>`, none for the first page. */
export function pageRequest(params: Record<string, string | string[] | undefined>): PageRequest {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const before = decodeCursor(one(params.avant));
  if (before) return { cursor: before, direction: "avant" };
  return { cursor: decodeCursor(one(params.apres)), direction: "apres" };
}

/**
 * The where clause of the rows beyond the cursor in the order (createdAt desc,
 * id desc), or its reverse. The redundant bound on createdAt alone lets the
 * index scan start at the cursor instead of reading (and discarding) every
 * newer row: the OR by itself is not an index condition.
 */
export function keysetWhere(request: PageRequest) {
  const { cursor, direction } = request;
  if (!cursor) return {};
  const op = direction === "apres" ? "lt" : "gt";
  return {
    createdAt: { [direction === "apres" ? "lte" : "gte"]: cursor.createdAt },
    OR: [{ createdAt: { [op]: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { [op]: cursor.id } }],
  };
}

/** The order to read in: newest first, reversed to read the page before the cursor. */
export function keysetOrder(request: PageRequest) {
  const dir = request.direction === "avant" ? ("asc" as const) : ("desc" as const);
  return [{ createdAt: dir }, { id: dir }];
}

/**
 * Trims the `take + 1` rows read to the page and tells whether there is a
 * newer and an older page, with their cursors.
 */
export function keysetPage<T extends Cursor>(rows: T[], take: number, request: PageRequest) {
  const more = rows.length > take;
  const kept = rows.slice(0, take);
  const items = request.direction === "avant" ? kept.reverse() : kept;
  const hasNewer = request.direction === "avant" ? more : request.cursor !== null;
  const hasOlder = request.direction === "avant" ? request.cursor !== null : more;
  const firstRow = items[0];
  const lastRow = items[items.length - 1];
  return {
    items,
    newer: hasNewer && firstRow ? encodeCursor(firstRow) : null,
    older: hasOlder && lastRow ? encodeCursor(lastRow) : null,
  };
}

/** The French count label, capped: "plus de 10 000 entrées". */
export function cappedCount(total: number, noun: string, formatter: (n: number) => string): string {
  if (total > COUNT_CAP) return `plus de ${formatter(COUNT_CAP)} ${noun}s`;
  return `${formatter(total)} ${noun}${total > 1 ? "s" : ""}`;
}
