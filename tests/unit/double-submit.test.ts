// Repeated and concurrent submissions (double click, two tabs, a replayed
// post) of every create path, on a real database, PGlite and PostgreSQL:
// 15 parallel identical calls of the real server-side function make exactly
// one row, and every caller gets the same answer, never an exception.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { localStorage } from "@/lib/storage";
import type { StaffUser } from "@/lib/auth/session";
import { newFormKey } from "@/lib/forms";
import { createOnce } from "@/lib/submissions";
import { createContract, type ContractInput } from "@/lib/contracts/create-contract";
import { inviteWorker } from "@/lib/backoffice/workers";
import { requestDocument } from "@/lib/documents/request";
import { setAvailability } from "@/lib/missions/set-availability";
import { registerWorker } from "@/lib/auth/accounts";
import { cellName, saveClientWeek } from "@/lib/timesheets/service";
import { isoDate, weekOf } from "@/lib/timesheets/rules";
import { needForStaff, sendOffers } from "@/lib/ciblage/service";
import { matchingPage } from "@/lib/ciblage/matching";
import { publishDocument } from "@/lib/documents/publish";
import { Readable } from "node:stream";
import { COMPTE_E2E_WORKERS, HOURS_CLIENT_EMAIL, seedWithFixtures, seededStaff } from "../helpers/seed";

// Monday 24 March 2025, 10:00 in Paris (the seed's "now").
const MONDAY = new Date("2025-03-24T09:00:00.000Z");
const N = 15;

const engines = await testEngines("dups");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

const times = <T>(n: number, make: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => make(i)));

