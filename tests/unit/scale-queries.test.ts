// Queries rewritten for their indexes at scale (issue 16), checked against the
// plain reading on the seed. The worker's home page: its "next shift" read from the worker's running
// contracts (issue 16) must name the same shift as the plain reading over
// every shift, for every seeded worker: drafts, cancelled contracts, absences
// and other workers' shifts left out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import { workerLiveContracts } from "@/lib/auth/scope";
import { DEMO_WORKER_EMAIL } from "@/prisma/seed/data";
import { seededStaff, seedWithFixtures } from "../helpers/seed";
import { testEngines, type TestDb } from "./test-databases";

const { workerDashboard } = await import("@/lib/dashboard/worker");
const { staffContractPage } = await import("@/lib/backoffice/contract-queries");
const [pglite] = await testEngines("wdash");
const FIRST_PAGE = { cursor: null, direction: "apres" } as const;
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe("worker home page and staff contracts list, at their indexes", () => {
  let dir = "";
  let tdb: TestDb;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "worker-dashboard-"));
    tdb = await pglite.open();
    await seedWithFixtures(tdb.prisma, { storage: localStorage(path.join(dir, "storage")), log: () => {}, issuedContractPdfs: false });
    holder.__espacePrisma = tdb.prisma;
  }, 240_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await tdb?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("names, for every worker, the first work shift to come of a contract they may see", async () => {
    const prisma = tdb.prisma;
    const workers = await prisma.workerProfile.findMany({ select: { id: true, user: { select: { email: true } } } });
    let withShift = 0;
    for (const w of workers) {
      const now = new Date();
      const expected = await prisma.shift.findFirst({
        where: { kind: "WORK", startsAt: { gte: now }, contract: workerLiveContracts(w.id) },
        orderBy: [{ startsAt: "asc" }],
        select: { startsAt: true, endsAt: true, contract: { select: { client: { select: { name: true } } } } },
      });
      const { nextShift } = await workerDashboard({ workerId: w.id });
      expect(nextShift?.startsAt ?? null, w.user.email).toEqual(expected?.startsAt ?? null);
      expect(nextShift?.contract.client.name ?? null, w.user.email).toEqual(expected?.contract.client.name ?? null);
      if (expected) withShift++;
    }
    // The seed gives several workers a shift to come, the demo worker first.
    expect(withShift).toBeGreaterThan(1);
    const demo = workers.find((w) => w.user.email === DEMO_WORKER_EMAIL)!;
    expect((await workerDashboard({ workerId: demo.id })).nextShift).not.toBeNull();
  });

  it("staff contracts list (read on the same seed): the capped count is the count of the staff's own agencies, filters applied", async () => {
    const prisma = tdb.prisma;
    const noFilter = { from: null, to: null, workerQuery: "" };
    for (const email of ["agence@demo.coop-emploi.fr", "lea.fabre@demo.coop-emploi.fr"]) {
      const staff = await seededStaff(prisma, email);
      const all = await staffContractPage(staff, noFilter, FIRST_PAGE, 15);
      expect(all.count, email).toBe(await prisma.contract.count({ where: { agencyId: { in: staff.agencyIds } } }));
      expect(all.count).toBeGreaterThan(0);
      const signed = await staffContractPage(staff, { ...noFilter, state: "SIGNED" }, FIRST_PAGE, 15);
      expect(signed.count, email).toBe(await prisma.contract.count({ where: { agencyId: { in: staff.agencyIds }, state: "SIGNED" } }));
      expect(all.contracts.every((c) => staff.agencyIds.includes(c.agencyId))).toBe(true);
    }
    // A staff member of one agency counts fewer contracts than the one of several.
    const one = await seededStaff(prisma, "lea.fabre@demo.coop-emploi.fr");
    const several = await seededStaff(prisma, "agence@demo.coop-emploi.fr");
    expect(one.agencyIds.length).toBeLessThan(several.agencyIds.length);
    expect((await staffContractPage(one, noFilter, FIRST_PAGE, 15)).count).toBeLessThan(
      (await staffContractPage(several, noFilter, FIRST_PAGE, 15)).count,
    );
  });

  it("leaves out a draft's and a cancelled contract's shifts", async () => {
    const prisma = tdb.prisma;
    const demo = await prisma.workerProfile.findFirstOrThrow({ where: { user: { email: DEMO_WORKER_EMAIL } } });
    const before = (await workerDashboard({ workerId: demo.id })).nextShift!;
    // Every live contract of the worker but the one of the next shift becomes a draft or cancelled:
    // an earlier shift put on one of them must not be named.
    const live = await prisma.contract.findFirstOrThrow({ where: { ...workerLiveContracts(demo.id), shifts: { some: {} } } });
    for (const state of ["DRAFT", "CANCELLED"] as const) {
      const other = await prisma.contract.create({
        data: {
          ...(await prisma.contract.findUniqueOrThrow({
            where: { id: live.id },
            omit: { id: true, number: true, createdAt: true, updatedAt: true },
          })),
          number: `T-${state}`,
          state,
          shifts: {
            create: {
              kind: "WORK",
              startsAt: new Date(before.startsAt.getTime() - 60_000),
              endsAt: new Date(before.startsAt.getTime() + 3_600_000),
              breakMinutes: 0,
            },
          },
        } as never,
      });
      expect((await workerDashboard({ workerId: demo.id })).nextShift!.startsAt).toEqual(before.startsAt);
      await prisma.contract.delete({ where: { id: other.id } });
    }
  });
});
