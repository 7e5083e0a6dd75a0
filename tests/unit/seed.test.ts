// The demo seed: key facts on a fresh PGlite, idempotence, and the invariants
// of the generated plan on many dates (the seed runs relative to "today").
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ContractState, AdvanceStatus, NotificationKind } from "@/lib/generated/prisma/enums";
import { createAdapter, type AdapterHandle } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrations";
import { verifyPassword } from "@/lib/auth/password";
import { localStorage, type Storage } from "@/lib/storage";
import { countRows, seed, type SeedResult } from "@/prisma/seed";
import { buildPlan } from "@/prisma/seed/plan";
import { COMPTE_E2E_WORKERS, HOURS_CLIENT_EMAIL, testFixtures } from "@/prisma/fixtures";
import { calendarDay, createRandom, frenchPublicHolidays, isoDate, parisDay, parisTime, startOfMonth } from "@/prisma/seed/time";

const DAY = 86_400_000;
const parisClock = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

describe("Paris wall-clock times and holidays", () => {
  it("converts Paris local times to UTC across daylight-saving changes", () => {
    expect(parisTime(calendarDay(2026, 3, 28), "07:30").toISOString()).toBe("2026-03-28T06:30:00.000Z");
    expect(parisTime(calendarDay(2026, 3, 29), "07:30").toISOString()).toBe("2026-03-29T05:30:00.000Z");
    // A night shift over the October change lasts eleven hours.
    const start = parisTime(calendarDay(2026, 10, 24), "21:00");
    const end = parisTime(calendarDay(2026, 10, 24), "07:00", 1);
    expect(start.toISOString()).toBe("2026-10-24T19:00:00.000Z");
    expect(end.toISOString()).toBe("2026-10-25T06:00:00.000Z");
  });

  it("knows the Paris calendar day of an instant", () => {
    expect(isoDate(parisDay(new Date("2026-11-26T23:30:00Z")))).toBe("2026-11-27");
    expect(isoDate(parisDay(new Date("2026-07-01T21:59:00Z")))).toBe("2026-07-01");
  });

  it("lists the French public holidays, movable ones included", () => {
    const h = frenchPublicHolidays(2026);
    expect(h.size).toBe(11);
    expect(h.get("2026-04-06")).toBe("Lundi de Pâques");
    expect(h.get("2026-05-14")).toBe("Ascension");
    expect(h.get("2026-05-25")).toBe("Lundi de Pentecôte");
    expect(h.has("2026-11-11")).toBe(true);
  });
});

