// Staff edit a worker's data directly (lib/backoffice/update-worker-profile.ts):
// the form's checks (the Fiche perso's own field definitions), the scope of
// the staff member's agencies, the audit entry with masked sensitive values,
// the worker's email in the outbox, the worker's pending requests, the unique
// sign-in address, and double or concurrent submits, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StaffUser } from "@/lib/auth/session";
import { localStorage } from "@/lib/storage";
import { newFormKey } from "@/lib/forms";
import { tryDecryptSecret } from "@/lib/crypto/secrets";
import { loadProfile, validatedValues } from "@/lib/profile/service";
import { readStaffEdit, staffEditInitial, staffProfileSchema } from "@/lib/profile/staff-edit";
import { EMAIL_TAKEN, NOTHING_CHANGED, updateWorkerProfile } from "@/lib/backoffice/update-worker-profile";
import { renderAuditDetails } from "@/lib/audit/events";
import { STAFF_EDIT_E2E } from "@/prisma/fixtures";
import { seedWithFixtures, seededStaff } from "../helpers/seed";

const NEW_IBAN = "FR7630004000031234567890143";

describe("the staff edit form's checks (pure)", () => {
  const current = {
    civility: "MME",
    lastName: "Editée",
    firstName: "Estelle",
    birthName: "Martin",
    email: "e@exemple.fr",
    ssn: "285071220205083",
    mobilityKm: "25",
    workPeriod: null,
    address: JSON.stringify({ address: "3 Rue des Corrections", postalCode: "12000", city: "Rodez" }),
    phone: "+33639985101",
    iban: JSON.stringify({ iban: "FR7630006000011234567890189", bic: "DEMOFRPPXXX" }),
    familySituation: "CELIBATAIRE",
    childrenCount: "0",
  } as const;
  const form = (over: Record<string, string> = {}) => ({ ...staffEditInitial(current), ...over });

  it("the initial form holds the values on file, never the sensitive ones, and changes nothing", () => {
    const initial = staffEditInitial(current);
    expect(initial).toMatchObject({ lastName: "Editée", phone: "06 39 98 51 01", postalCode: "12000", ssn: "", iban: "", bic: "" });
    expect(readStaffEdit(initial, current)).toEqual({ value: {}, errors: {} });
  });

  it("refuses each wrong value next to its own field, with the Fiche perso's messages", () => {
    const parsed = staffProfileSchema.safeParse(
      form({ workerId: "w1", phone: "12", postalCode: "1200", iban: "FR76 3000 6000 0112 3456 7890 188", ssn: "1 88" }),
    );
    expect(parsed.success).toBe(false);
    const byPath = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath.phone).toBe("Numéro de téléphone invalide (ex. 06 12 34 56 78).");
    expect(byPath.postalCode).toBe("Code postal à 5 chiffres.");
    expect(byPath.iban).toMatch(/^IBAN invalide/);
    expect(byPath.ssn).toMatch(/^Numéro invalide/);
    expect(staffProfileSchema.safeParse(form({ workerId: "w1" })).success).toBe(true);
  });

  it("a blank sensitive field keeps its value, a blank required one is refused, a blank optional one is erased", () => {
    const read = readStaffEdit(form({ lastName: "  ", birthName: "" }), current);
    expect(read.errors).toEqual({ lastName: "Indiquez : nom." });
    expect(read.value).toEqual({ birthName: "" });
  });

  it("a typed value is stored in its canonical form and compared with the one on file", () => {
    const read = readStaffEdit(form({ phone: "0612345678", iban: NEW_IBAN.replace(/(.{4})/g, "$1 "), mobilityKm: "025" }), current);
    expect(read.errors).toEqual({});
    expect(read.value).toEqual({ phone: "+33612345678", iban: JSON.stringify({ iban: NEW_IBAN, bic: "BNPAFRPP" }) });
  });
});

