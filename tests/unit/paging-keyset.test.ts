// Keyset paging of the big staff lists (audit log, contracts): the cursor in
// the address, the rows beyond it, the page trimmed with its neighbours, the
// capped count.
import { describe, expect, it } from "vitest";
import { COUNT_CAP, cappedCount, decodeCursor, encodeCursor, keysetPage, keysetWhere, pageRequest } from "@/lib/paging/keyset";
import { formatCount } from "@/lib/format";

const row = (i: number) => ({ id: `c${String(i).padStart(3, "0")}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });

describe("keyset paging", () => {
  it("round-trips a cursor and refuses a forged one", () => {
    const r = row(7);
    expect(decodeCursor(encodeCursor(r))).toEqual(r);
    for (const bad of ["", "abc", "zz.", ".id", "1.a b", "1.' OR 1=1", `${"z".repeat(13)}.id`]) expect(decodeCursor(bad)).toBeNull();
  });

  it("reads the first page with no cursor, the older page after ?apres, the newer page before ?avant", () => {
    expect(pageRequest({})).toEqual({ cursor: null, direction: "apres" });
    expect(pageRequest({ apres: "nonsense" })).toEqual({ cursor: null, direction: "apres" });
    const c = row(5);
    expect(pageRequest({ apres: encodeCursor(c) })).toEqual({ cursor: c, direction: "apres" });
    expect(pageRequest({ avant: encodeCursor(c), apres: encodeCursor(row(1)) })).toEqual({ cursor: c, direction: "avant" });
    expect(keysetWhere({ cursor: null, direction: "apres" })).toEqual({});
    expect(keysetWhere({ cursor: c, direction: "apres" })).toEqual({
      createdAt: { lte: c.createdAt },
      OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }],
    });
    expect(keysetWhere({ cursor: c, direction: "avant" })).toEqual({
      createdAt: { gte: c.createdAt },
      OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }],
    });
  });

  // 7 rows newest first (6..0), 3 a page: [6,5,4] [3,2,1] [0].
  const all = [6, 5, 4, 3, 2, 1, 0].map(row);
  const older = (cursor: ReturnType<typeof row> | null) => all.filter((r) => !cursor || r.createdAt < cursor.createdAt).slice(0, 4);
  const newer = (cursor: ReturnType<typeof row>) =>
    [...all]
      .reverse()
      .filter((r) => r.createdAt > cursor.createdAt)
      .slice(0, 4);

  it("walks forward and back through the pages with the cursors it gives", () => {
    const first = keysetPage(older(null), 3, { cursor: null, direction: "apres" });
    expect(first.items.map((r) => r.id)).toEqual(["c006", "c005", "c004"]);
    expect(first.newer).toBeNull();
    expect(first.older).toBe(encodeCursor(row(4)));

    const second = keysetPage(older(decodeCursor(first.older)), 3, { cursor: decodeCursor(first.older), direction: "apres" });
    expect(second.items.map((r) => r.id)).toEqual(["c003", "c002", "c001"]);
    expect(second.newer).toBe(encodeCursor(row(3)));
    expect(second.older).toBe(encodeCursor(row(1)));

    const last = keysetPage(older(decodeCursor(second.older)), 3, { cursor: decodeCursor(second.older), direction: "apres" });
    expect(last.items.map((r) => r.id)).toEqual(["c000"]);
    expect(last.older).toBeNull();

    const back = keysetPage(newer(decodeCursor(second.newer)!), 3, { cursor: decodeCursor(second.newer), direction: "avant" });
    expect(back.items.map((r) => r.id)).toEqual(["c006", "c005", "c004"]);
    expect(back.newer).toBeNull();
    expect(back.older).toBe(encodeCursor(row(4)));
  });

  it("caps the count label past 10 000", () => {
    expect(cappedCount(1, "entrée", formatCount)).toBe("1 entrée");
    expect(cappedCount(COUNT_CAP, "entrée", formatCount)).toBe(`${formatCount(10_000)} entrées`);
    expect(cappedCount(COUNT_CAP + 1, "contrat", formatCount)).toBe(`plus de ${formatCount(10_000)} contrats`);
  });
});
