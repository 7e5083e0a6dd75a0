// /api/health answers 200 when the database answers and 503 when it does not.
import { afterEach, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db/adapter";
import { GET } from "@/app/api/health/route";

const slot = globalThis as unknown as { __espacePrisma?: PrismaClient };

afterEach(async () => {
  await slot.__espacePrisma?.$disconnect().catch(() => undefined);
  delete slot.__espacePrisma;
});

describe("GET /api/health", () => {
  it("answers 200 with JSON when the database is reachable", async () => {
    slot.__espacePrisma = new PrismaClient({ adapter: createAdapter({ pgliteDir: null }).factory });
    await slot.__espacePrisma.$queryRaw`SELECT 1`; // the embedded engine takes a moment to start
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database is not reachable", async () => {
    // Nothing listens on port 1: the connection is refused.
    slot.__espacePrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 1000 }),
    });
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", database: "unreachable" });
  });
});
