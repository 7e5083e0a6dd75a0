// 20 identical advance requests at once (a double click, tabs, a script) on a
// real database, PGlite and PostgreSQL: one row, the same answer to all. They
// used to race on the open request and answer 500 ("Concurrent update").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import { submitAdvanceRequest } from "@/lib/advances/request";
import { COMPTE_E2E_WORKERS, seedWithFixtures } from "../helpers/seed";
import { fieldErrorOf } from "@/lib/result";

// Monday 24 March 2025, 10:00 in Paris: the test worker has 787 € available
// for the payment of Wednesday 26 March (see e2e/compte/acomptes.spec.ts).
const MONDAY = new Date("2025-03-24T09:00:00.000Z");

const engines = await testEngines("parallel");

const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("20 parallel identical advance requests on $name", ({ open }) => {
  let dir = "";
  let db: TestDb;
  let worker: { id: string; workerId: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "parallel-advances-"));
    db = await open();
    await seedWithFixtures(db.prisma, {
      now: MONDAY,
      storage: localStorage(path.join(dir, "storage")),
      log: () => {},
      issuedContractPdfs: false,
    });
    holder.__espacePrisma = db.prisma; // lib/db's client for the service
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: COMPTE_E2E_WORKERS.acompte }, include: { workerProfile: true } });
    worker = { id: user.id, workerId: user.workerProfile!.id };
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rowsOf = () => db.prisma.advanceRequest.findMany({ where: { workerId: worker.workerId, status: "PENDING" } });

  it("an amount under the minimum: the same field message to all, no row", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => submitAdvanceRequest(worker, { amount: "40" }, MONDAY)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(fieldErrorOf(results[0], "amount")).toMatch(/montant minimum d'un acompte est de 50/);
    expect(await rowsOf()).toHaveLength(0);
  });

  it("20 parallel requests above the available amount: one row, flagged over the cap, the same notice to all", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => submitAdvanceRequest(worker, { amount: "900" }, MONDAY)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toMatchObject({ ok: true, message: expect.stringMatching(/dépasse le montant disponible \(787,00\s€\)/) });
    const rows = await rowsOf();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountCents: 90_000, overCap: true, availableCentsAtRequest: 78_700 });
    await db.prisma.advanceRequest.deleteMany({ where: { workerId: worker.workerId } });
  });

  it("one request is recorded, and all 20 callers get the same answer", async () => {
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => submitAdvanceRequest(worker, { amount: "200" }, MONDAY)));
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof submitAdvanceRequest>>>).value);
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toEqual({ ok: true, message: expect.stringMatching(/Votre demande d'acompte est enregistrée/) });
    const rows = await rowsOf();
    expect(rows).toHaveLength(1);
    expect(rows[0].amountCents).toBe(20_000);
    expect(rows[0].payDate.toISOString().slice(0, 10)).toBe("2025-03-26");
    expect(await db.prisma.auditLog.count({ where: { action: "advance.requested", entityId: rows[0].id } })).toBe(1);
  });

  it("20 more identical requests later still leave that one row", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => submitAdvanceRequest(worker, { amount: "200" }, MONDAY)));
    for (const r of results) expect(r.ok).toBe(true);
    expect(await rowsOf()).toHaveLength(1);
  });
  it("20 parallel requests with different amounts: one row, and every caller gets a clear answer, never an error", async () => {
    await db.prisma.advanceRequest.deleteMany({ where: { workerId: worker.workerId } });
    const amounts = Array.from({ length: 20 }, (_, i) => String(100 + i * 10));
    const settled = await Promise.allSettled(amounts.map((amount) => submitAdvanceRequest(worker, { amount }, MONDAY)));
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof submitAdvanceRequest>>>).value);
    const rows = await rowsOf();
    expect(rows).toHaveLength(1);
    // The one that created the request is told so; every other caller gets
    // the one answer of the rule (one open request per payment day: another
    // amount edits it), never a generic error.
    const created = results.filter((r) => r.ok && /est enregistrée/.test(r.message ?? ""));
    expect(created).toHaveLength(1);
    const others = results.filter((r) => r !== created[0]);
    expect(others).toHaveLength(19);
    for (const r of others)
      expect(r).toEqual({ ok: true, message: "Vous aviez déjà une demande en attente pour ce versement : son montant a été modifié." });
    expect(amounts.map((a) => Number(a) * 100)).toContain(rows[0].amountCents);
    expect(await db.prisma.auditLog.count({ where: { action: "advance.requested", entityId: rows[0].id } })).toBe(1);
  });
});