describe("local storage", () => {
  it("stores a stream under a generated key with its hash and size, then deletes it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "storage-test-"));
    try {
      const storage = localStorage(dir);
      const stored = await storage.putObject(Readable.from([Buffer.from("bonjour "), Buffer.from("le monde")]), {
        contentType: "text/plain",
      });
      expect(stored.key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(stored.size).toBe(16);
      expect(stored.sha256).toBe(createHash("sha256").update("bonjour le monde").digest("hex"));
      expect((await buffer(await storage.openObjectStream(stored.key))).toString()).toBe("bonjour le monde");
      expect(await storage.objectExists(stored.key)).toBe(true);
      expect(await storage.objectExists("../../etc/passwd")).toBe(false);
      await expect(storage.openObjectStream("../../etc/passwd")).rejects.toThrow();
      await storage.deleteObject(stored.key);
      expect(await storage.objectExists(stored.key)).toBe(false);
      await expect(storage.openObjectStream(stored.key)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("demo plan on any date", () => {
  it("is the same for the same moment and seed", () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const a = buildPlan({ now, rng: createRandom(3985), passwordHash: "hash" });
    const b = buildPlan({ now, rng: createRandom(3985), passwordHash: "hash" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("holds no test fixture; the fixtures come with the test extension only", () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const demo = JSON.stringify(buildPlan({ now, rng: createRandom(3985), passwordHash: "hash" }));
    for (const marker of [
      "Acompteau",
      "Ciblat",
      "Les Granges",
      "Diplôme de test",
      "@e2e.coop-emploi.fr",
      "e2e.compte.",
      "missions.signature",
      "heures.client@",
      "cible.",
    ]) {
      expect(demo, marker).not.toContain(marker);
    }
    const withFixtures = buildPlan({ now, rng: createRandom(3985), passwordHash: "hash", extension: testFixtures });
    const emails = withFixtures.users.map((u) => u.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        COMPTE_E2E_WORKERS.acompte,
        HOURS_CLIENT_EMAIL,
        "cible.aurore@exemple.fr",
        "missions.planning@exemple.fr",
        "docs.lea@e2e.coop-emploi.fr",
        "secu.csv@e2e.coop-emploi.fr",
      ]),
    );
    expect(withFixtures.diplomas.map((d) => d.name)).toContain("Diplôme de test (autre)");
  });

  // Every 19 days over a year, plus awkward moments: month edges, a Tuesday
  // night (advance cut-off), a Wednesday, the days of both DST changes.
  const dates = [
    ...Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2026, 0, 3, 10) + i * 19 * DAY)),
    new Date("2026-03-01T08:00:00Z"),
    new Date("2026-03-31T21:30:00Z"),
    new Date("2026-03-29T01:30:00Z"),
    new Date("2026-10-25T00:30:00Z"),
    new Date("2026-12-01T22:59:00Z"),
    new Date("2026-12-02T12:00:00Z"),
    new Date("2027-02-28T23:30:00Z"),
  ];

  it.each(dates.map((d) => [d.toISOString(), d] as const))("holds its invariants at %s", (_label, now) => {
    const plan = buildPlan({ now, rng: createRandom(3985), passwordHash: "hash" });
    const today = parisDay(now);
    const demoUser = plan.users.find((u) => u.email === "interimaire@demo.coop-emploi.fr")!;
    const demo = plan.workerProfiles.find((p) => p.userId === demoUser.id)!;
    const contracts = plan.contracts.filter((c) => c.workerId === demo.id);
    const states = new Set(contracts.map((c) => c.state));
    expect(contracts.length).toBeGreaterThanOrEqual(14);
    for (const state of Object.values(ContractState)) expect(states).toContain(state);
    expect(contracts.filter((c) => c.state === "DRAFT")).toHaveLength(1);
    expect(contracts.filter((c) => c.state === "AWAITING_SIGNATURE").length).toBeGreaterThanOrEqual(2);
    expect(contracts.some((c) => c.state === "SIGNED" && +c.startDate <= +today && +c.endDate >= +today)).toBe(true);
    expect(
      plan.shifts.some((s) => contracts.some((c) => c.id === s.contractId) && isoDate(parisDay(s.startsAt as Date)) === isoDate(today)),
    ).toBe(true);

    const byId = new Map(plan.contracts.map((c) => [c.id!, c]));
    const demoShifts = plan.shifts.filter((s) => byId.get(s.contractId)!.workerId === demo.id);
    for (let k = 0; k <= 2; k++) {
      const month = isoDate(startOfMonth(today, -k)).slice(0, 7);
      expect(demoShifts.some((s) => isoDate(parisDay(s.startsAt as Date)).startsWith(month))).toBe(true);
    }
    const windowStart = +startOfMonth(today, -2);
    expect(demoShifts.some((s) => s.kind === "ABSENCE" && +parisDay(s.startsAt as Date) >= windowStart)).toBe(true);

    for (const s of plan.shifts) {
      const start = s.startsAt as Date;
      const end = s.endsAt as Date;
      expect(+end).toBeGreaterThan(+start);
      // Each slot reads, in Paris, as one of the times of its contract.
      expect(byId.get(s.contractId)!.hoursLabel).toContain(parisClock.format(start));
      if (+start > +now) expect(s.validated).toBe(false);
      if (s.validatedAt) expect(+(s.validatedAt as Date)).toBeLessThanOrEqual(+now);
    }

    // No worker is booked twice at the same time.
    const byWorker = new Map<string, { start: number; end: number }[]>();
    for (const s of plan.shifts) {
      const c = byId.get(s.contractId)!;
      if (c.state === "DRAFT") continue;
      byWorker.set(c.workerId, [...(byWorker.get(c.workerId) ?? []), { start: +(s.startsAt as Date), end: +(s.endsAt as Date) }]);
    }
    for (const slots of byWorker.values()) {
      slots.sort((a, b) => a.start - b.start);
      for (let i = 1; i < slots.length; i++) expect(slots[i].start).toBeGreaterThanOrEqual(slots[i - 1].end);
    }

    const timestamps = [
      ...plan.contracts.flatMap((c) => [c.createdAt, c.issuedAt, c.signedAt, c.cancelledAt]),
      ...plan.advanceRequests.flatMap((a) => [a.createdAt, a.decidedAt]),
      ...plan.documents.map((d) => d.row.createdAt),
      ...plan.users.map((u) => u.createdAt),
      ...plan.timesheets.map((t) => t.submittedAt),
      ...plan.profileChanges.map((p) => p.createdAt),
    ].filter((t): t is Date => t instanceof Date);
    for (const t of timestamps) expect(+t).toBeLessThanOrEqual(+now);
    for (const c of plan.contracts) {
      if (c.signedAt) expect(+(c.signedAt as Date)).toBeGreaterThanOrEqual(+(c.issuedAt as Date));
    }

    const advances = plan.advanceRequests.filter((a) => a.workerId === demo.id);
    for (const status of Object.values(AdvanceStatus)) expect(advances.map((a) => a.status)).toContain(status);
    for (const a of plan.advanceRequests) expect((a.payDate as Date).getUTCDay()).toBe(3);
    expect(+(advances.find((a) => a.status === "PENDING")!.payDate as Date)).toBeGreaterThan(+today);

    const payslips = plan.documents.filter((d) => d.row.kind === "PAYSLIP");
    expect(payslips.filter((p) => p.row.workerId === demo.id)).toHaveLength(24);
    for (const p of payslips) {
      const created = parisDay(p.row.createdAt as Date);
      expect(created.getUTCDate()).toBeGreaterThanOrEqual(8);
      expect(created.getUTCDate()).toBeLessThanOrEqual(10);
      expect(p.render.kind === "payslip" && p.render.data.missions.length).toBeGreaterThan(0);
    }

    const numbers = plan.contracts.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^\d{5}$/);
  });
});

describe("seed on a fresh PGlite", () => {
  // Monday 30 March 2026, 09:45 in Paris: the day after the spring DST change.
  const now = new Date("2026-03-30T07:45:00Z");
  const today = calendarDay(2026, 3, 30);
  let dir: string;
  let handle: AdapterHandle;
  let prisma: PrismaClient;
  let storage: Storage;
  let first: SeedResult;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "seed-test-"));
    const pgliteDir = path.join(dir, "pglite");
    storage = localStorage(path.join(dir, "storage"));
    await applyMigrations({ pgliteDir });
    handle = createAdapter({ pgliteDir });
    prisma = new PrismaClient({ adapter: handle.factory });
    first = await seed(prisma, { now, storage, log: (line) => logs.push(line) });
  }, 600_000); // migrations, 47 PDFs, the ~310 issued contracts and ~4,000 rows on PGlite: slow on a busy machine

  afterAll(async () => {
    await prisma?.$disconnect();
    await handle?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("creates the three demo accounts with the demo password", async () => {
    expect(first.skipped).toBe(false);
    const accounts = await prisma.user.findMany({
      where: { email: { in: ["interimaire@demo.coop-emploi.fr", "agence@demo.coop-emploi.fr", "client@demo.coop-emploi.fr"] } },
      include: {
        workerProfile: { include: { agencies: { include: { agency: true } }, qualifications: { include: { qualification: true } } } },
        staffMemberships: { include: { agency: true } },
        clientMemberships: { include: { client: true } },
      },
    });
    expect(accounts).toHaveLength(3);
    for (const a of accounts) {
      expect(a.active).toBe(true);
      expect(a.emailVerifiedAt).not.toBeNull();
      expect(await verifyPassword(a.passwordHash, "Demo2026!")).toBe(true);
    }
    const worker = accounts.find((a) => a.role === "WORKER")!;
    expect(worker.email).toBe("interimaire@demo.coop-emploi.fr");
    expect(worker.workerProfile?.phone).toBe("+33612345608");
    expect(worker.workerProfile?.mobilityKm).toBe(50);
    expect(worker.workerProfile?.agencies.map((a) => `${a.agency.code}:${a.workerNumber}`)).toEqual(["MEDIMP:3985"]);
    expect(worker.workerProfile?.qualifications.map((q) => q.qualification.code).sort()).toEqual(["520", "525"]);
    const staff = accounts.find((a) => a.role === "STAFF")!;
    expect(staff.email).toBe("agence@demo.coop-emploi.fr");
    expect(staff.staffMemberships.map((m) => m.agency.code).sort()).toEqual(["EDUC31", "MEDIMP"]);
    const client = accounts.find((a) => a.role === "CLIENT")!;
    expect(client.clientMemberships.map((m) => m.client.name)).toEqual(["RESIDENCE JEAN XXIII"]);
  });

  it("has the agency, its sectors and their recruiters", async () => {
    const medimp = await prisma.agency.findUniqueOrThrow({
      where: { code: "MEDIMP" },
      include: { sectors: { include: { recruiters: true }, orderBy: { position: "asc" } }, dashboardBlocks: true },
    });
    expect(medimp).toMatchObject({
      phone: "05 67 31 21 62",
      onCallPhone: "06 10 89 66 08",
      payrollEmail: "servicepaie@coop-emploi.fr",
      city: "Toulouse",
    });
    expect(medimp.sectors.map((s) => s.name)).toEqual([
      "Pôle Haute-Garonne et Aveyron",
      "Pôle Ariège et Hautes-Pyrénées",
      "Pôle Éducatif (31, 32) et Tarn",
    ]);
    for (const s of medimp.sectors) {
      expect(s.recruiters.length).toBeGreaterThanOrEqual(2);
      expect(s.recruiters.length).toBeLessThanOrEqual(4);
    }
    const titles = medimp.dashboardBlocks.filter((b) => b.published).map((b) => b.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Procédure absence : un écrit est obligatoire",
        "Bulletins de salaire / Acomptes",
        "Attestations ASSEDIC",
        "Actualités",
      ]),
    );
    const absence = medimp.dashboardBlocks.find((b) => b.title.startsWith("Procédure absence"))!;
    expect(absence.body).toContain("06 10 89 66 08");
    expect(absence.body).toContain("lea.fabre@demo.coop-emploi.fr");
    expect(await prisma.agency.count()).toBeGreaterThanOrEqual(2);
  });

  it("has clients with located sites and the qualifications", async () => {
    const sites = await prisma.clientSite.findMany({ include: { client: true } });
    expect(sites.map((s) => s.client.name)).toEqual(
      expect.arrayContaining(["RESIDENCE JEAN XXIII", "APF MAS LE CLOS FLEURI", "COLLÈGE JEAN JAURÈS"]),
    );
    const jean = sites.find((s) => s.client.name === "RESIDENCE JEAN XXIII")!;
    expect(jean).toMatchObject({ address: "96 Rue Jean XXIII", postalCode: "12000", city: "RODEZ", accessMeans: "Par ses propres moyens" });
    for (const s of sites) {
      expect(s.latitude).toBeTypeOf("number");
      expect(s.inseeCode).toMatch(/^\d{5}$/);
    }
    const codes = (await prisma.qualification.findMany()).map((q) => `${q.label} (${q.code})`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "AGENT DE SERVICE LOGISTIQUE (525)",
        "AIDE-SOIGNANT (312)",
        "INFIRMIER (301)",
        "AGENT DE SERVICE HOSPITALIER (520)",
      ]),
    );
  });

  it("gives the demo worker contracts in every state around today", async () => {
    const contracts = await prisma.contract.findMany({
      where: { worker: { user: { email: "interimaire@demo.coop-emploi.fr" } } },
      include: { shifts: true },
    });
    expect(contracts.length).toBeGreaterThanOrEqual(14);
    const count = (state: string) => contracts.filter((c) => c.state === state).length;
    expect(count("SIGNED")).toBeGreaterThan(5);
    expect(count("AWAITING_SIGNATURE")).toBeGreaterThanOrEqual(2);
    expect(count("INCOMPLETE")).toBeGreaterThanOrEqual(1);
    expect(count("CANCELLED")).toBeGreaterThanOrEqual(1);
    expect(count("DRAFT")).toBe(1);
    expect(contracts.some((c) => +c.endDate < +today)).toBe(true);
    expect(contracts.some((c) => +c.startDate > +today)).toBe(true);
    const current = contracts.find((c) => +c.startDate <= +today && +c.endDate >= +today)!;
    expect(current.state).toBe("SIGNED");
    expect(current.hoursLabel).toBe("13:30-20:30 00:00-00:00");
    for (const c of contracts) {
      expect(c.number).toMatch(/^\d{5}$/);
      expect(c.hourlyRateCents).toBeGreaterThanOrEqual(1200);
      expect(c.hourlyRateCents).toBeLessThanOrEqual(1450);
    }
    // The current contract started before the DST change: 13:30 in Paris is 12:30Z then 11:30Z.
    const starts = current.shifts.map((s) => s.startsAt.toISOString());
    expect(starts).toContain("2026-03-27T12:30:00.000Z");
    expect(starts).toContain("2026-03-30T11:30:00.000Z");

    const shifts = contracts.flatMap((c) => c.shifts.map((s) => ({ ...s, contract: c })));
    expect(shifts.some((s) => s.contract.hoursLabel.startsWith("21:00-07:00") && s.endsAt.getUTCDate() !== s.startsAt.getUTCDate())).toBe(
      true,
    );
    expect(shifts.some((s) => s.kind === "ABSENCE" && s.absenceCode === "FER" && isoDate(parisDay(s.startsAt)) === "2026-01-01")).toBe(
      true,
    );
    expect(shifts.some((s) => s.breakMinutes > 0)).toBe(true);
    const split = shifts.filter((s) => s.contract.hoursLabel === "07:30-11:00 17:00-20:30");
    expect(split.length).toBeGreaterThan(0);
    const past = shifts.filter((s) => +s.endsAt < +now && s.contract.state !== "DRAFT");
    expect(past.filter((s) => s.validated).length / past.length).toBeGreaterThan(0.8);
    expect(past.some((s) => !s.validated)).toBe(true);
    expect(shifts.filter((s) => +s.startsAt > +now).every((s) => !s.validated)).toBe(true);
  });

  it("gives the demo worker advances in every state, paid on Wednesdays", async () => {
    const advances = await prisma.advanceRequest.findMany({ where: { worker: { user: { email: "interimaire@demo.coop-emploi.fr" } } } });
    for (const status of Object.values(AdvanceStatus)) expect(advances.map((a) => a.status)).toContain(status);
    for (const a of advances) expect(a.payDate.getUTCDay()).toBe(3);
    expect(isoDate(advances.find((a) => a.status === "PENDING")!.payDate)).toBe("2026-04-01");
    expect(
      advances
        .filter((a) => a.status === "REFUSED")
        .map((a) => a.refusalReason)
        .sort(),
    ).toEqual(["2 demandes regroupées en une", "Pas d'acomptes cette semaine"]);
    for (const a of advances.filter((x) => x.status === "PAID")) expect(a.paidOn).not.toBeNull();
    expect(advances.map((a) => a.amountCents)).toEqual(expect.arrayContaining([10000, 42000, 20000]));
  });

  it("stores 24 real payslip PDFs and the two certificates", async () => {
    const docs = await prisma.document.findMany({
      where: { worker: { user: { email: "interimaire@demo.coop-emploi.fr" } } },
      orderBy: { periodStart: "desc" },
    });
    const payslips = docs.filter((d) => d.kind === "PAYSLIP");
    expect(payslips).toHaveLength(24);
    // Published on 8-10 March at the latest, so February is the most recent one.
    expect(payslips[0]).toMatchObject({ number: "3985_20260228", fileName: "bulletin_2026-02.pdf", mimeType: "application/pdf" });
    expect(isoDate(payslips[0].periodStart!)).toBe("2026-02-01");
    expect(isoDate(payslips[0].periodEnd!)).toBe("2026-02-28");
    expect(payslips.at(-1)!.number).toBe("3985_20240331");
    for (const p of payslips) {
      expect(p.number).toBe(`3985_${isoDate(p.periodEnd!).replaceAll("-", "")}`);
      const added = parisDay(p.createdAt);
      expect(added.getUTCDate()).toBeGreaterThanOrEqual(8);
      expect(added.getUTCDate()).toBeLessThanOrEqual(10);
      expect(p.agencyId).not.toBeNull();
    }
    for (const d of docs) {
      const bytes = await buffer(await storage.openObjectStream(d.storageKey));
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(bytes.length).toBe(d.sizeBytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(d.sha256);
    }
    expect(docs.filter((d) => d.kind === "ASSEDIC_CERTIFICATE")).toHaveLength(1);
    expect(docs.filter((d) => d.kind === "WORK_CERTIFICATE")).toHaveLength(1);
  });

  it("has the demo worker's diplomas, preferences and pending change", async () => {
    const profile = await prisma.workerProfile.findFirstOrThrow({
      where: { user: { email: "interimaire@demo.coop-emploi.fr" } },
      include: { diplomas: { include: { document: true } }, pendingChanges: true, user: { include: { notificationPrefs: true } } },
    });
    const approved = profile.diplomas.find((d) => d.status === "APPROVED")!;
    expect(approved.document?.mimeType).toBe("application/pdf");
    expect(profile.diplomas.some((d) => d.status === "PENDING" && d.name.startsWith("DEAS"))).toBe(true);
    expect(profile.diplomas.find((d) => d.status === "REFUSED")?.refusalReason).toBeTruthy();
    expect(profile.user.notificationPrefs).toHaveLength(Object.values(NotificationKind).length);
    expect(profile.user.notificationPrefs.every((p) => p.enabled)).toBe(true);
    expect(profile.pendingChanges.some((c) => c.status === "PENDING")).toBe(true);
  });

  it("has thirty other workers and work for the staff and client screens", async () => {
    // Accounts reserved for e2e specs (@e2e.coop-emploi.fr) are deliberately bare.
    const workers = await prisma.workerProfile.findMany({
      where: { user: { email: { not: { endsWith: "@e2e.coop-emploi.fr" } } } },
      include: { agencies: true, qualifications: true, contracts: true, user: { include: { notificationPrefs: true } } },
    });
    expect(workers.length).toBeGreaterThanOrEqual(31);
    // The ciblage's nurses are on no mission yet, one on purpose without a located address;
    // the account area's e2e accounts (e2e.compte.*) are bare on purpose too.
    for (const w of workers.filter((x) => !x.user.email.startsWith("cible.") && !x.user.email.startsWith("e2e."))) {
      expect(w.agencies.length).toBeGreaterThan(0);
      expect(w.qualifications.length).toBeGreaterThan(0);
      expect(w.contracts.length).toBeGreaterThan(0);
      expect(w.latitude).toBeTypeOf("number");
      expect(w.user.notificationPrefs).toHaveLength(8);
    }
    expect(await prisma.profileChange.count({ where: { status: "PENDING" } })).toBeGreaterThanOrEqual(5);
    expect(await prisma.availability.count()).toBeGreaterThan(10);
    expect(await prisma.user.count({ where: { role: "CLIENT" } })).toBeGreaterThanOrEqual(2);
    const atJean = await prisma.contract.findMany({
      where: { client: { name: "RESIDENCE JEAN XXIII" }, state: "SIGNED", startDate: { lte: today }, endDate: { gte: today } },
      select: { workerId: true },
    });
    expect(new Set(atJean.map((c) => c.workerId)).size).toBeGreaterThanOrEqual(5);
    expect(
      await prisma.timesheet.count({ where: { status: "SUBMITTED", contract: { client: { name: "RESIDENCE JEAN XXIII" } } } }),
    ).toBeGreaterThan(5);
  });

  it("stores the issued PDF of every issued contract, so that pages and downloads only read", async () => {
    const contracts = await prisma.contract.findMany({ include: { issuedDocument: true } });
    const issued = contracts.filter((c) => c.state !== "DRAFT" && (c.state !== "CANCELLED" || c.issuedAt));
    // About 290 demo contracts are issued (the e2e fixtures' ones are not in the demo seed).
    expect(issued.length).toBeGreaterThan(250);
    for (const c of issued) {
      expect(c.issuedDocument, c.number).not.toBeNull();
      expect(c.issuedDocument!.kind).toBe("CONTRACT_ISSUED");
      expect(c.issuedDocument!.workerId).toBe(c.workerId);
      expect(c.issuedDocument!.agencyId).toBe(c.agencyId);
      expect(c.issuedSha256).toBe(c.issuedDocument!.sha256);
    }
    for (const c of contracts.filter((c) => c.state === "DRAFT")) expect(c.issuedDocumentId).toBeNull();
    // A sample of the files: stored, a PDF, the hash the worker signs.
    for (const c of issued.filter((_, i) => i % 40 === 0)) {
      const bytes = await buffer(await storage.openObjectStream(c.issuedDocument!.storageKey));
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(c.issuedSha256);
    }
  });

  it("does nothing the second time", async () => {
    const before = await countRows(prisma);
    const second = await seed(prisma, { now, storage, log: (line) => logs.push(line) });
    expect(second.skipped).toBe(true);
    expect(logs.at(-1)).toBe("Base déjà initialisée : rien à faire");
    expect(logs.join("\n")).toContain("Données de démonstration créées");
    expect(await countRows(prisma)).toEqual(before);
    expect(before).toEqual(first.counts);
  });
});
