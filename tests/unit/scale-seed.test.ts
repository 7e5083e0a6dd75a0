// The scale seed (PostgreSQL only) at a small factor: on top of the demo seed
// it adds rows that keep the business rules the pages rely on, and --remove
// brings every table's row count and the storage folder back to what they were.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { removeScale, seedScale } from "@/prisma/scale/seed-scale";
import { localStorage } from "@/lib/storage";
import { postgresReachable, postgresServerUrl } from "./test-databases";
import { applyMigrations } from "@/lib/db/migrations";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db/adapter";

const reachable = await postgresReachable();

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe.runIf(reachable)("scale seed on PostgreSQL", () => {
  const name = `espace_scale_${process.pid}_${Date.now()}`;
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const storage = mkdtempSync(path.join(os.tmpdir(), "scale-storage-"));
  let admin: pg.Client;
  let client: pg.Client;

  async function counts(): Promise<Record<string, number>> {
    const { rows } = await client.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, number> = {};
    for (const { t } of rows) out[t] = Number((await client.query(`SELECT count(*) FROM "${t}"`)).rows[0].count);
    return out;
  }
  const one = async (sql: string) => Number((await client.query(sql)).rows[0].n);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgresServerUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await applyMigrations({ databaseUrl });
    const handle = createAdapter({ databaseUrl });
    const prisma = new PrismaClient({ adapter: handle.factory });
    await seed(prisma, { storage: localStorage(storage), issuedContractPdfs: false, log: () => {} });
    await prisma.$disconnect();
    await handle.close();
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
  }, 240_000);

  afterAll(async () => {
    await client?.end();
    await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
    rmSync(storage, { recursive: true, force: true });
  });

  it("adds a consistent network, refuses a second run, and --remove restores every table and the storage", async () => {
    const before = await counts();
    const filesBefore = files(storage).sort();
    const quiet = () => {};
    await seedScale({ databaseUrl, storage, factor: 0.01, log: quiet });
    const after = await counts();
    expect(after.Agency - before.Agency).toBe(6);
    expect(after.Contract - before.Contract).toBe(1000);
    expect(after.Shift - before.Shift).toBe(2000);
    expect(after.AuditLog - before.AuditLog).toBe(5000);
    expect(after.Document - before.Document).toBe(1200);

    // A worker's shifts never overlap (the demo worker's own demo contracts included).
    expect(
      await one(`SELECT count(*) AS n FROM "Shift" a JOIN "Contract" ca ON ca.id = a."contractId"
                 JOIN "Contract" cb ON cb."workerId" = ca."workerId" JOIN "Shift" b ON b."contractId" = cb.id AND b.id <> a.id
                 WHERE a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt" AND (a.id LIKE 'scale\\_%' OR b.id LIKE 'scale\\_%')`),
    ).toBe(0);
    // Contracts: the client of the contract's agency, a site of that client, a worker registered there, shifts inside the dates.
    expect(
      await one(`SELECT count(*) AS n FROM "Contract" c JOIN "Client" cl ON cl.id = c."clientId" JOIN "ClientSite" s ON s.id = c."siteId"
                 WHERE c.id LIKE 'scale\\_%' AND (cl."agencyId" <> c."agencyId" OR s."clientId" <> c."clientId"
                   OR NOT EXISTS (SELECT 1 FROM "WorkerAgency" wa WHERE wa."workerId" = c."workerId" AND wa."agencyId" = c."agencyId")
                   OR c."endDate" < c."startDate" OR (c.state <> 'DRAFT') <> (c."issuedAt" IS NOT NULL))`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) AS n FROM "Shift" s JOIN "Contract" c ON c.id = s."contractId"
                 WHERE s.id LIKE 'scale\\_%' AND (s."startsAt"::date < c."startDate" OR s."startsAt"::date > c."endDate" OR s."endsAt" <= s."startsAt")`),
    ).toBe(0);
    // The demo worker, client and staff member get their share.
    expect(
      await one(`SELECT count(*) AS n FROM "Contract" c JOIN "WorkerProfile" w ON w.id = c."workerId" JOIN "User" u ON u.id = w."userId"
                 WHERE u.email = 'interimaire@demo.coop-emploi.fr' AND c.id LIKE 'scale\\_%'`),
    ).toBe(3);
    expect(
      await one(`SELECT count(*) AS n FROM "Contract" c JOIN "ClientMembership" m ON m."clientId" = c."clientId" JOIN "User" u ON u.id = m."userId"
                 WHERE u.email = 'client@demo.coop-emploi.fr' AND c.id LIKE 'scale\\_%'`),
    ).toBeGreaterThan(0);
    // Audit entries carry their agency; every added worker can be targeted (qualification, coordinates, availabilities).
    expect(await one(`SELECT count(*) AS n FROM "AuditLog" WHERE id LIKE 'scale\\_%' AND "agencyId" IS NULL`)).toBe(0);
    expect(
      await one(`SELECT count(*) AS n FROM "WorkerProfile" w WHERE w.id LIKE 'scale\\_%' AND (w.latitude IS NULL OR w."mobilityKm" IS NULL
                   OR NOT EXISTS (SELECT 1 FROM "WorkerQualification" q WHERE q."workerId" = w.id)
                   OR NOT EXISTS (SELECT 1 FROM "Availability" a WHERE a."workerId" = w.id))`),
    ).toBe(0);
    // Payslips: distinct files whose bytes match the size and hash recorded.
    const { rows: docs } = await client.query(`SELECT "storageKey", "sizeBytes", sha256 FROM "Document" WHERE id LIKE 'scale\\_%'`);
    expect(new Set(docs.map((d) => d.storageKey)).size).toBe(1200);
    for (const d of docs.slice(0, 50)) {
      const bytes = readFileSync(path.join(storage, d.storageKey));
      expect(bytes.length).toBe(d.sizeBytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(d.sha256);
    }
    expect(files(storage).length).toBe(filesBefore.length + 1200);

    await expect(seedScale({ databaseUrl, storage, factor: 0.01, log: quiet })).rejects.toThrow(/déjà présent/);

    await removeScale({ databaseUrl, storage, log: quiet });
    expect(await counts()).toEqual(before);
    expect(files(storage).sort()).toEqual(filesBefore);
  }, 240_000);
});