/** The values of fulfilled calls; fails the test on any rejection. */
function values<T>(settled: PromiseSettledResult<T>[]): T[] {
  expect(settled.filter((s) => s.status === "rejected").map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

function allEqual<T>(results: T[]) {
  for (const r of results) expect(r).toEqual(results[0]);
}

describe.each(engines)("parallel identical submissions on $name", ({ open }) => {
  let dir = "";
  let db: TestDb;
  let staff: StaffUser;
  let worker: { id: string; workerId: string; firstName: string; lastName: string; email: string };
  let contractInput: ContractInput;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dups-"));
    process.env.APP_URL ??= "http://localhost:3000";
    db = await open();
    await seedWithFixtures(db.prisma, {
      now: MONDAY,
      storage: localStorage(path.join(dir, "storage")),
      log: () => {},
      issuedContractPdfs: false,
    });
    holder.__espacePrisma = db.prisma; // lib/db's client for the services
    staff = await seededStaff(db.prisma);
    const w = await db.prisma.user.findUniqueOrThrow({
      where: { email: COMPTE_E2E_WORKERS.acompte },
      include: { workerProfile: { include: { agencies: true } } },
    });
    worker = { id: w.id, workerId: w.workerProfile!.id, firstName: w.firstName, lastName: w.lastName, email: w.email };
    const agencyId = w.workerProfile!.agencies.find((a) => staff.agencyIds.includes(a.agencyId))!.agencyId;
    const site = await db.prisma.clientSite.findFirstOrThrow({ where: { client: { agencyId } }, orderBy: { name: "asc" } });
    // A qualification the worker holds (the fixture's validated diploma grants 520).
    const qualification = await db.prisma.qualification.findFirstOrThrow({ where: { code: "520" } });
    contractInput = {
      workerId: worker.workerId,
      siteId: site.id,
      qualificationId: qualification.id,
      reference: "DOUBLE CLIC",
      // Far from the seed's contracts: no overlap with the worker's bookings.
      startDate: new Date("2027-02-01T00:00:00.000Z"),
      endDate: new Date("2027-02-05T00:00:00.000Z"),
      hoursLabel: "08:00-15:00 00:00-00:00",
      hourlyRateCents: 1450,
      recourseCase: "ACTIVITY_INCREASE",
      replacedName: null,
      replacedPosition: null,
      recourseReason: "Inventaire annuel",
      detail: null,
      weeklyHours: 35,
      pattern: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "15:00", breakMinutes: 30 },
    };
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("Créer le contrat clicked 15 times at once: one contract, and every click lands on it", async () => {
    const key = `${staff.id}:${newFormKey()}`;
    const results = values(await times(N, () => createContract(staff, contractInput, key)));
    allEqual(results);
    expect(results[0]).toEqual({ ok: true, data: { id: expect.any(String), number: expect.any(String) } });
    const rows = await db.prisma.contract.findMany({
      where: { workerId: worker.workerId, reference: "DOUBLE CLIC" },
      include: { _count: { select: { shifts: true } } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(results[0].ok && results[0].data.id);
    expect(rows[0]._count.shifts).toBe(5);
    expect(await db.prisma.auditLog.count({ where: { action: "contract.created", entityId: rows[0].id } })).toBe(1);
    // The same form posted again later still lands on it.
    expect(await createContract(staff, contractInput, key)).toEqual(results[0]);
    // Another rendering of the form (a new key) is a new contract: the overlap rule answers.
    const other = await createContract(staff, contractInput, `${staff.id}:${newFormKey()}`);
    expect(other).toMatchObject({
      ok: false,
      fieldErrors: { shifts: expect.stringContaining("déjà réservé") },
      message: expect.stringContaining("déjà réservé"),
    });
  });

  it("createOnce: one client for 15 parallel posts of one form; a failed first try frees the key; a taken name still fails", async () => {
    const agencyId = staff.agencyIds[0];
    const key = `${staff.id}:${newFormKey()}`;
    const make = (name: string) => async (tx: Parameters<Parameters<typeof createOnce>[1]>[0]) =>
      (await tx.client.create({ data: { agencyId, name } })).id;
    const results = values(await times(N, () => createOnce(key, make("CLIENT DOUBLE CLIC"))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    expect(await db.prisma.client.count({ where: { agencyId, name: "CLIENT DOUBLE CLIC" } })).toBe(1);

    const retryKey = `${staff.id}:${newFormKey()}`;
    await expect(createOnce(retryKey, async () => Promise.reject(new Error("validation failed")))).rejects.toThrow("validation failed");
    const retried = await createOnce(retryKey, make("CLIENT APRES ECHEC"));
    expect(retried.repeated).toBe(false);
    expect(await db.prisma.client.count({ where: { name: "CLIENT APRES ECHEC" } })).toBe(1);

    // The unique name of a client is still the answer for another form.
    await expect(createOnce(`${staff.id}:${newFormKey()}`, make("CLIENT DOUBLE CLIC"))).rejects.toMatchObject({ code: "P2002" });
  });

  it("a document request posted 15 times at once: one request, one email per front desk, the same answer to all", async () => {
    const key = `${worker.id}:${newFormKey()}`;
    const before = await db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "document-request:" } } });
    const results = values(await times(N, () => requestDocument(worker, { kind: "ASSEDIC_CERTIFICATE", message: "Merci" }, MONDAY, key)));
    allEqual(results);
    expect(results[0]).toEqual({ ok: true, message: expect.stringMatching(/^Votre demande a bien été envoyée à l'agence/) });
    const rows = await db.prisma.documentRequest.findMany({
      where: { workerId: worker.workerId, kind: "ASSEDIC_CERTIFICATE", status: "OPEN" },
    });
    expect(rows).toHaveLength(1);
    expect(await db.prisma.auditLog.count({ where: { action: "document.requested", entityId: rows[0].id } })).toBe(1);
    const emails = await db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `document-request:${rows[0].id}:` } } });
    expect(emails).toBeGreaterThan(0);
    expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "document-request:" } } })).toBe(before + emails);
  });

  it("document requests from 15 separate renderings at once: one request, one creation answer, the others told it is in progress", async () => {
    const results = values(
      await times(N, () => requestDocument(worker, { kind: "WORK_CERTIFICATE", message: "" }, MONDAY, `${worker.id}:${newFormKey()}`)),
    );
    expect(results.filter((r) => /bien été envoyée/.test(r.message ?? ""))).toHaveLength(1);
    const others = results.filter((r) => !/bien été envoyée/.test(r.message ?? ""));
    expect(others).toHaveLength(N - 1);
    for (const r of others)
      expect(r).toEqual({
        ok: true,
        message: expect.stringMatching(/est en cours de traitement par l'agence : inutile de la renouveler\.$/),
      });
    expect(await db.prisma.documentRequest.count({ where: { workerId: worker.workerId, kind: "WORK_CERTIFICATE", status: "OPEN" } })).toBe(
      1,
    );
    // Once the agency has answered it, a new request is a new row.
    await db.prisma.documentRequest.updateMany({
      where: { workerId: worker.workerId, kind: "WORK_CERTIFICATE" },
      data: { status: "DONE", openKey: null },
    });
    const again = await requestDocument(worker, { kind: "WORK_CERTIFICATE", message: "" }, MONDAY, `${worker.id}:${newFormKey()}`);
    expect(again.message).toMatch(/bien été envoyée/);
    expect(await db.prisma.documentRequest.count({ where: { workerId: worker.workerId, kind: "WORK_CERTIFICATE" } })).toBe(2);
  });

  it("availability set 15 times at once (and from two tabs with opposite answers): one row per day and part", async () => {
    const days = [new Date("2025-04-07T00:00:00.000Z"), new Date("2025-04-08T00:00:00.000Z"), new Date("2025-04-09T00:00:00.000Z")];
    const parts = ["MORNING", "AFTERNOON"] as const;
    const counts = values(await times(N, () => setAvailability(worker, days, [...parts], true)));
    allEqual(counts);
    expect(counts[0]).toEqual({ ok: true, data: 6 });
    const where = { workerId: worker.workerId, date: { in: days } };
    expect(await db.prisma.availability.count({ where })).toBe(6);
    values(await times(N, (i) => setAvailability(worker, days, [...parts], i % 2 === 0)));
    const rows = await db.prisma.availability.findMany({ where });
    expect(rows).toHaveLength(6);
  });

  it("an invitation posted 15 times at once: one account, one invitation email, the same answer to all", async () => {
    const key = `${staff.id}:${newFormKey()}`;
    const email = "invitee.double@exemple.fr";
    const input = { agencyId: staff.agencyIds[0], firstName: "Inès", lastName: "Double", email, phone: null };
    const results = values(await times(N, () => inviteWorker(staff, input, key)));
    allEqual(results);
    expect(results[0]).toEqual({ ok: true, data: { workerId: expect.any(String), workerNumber: expect.any(String) } });
    expect(await db.prisma.user.count({ where: { email } })).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { to: email } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "worker.invited", details: { path: ["email"], equals: email } } })).toBe(1);
    // Another rendering of the form is refused next to the address.
    expect(await inviteWorker(staff, input, `${staff.id}:${newFormKey()}`)).toEqual({
      ok: false,
      message: "Un compte existe déjà avec cette adresse e-mail.",
      fieldErrors: { email: "Un compte existe déjà avec cette adresse e-mail." },
    });
  });

  it("a sign-up posted 15 times at once: one account and one confirmation email, no existing-account notice", async () => {
    const email = "signup.double@exemple.fr";
    const data = {
      firstName: "Sam",
      lastName: "Double",
      email,
      phone: "+33612345678",
      password: "cheval-agrafe-batterie-correcte",
      agencyId: staff.agencyIds[0],
    };
    const deferred: Promise<void>[] = [];
    values(await times(N, () => registerWorker(data, (task) => void deferred.push(task()))));
    values(await Promise.allSettled(deferred));
    expect(await db.prisma.user.count({ where: { email } })).toBe(1);
    const mails = await db.prisma.outboxMessage.findMany({ where: { to: email }, select: { subject: true } });
    expect(mails).toHaveLength(1);
    // Someone else signing up with that address (another password) is told by email.
    const later: Promise<void>[] = [];
    await registerWorker({ ...data, password: "autre-phrase-secrete-longue" }, (task) => void later.push(task()));
    await Promise.all(later);
    expect(await db.prisma.outboxMessage.count({ where: { to: email } })).toBe(2);
  }, 120_000);

  it("Transmettre posted 15 times at once: one submitted timesheet, the same success to all", async () => {
    const client = await db.prisma.user.findUniqueOrThrow({ where: { email: HOURS_CLIENT_EMAIL }, include: { clientMemberships: true } });
    const user = { id: client.id, clientIds: client.clientMemberships.map((m) => m.clientId) };
    const week = weekOf(new Date("2025-03-17T00:00:00.000Z"));
    const contract = await db.prisma.contract.findFirstOrThrow({ where: { number: "96001" } });
    const values7: Record<string, string> = {};
    for (const day of week.days) {
      const weekday = (day.getUTCDay() + 6) % 7;
      values7[cellName(contract.id, isoDate(day))] = day >= contract.startDate && day <= contract.endDate && weekday < 5 ? "7" : "";
    }
    const input = { monday: week.monday, contractIds: [contract.id], values: values7, submit: true, at: MONDAY };
    const results = values(await times(N, () => saveClientWeek(user, input)));
    allEqual(results);
    expect(results[0]).toEqual({ ok: true, message: "Heures transmises à l'agence." });
    const sheets = await db.prisma.timesheet.findMany({
      where: { contractId: contract.id, weekStart: week.monday },
      include: { entries: true },
    });
    expect(sheets).toHaveLength(1);
    expect(sheets[0].status).toBe("SUBMITTED");
    expect(await db.prisma.auditLog.count({ where: { action: "timesheet.submitted", entityId: sheets[0].id } })).toBe(1);
    // Other hours for a submitted week are still refused.
    const changed = {
      ...input,
      values: { ...values7, [cellName(contract.id, isoDate(week.days.find((d) => d >= contract.startDate)!))]: "8" },
    };
    expect(await saveClientWeek(user, changed)).toEqual({ ok: false, message: "Les heures de cette semaine ont déjà été transmises." });
  });
  it("Envoyer la proposition posted 15 times at once: one offer and one email per worker", async () => {
    const needs = await db.prisma.missionNeed.findMany({
      where: { status: "OPEN", agencyId: { in: staff.agencyIds } },
      select: { id: true },
    });
    let target: { needId: string; workerIds: string[] } | null = null;
    for (const { id } of needs) {
      const need = (await needForStaff(staff.agencyIds, id))!;
      const fresh = (await matchingPage(need, { limits: { match: 5000, unknown: 0, excluded: 0 } })).rows
        .filter((m) => m.status === "match" && !m.offered)
        .map((m) => m.workerId);
      if (fresh.length) {
        target = { needId: id, workerIds: fresh.slice(0, 2) };
        break;
      }
    }
    expect(target).not.toBeNull();
    const { needId, workerIds } = target!;
    const results = values(await times(N, () => sendOffers(staff, needId, workerIds)));
    // The first sends them; every other post is told they already have it.
    expect(results.filter((r) => r?.ok && r.data.count === workerIds.length)).toHaveLength(1);
    expect(results.filter((r) => r?.ok && r.data.count === 0)).toHaveLength(N - 1);
    expect(await db.prisma.missionOffer.count({ where: { needId, workerId: { in: workerIds } } })).toBe(workerIds.length);
    for (const workerId of workerIds)
      expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: `mission-offer:${needId}:${workerId}` } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "targeting.offers_sent", entityId: needId } })).toBe(1);
  });

  it("a certificate published 15 times at once from one form: one document; another form is another document", async () => {
    const agencyId = staff.agencyIds[0];
    const member = await db.prisma.workerAgency
      .findFirstOrThrow({ where: { agencyId, workerId: worker.workerId } })
      .catch(() => db.prisma.workerAgency.findFirstOrThrow({ where: { agencyId } }));
    const context = { userId: staff.id, agencyIds: staff.agencyIds };
    const file = () => Readable.from([Buffer.from("%PDF-1.4\n% certificat\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")]);
    const input = {
      staff: context,
      agencyId,
      workerId: member.workerId,
      kind: "WORK_CERTIFICATE" as const,
      number: null,
      periodStart: new Date("2025-01-01T00:00:00Z"),
      periodEnd: new Date("2025-01-31T00:00:00Z"),
    };
    const key = `${staff.id}:${newFormKey()}`;
    const where = { workerId: member.workerId, kind: "WORK_CERTIFICATE" as const, periodStart: input.periodStart };
    const before = await db.prisma.document.count({ where });
    const results = values(await times(N, () => publishDocument({ ...input, source: file(), submission: key })));
    allEqual(results);
    expect(results[0]).toEqual({ ok: true, data: { documentId: expect.any(String), workerId: member.workerId, emailed: true } });
    expect(await db.prisma.document.count({ where })).toBe(before + 1);
    expect(
      await db.prisma.auditLog.count({
        where: { action: "document.published", entityId: results[0].ok ? results[0].data.documentId : "" },
      }),
    ).toBe(1);
    const other = await publishDocument({ ...input, source: file(), submission: `${staff.id}:${newFormKey()}` });
    expect(other.ok).toBe(true);
    expect(await db.prisma.document.count({ where })).toBe(before + 2);
  });
});