const engines = await testEngines("staffedit");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("staff edit a worker's data on $name", ({ open }) => {
  let dir = "";
  let db: TestDb;
  let staff: StaffUser;
  let medimpOnly: StaffUser;

  const workerOf = async (email: string) => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { email }, include: { workerProfile: true } });
    return { userId: u.id, workerId: u.workerProfile!.id };
  };
  const formOf = async (workerId: string, over: Record<string, string>) => {
    const profile = await loadProfile(workerId, db.prisma);
    return { ...staffEditInitial(validatedValues(profile!)), workerId, ...over };
  };
  const auditsOf = (userId: string) =>
    db.prisma.auditLog.findMany({
      where: { subjectUserId: userId, action: "worker.profile.updated_by_staff" },
      orderBy: { createdAt: "asc" },
    });
  const mailsTo = (to: string) => db.prisma.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "staffedit-"));
    process.env.APP_URL ??= "http://localhost:3000";
    db = await open();
    await seedWithFixtures(db.prisma, { storage: localStorage(path.join(dir, "storage")), log: () => {}, issuedContractPdfs: false });
    holder.__espacePrisma = db.prisma;
    staff = await seededStaff(db.prisma);
    medimpOnly = await seededStaff(db.prisma, "lea.fabre@demo.coop-emploi.fr");
  }, 180_000); // seeding the demo data and fixtures, on a shared machine

  afterAll(async () => {
    await db?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies the changed fields, audits them with sensitive values masked and emails the worker once", async () => {
    const { userId, workerId } = await workerOf(STAFF_EDIT_E2E.unit.email);
    const values = await formOf(workerId, {
      phone: "06 11 22 33 44",
      address: "8 Avenue Victor Hugo",
      postalCode: "12000",
      city: "Rodez",
      iban: NEW_IBAN,
      bic: "",
    });
    const result = await updateWorkerProfile(staff, workerId, values, newFormKey());
    expect(result).toMatchObject({ ok: true, data: { changed: ["Adresse", "Téléphone", "IBAN / BIC"], stillPending: [] } });

    const profile = await db.prisma.workerProfile.findUniqueOrThrow({ where: { id: workerId } });
    expect(profile).toMatchObject({ phone: "+33611223344", address: "8 Avenue Victor Hugo", bic: "BNPAFRPP" });
    expect(tryDecryptSecret(profile.ibanEncrypted)).toBe(NEW_IBAN);

    const [audit, ...more] = await auditsOf(userId);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorId: staff.id, entityType: "WorkerProfile", entityId: workerId });
    expect((audit.details as { fields: string[] }).fields).toEqual(["address", "phone", "iban"]);
    const details = JSON.stringify(audit.details);
    expect(details).not.toContain(NEW_IBAN);
    expect(details).not.toContain("FR7630006000011234567890189");
    expect(renderAuditDetails(audit.action, audit.details)).toEqual([
      "Adresse : 3 Rue des Corrections, 12000 Rodez → 8 Avenue Victor Hugo, 12000 Rodez",
      "Téléphone : 06 39 98 52 01 → 06 11 22 33 44",
      "IBAN / BIC : - → FR76 **** **** **** **** **** 143 · BIC BNPAFRPP",
    ]);

    const mails = await mailsTo(STAFF_EDIT_E2E.unit.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Votre agence a mis à jour vos informations : Adresse, Téléphone, IBAN / BIC.");
    expect(mails[0].text).toContain("Téléphone : 06 11 22 33 44");
    expect(mails[0].text).not.toContain(NEW_IBAN);
    expect(mails[0].text).toContain("IBAN / BIC : FR76 **** **** **** **** **** 143 · BIC BNPAFRPP");
  });

  it("the same values again change nothing: no audit, no email", async () => {
    const { userId, workerId } = await workerOf(STAFF_EDIT_E2E.unit.email);
    const before = { audits: (await auditsOf(userId)).length, mails: (await mailsTo(STAFF_EDIT_E2E.unit.email)).length };
    const result = await updateWorkerProfile(staff, workerId, await formOf(workerId, {}), newFormKey());
    expect(result).toEqual({ ok: false, message: NOTHING_CHANGED });
    expect((await auditsOf(userId)).length).toBe(before.audits);
    expect((await mailsTo(STAFF_EDIT_E2E.unit.email)).length).toBe(before.mails);
  });

  it("refuses a worker of another agency, and saves nothing", async () => {
    const { userId, workerId } = await workerOf(STAFF_EDIT_E2E.otherAgency.email);
    const values = await formOf(workerId, { phone: "06 11 22 33 55", lastName: "Pirate" });
    expect(await updateWorkerProfile(medimpOnly, workerId, values, newFormKey())).toEqual({
      ok: false,
      message: "Intérimaire introuvable.",
    });
    const profile = await db.prisma.workerProfile.findUniqueOrThrow({ where: { id: workerId }, include: { user: true } });
    expect(profile.phone).toBe("+33639985301");
    expect(profile.user.lastName).toBe(STAFF_EDIT_E2E.otherAgency.lastName);
    expect(await auditsOf(userId)).toEqual([]);
    expect(await mailsTo(STAFF_EDIT_E2E.otherAgency.email)).toEqual([]);
  });

  it("refuses wrong input next to its field: a commune not in the postal code, a blank name", async () => {
    const { workerId } = await workerOf(STAFF_EDIT_E2E.unit.email);
    const result = await updateWorkerProfile(staff, workerId, await formOf(workerId, { city: "Paris", lastName: "" }), newFormKey());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toMatchObject({ lastName: "Indiquez : nom.", city: expect.any(String) });
  });

  it("keeps the sign-in address unique, and moves it when free: the new address gets the email, the old one a warning", async () => {
    const { userId, workerId } = await workerOf(STAFF_EDIT_E2E.unit.email);
    const taken = await updateWorkerProfile(staff, workerId, await formOf(workerId, { email: "e2e.staffedit@exemple.fr" }), newFormKey());
    expect(taken).toMatchObject({ ok: false, fieldErrors: { email: EMAIL_TAKEN } });

    const moved = await updateWorkerProfile(staff, workerId, await formOf(workerId, { email: "Ulysse.Nouveau@Exemple.fr" }), newFormKey());
    expect(moved.ok).toBe(true);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe("ulysse.nouveau@exemple.fr");
    const [toNew] = await mailsTo("ulysse.nouveau@exemple.fr");
    expect(toNew.text).toContain("Votre agence a mis à jour vos informations : Adresse e-mail.");
    const old = await mailsTo(STAFF_EDIT_E2E.unit.email);
    expect(old.at(-1)!.subject).toBe("Votre adresse e-mail a été modifiée");
    expect(old.at(-1)!.text).toContain("u••••@exemple.fr");
    // Back, for the other tests.
    await updateWorkerProfile(staff, workerId, await formOf(workerId, { email: STAFF_EDIT_E2E.unit.email }), newFormKey());
  });

  it("a pending request for the same value is closed as approved; one for another value stays pending", async () => {
    const { workerId } = await workerOf(STAFF_EDIT_E2E.worker.email);
    const values = await formOf(workerId, { phone: "06 39 98 51 42", childrenCount: STAFF_EDIT_E2E.worker.pendingChildren });
    const result = await updateWorkerProfile(staff, workerId, values, newFormKey());
    expect(result).toMatchObject({ ok: true, data: { changed: ["Téléphone", "Nombre d'enfants"], stillPending: ["Téléphone"] } });
    expect(result.ok && result.message).toContain("Une demande de l'intérimaire reste en attente pour : Téléphone");
    const changes = await db.prisma.profileChange.findMany({ where: { workerId }, orderBy: { field: "asc" } });
    expect(changes.map((c) => [c.field, c.status, c.reviewerId])).toEqual([
      ["childrenCount", "APPROVED", staff.id],
      ["phone", "PENDING", null],
    ]);
    const approved = await db.prisma.auditLog.count({ where: { action: "profile.change_approved", entityId: changes[0].id } });
    expect(approved).toBe(1);
  });

  it("a double click or a replayed post (one form key) applies, audits and emails once", async () => {
    const { userId, workerId } = await workerOf(STAFF_EDIT_E2E.unit.email);
    const before = { audits: (await auditsOf(userId)).length, mails: (await mailsTo(STAFF_EDIT_E2E.unit.email)).length };
    const values = await formOf(workerId, { mobilityKm: "77" });
    const key = newFormKey();
    const results = await Promise.all(Array.from({ length: 8 }, () => updateWorkerProfile(staff, workerId, values, key)));
    expect(results.every((r) => r.ok)).toBe(true);
    // Replayed later, when its values are already the ones on file: still answered like the first.
    expect(await updateWorkerProfile(staff, workerId, values, key)).toMatchObject({ ok: true, message: "Informations mises à jour." });
    expect((await auditsOf(userId)).length).toBe(before.audits + 1);
    expect((await mailsTo(STAFF_EDIT_E2E.unit.email)).length).toBe(before.mails + 1);
  });

  it("two staff saving the same correction at once (two forms) apply, audit and email it once", async () => {
    const { userId, workerId } = await workerOf(STAFF_EDIT_E2E.unit.email);
    const before = { audits: (await auditsOf(userId)).length, mails: (await mailsTo(STAFF_EDIT_E2E.unit.email)).length };
    const values = await formOf(workerId, { firstName: "Ulyssé" });
    const results = await Promise.all(Array.from({ length: 4 }, () => updateWorkerProfile(staff, workerId, values, newFormKey())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual([NOTHING_CHANGED, NOTHING_CHANGED, NOTHING_CHANGED]);
    expect((await auditsOf(userId)).length).toBe(before.audits + 1);
    expect((await mailsTo(STAFF_EDIT_E2E.unit.email)).length).toBe(before.mails + 1);
  });
});
