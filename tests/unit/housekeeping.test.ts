// The periodic sweep deletes form keys older than 30 days and rate-limit
// windows that ended over a day ago, and keeps everything still in use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { FORM_KEY_RETENTION_DAYS, sweepExpiredRows } from "@/lib/housekeeping";

const engines = await testEngines("housekeeping");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const DAY = 86_400_000;

describe.each(engines)("housekeeping on $name", ({ open }) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await open();
    holder.__espacePrisma = db.prisma;
  }, 300_000);
  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
  });

  it("deletes old form keys and elapsed rate-limit windows only", async () => {
    const at = new Date("2026-12-02T12:00:00Z");
    const ago = (days: number) => new Date(at.getTime() - days * DAY);
    await db.prisma.formSubmission.createMany({
      data: [
        { key: "u:old", entityId: "x", createdAt: ago(FORM_KEY_RETENTION_DAYS + 1) },
        { key: "u:recent", entityId: "y", createdAt: ago(FORM_KEY_RETENTION_DAYS - 1) },
      ],
    });
    await db.prisma.rateLimit.createMany({
      data: [
        { key: "login:ended", count: 9, resetAt: ago(2) },
        { key: "login:just-ended", count: 9, resetAt: ago(0.5) },
        { key: "login:running", count: 9, resetAt: new Date(at.getTime() + 600_000) },
      ],
    });
    expect(await sweepExpiredRows(at)).toEqual({ formKeys: 1, rateLimits: 1 });
    expect((await db.prisma.formSubmission.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(["u:recent"]);
    expect((await db.prisma.rateLimit.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      "login:just-ended",
      "login:running",
    ]);
    // A second sweep finds nothing more.
    expect(await sweepExpiredRows(at)).toEqual({ formKeys: 0, rateLimits: 0 });
  });
});
