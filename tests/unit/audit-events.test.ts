// Every audit event has a French label and a French rendering of its data:
// the registry is typed by the event union (a missing entry fails tsc: see the
// expected type error at the end of this file), and this test renders sample data of every event
// and checks that no raw code (event type, enum value, field key) shows.
import { describe, expect, it } from "vitest";
import {
  AUDIT_EVENTS,
  AUDIT_EVENT_TYPES,
  auditActionOptions,
  auditLabel,
  renderAuditDetails,
  type AuditEventData,
  type AuditEventType,
} from "@/lib/audit/events";

const shift = (start: string, end: string) => ({ startsAt: start, endsAt: end, kind: "WORK" as const, absenceCode: null });
const decision = { amountCents: 15000, reason: "Plafond atteint", paidOn: "2026-03-18" };
const client = { name: "Clinique du Parc", phone: "01 23 45 67 89", email: "rh@parc.fr", siret: "12345678900011" };
const site = { name: "Bâtiment A", address: "1 rue de la Paix", postalCode: "75002", city: "Paris", phone: null, accessMeans: "Métro 3" };

// Typed by the union: a new event without sample data fails tsc here too.
const SAMPLES: { [K in AuditEventType]: AuditEventData[K] } = {
  "auth.login": { role: "WORKER" },
  "auth.login_failed": { failuresInARow: 3 },
  "auth.reauth_failed": { failuresInARow: 1 },
  "auth.logout": {},
  "demo.reset": { reason: "staff", durationMs: 21_400 },
  "auth.signup": {},
  "auth.email_confirmed": {},
  "auth.account_activated": {},
  "auth.password_reset_requested": {},
  "auth.password_reset": {},
  "auth.password_changed": {},
  "auth.session_ended": { device: "Firefox sur Windows" },
  "auth.other_sessions_ended": { count: 2 },
  "outbox.read": { to: "lea@exemple.fr", page: 2 },
  "outbox.resend": {},
  "profile.change_requested": { field: "mobilityKm" },
  "profile.change_approved": { field: "document:ID_CARD" },
  "profile.change_refused": { field: "iban", reason: "RIB illisible" },
  "profile.secret_revealed": { field: "ssn" },
  "settings.notification_changed": { kind: "NEW_PAYSLIP", enabled: false },
  "availability.set": { days: 3, parts: ["MORNING", "NIGHT"], available: true },
  "calendar.token_renewed": {},
  "timesheet.draft_saved": { contract: "40012", week: "2026-03-09", minutes: { "2026-03-09": 420 }, total: 420 },
  "timesheet.submitted": { contract: "40012", week: "2026-03-09", minutes: { "2026-03-09": 420 }, total: 2100 },
  "timesheet.corrected": {
    contract: "40012",
    week: "2026-03-09",
    changes: [{ date: "2026-03-10", old: 420, new: 480 }],
    extras: [{ date: "2026-03-10", field: "paniers repas", old: "0", new: "1" }],
  },
  "timesheet.payroll_exported": { agency: "Coop Emploi Médical Impérial", from: "2026-11-01", to: "2026-11-30", rows: 12 },
  "targeting.created": {
    siteId: "ck1",
    qualificationId: "ck2",
    startDate: "2026-03-12",
    endDate: "2026-03-19",
    hours: "8h-16h",
    qualification: "Infirmier",
    site: "Bâtiment A",
  },
  "targeting.offers_sent": { workerIds: ["ck3", "ck4"] },
  "targeting.offer_accepted": {},
  "targeting.offer_declined": {},
  "targeting.worker_picked": { offerId: "ck5", contractId: "ck6", contractNumber: "40013", retained: 1, wanted: 2 },
  "targeting.closed": { offers: 3, notified: 2 },
  "worker.invited": { email: "marc@exemple.fr", workerNumber: "9603" },
  "worker.invitation_resent": {},
  "worker.deactivated": { sessionsEnded: 2 },
  "worker.reactivated": {},
  "worker.profile.updated_by_staff": {
    fields: ["phone", "iban"],
    changes: [
      { field: "phone", from: "06 12 34 56 78", to: "06 98 76 54 32" },
      { field: "iban", from: "FR76 **** **** **** **** ***0 189", to: "FR76 **** **** **** **** ***0 606" },
    ],
  },
  "contract.created": { number: "40014", startDate: "2026-03-12", endDate: "2026-03-19", shifts: 6, hourlyRateCents: 1450 },
  "contract.updated": {
    changed: {
      endDate: { from: "2026-03-12", to: "2026-03-19" },
      hourlyRateCents: { from: 1450, to: 1500 },
      qualificationId: { from: "ck7", to: "ck8" },
    },
    removedShifts: 1,
    version: 3,
    reissued: true,
  },
  "contract.shift_added": {
    shiftId: null,
    before: null,
    after: shift("2026-03-12T07:00:00.000Z", "2026-03-12T15:00:00.000Z"),
    version: 2,
    reissued: false,
  },
  "contract.shift_updated": {
    shiftId: "ck9",
    before: shift("2026-03-12T07:00:00.000Z", "2026-03-12T15:00:00.000Z"),
    after: shift("2026-03-12T08:00:00.000Z", "2026-03-12T16:00:00.000Z"),
    version: 3,
    reissued: true,
  },
  "contract.shift_removed": {
    shiftId: "ck9",
    before: shift("2026-03-12T07:00:00.000Z", "2026-03-12T15:00:00.000Z"),
    after: null,
    version: 4,
    reissued: false,
  },
  "contract.shifts_regenerated": {
    pattern: { weekdays: [1, 2, 3], start: "21:00", end: "07:00", breakMinutes: 30 },
    count: 9,
    version: 2,
    reissued: false,
  },
  "contract.issued": { number: "40014", state: "AWAITING_SIGNATURE", version: 2 },
  "contract.cancelled": { number: "40014", previousState: "DRAFT", reason: "Mission annulée par le client" },
  "contract.signature_code_sent": { phone: "06 •• •• •• 78", documentSha256: "ab".repeat(32) },
  "contract.signature_code_refused": { reason: "hour" },
  "contract.signature_code_failed": { phone: "06 •• •• •• 78", outboxId: "ck10" },
  "contract.signature_failed": { reason: "wrong-code", attempts: 2 },
  "contract.signed": { version: 2, documentSha256: "ab".repeat(32), signedDocumentSha256: "cd".repeat(32) },
  "contract.evidence_downloaded": { number: "42691", events: 7, sha256: "ef".repeat(32) },
  "contract.document_issued": {
    version: 2,
    documentSha256: "ab".repeat(32),
    sealSubject: "CN=Coop Emploi, C=FR",
    sealFingerprint: "AB:CD",
  },
  "advance.requested": { amountCents: 15000, payDate: "2026-03-18" },
  "advance.updated": { amountCents: 20000 },
  "advance.cancelled": {},
  "advance.accepted": { ...decision, reason: null, paidOn: null },
  "advance.refused": { ...decision, paidOn: null },
  "advance.paid": { ...decision, reason: null },
  "advance.exported": { payDate: "2026-03-18", count: 4, totalCents: 60000 },
  "diploma.added": {},
  "diploma.approved": { qualificationIds: ["ck11"] },
  "diploma.refused": { reason: "Document illisible" },
  "document.published": { kind: "PAYSLIP", number: "3985", sizeBytes: 48_000, sha256: "ef".repeat(32), batch: "upload/1" },
  "document.requested": { kind: "WORK_CERTIFICATE" },
  "document.bulk_uploaded": { files: 20, matched: 19, sizeBytes: 2_500_000 },
  "document.downloaded": { kind: "ID_CARD" },
  "dashboard_block.created": { title: "Fermeture", published: false },
  "dashboard_block.updated": { title: "Fermeture", published: true },
  "dashboard_block.published": { title: "Fermeture" },
  "dashboard_block.unpublished": { title: "Fermeture" },
  "dashboard_block.moved": { title: "Fermeture", position: 1 },
  "dashboard_block.deleted": { title: "Fermeture" },
  "client.created": client,
  "client.updated": { before: client, after: { ...client, phone: "01 99 99 99 99" } },
  "client_site.created": site,
  "client_site.updated": { before: site, after: { ...site, city: "Lyon", postalCode: "69001" } },
  "smic.added": { effectiveFrom: "2027-01-01", hourlyCents: 1225, source: "Décret du 18 décembre 2026" },
  "qualification_minimum.set": { qualification: "Aide-soignant (312)", from: null, to: 1450 },
  "agency.long_day_agreement_set": { enabled: true },
  "diploma.recorded": { name: "Diplôme d'État d'aide-soignant", obtainedOn: "2015-06-30", qualification: "Aide-soignant (312)" },
};

// Raw codes that must never reach staff: event types, enum values, field keys, JS leftovers.
const RAW = [
  /\b[a-z_]+\.[a-z_]+\b/, // "contract.updated"
  /\b[A-Z]{2,}(_[A-Z]+)*\b(?<!RIB|IBAN|BIC|SIRET|ASSEDIC|SMIC)/, // "WORKER", "NEW_PAYSLIP"
  /\b[a-z]+[A-Z][a-zA-Z]*\b/, // "endDate", "hourlyRateCents"
  /undefined|null|NaN|\[object|true|false/,
  /\bck\d+\b/, // ids
];

describe("audit events", () => {
  it.each(AUDIT_EVENT_TYPES)("%s has a French label and renders its sample data in French", (type) => {
    const def = AUDIT_EVENTS[type];
    expect(def.label.length).toBeGreaterThan(3);
    expect(def.label).not.toContain(type);
    for (const pattern of RAW) expect(def.label).not.toMatch(pattern);
    // Email addresses are the user's own data, not codes.
    const lines = renderAuditDetails(type, SAMPLES[type]).map((l) => l.replace(/\S+@\S+/g, "<email>"));
    for (const line of lines) {
      expect(line.trim().length).toBeGreaterThan(0);
      for (const pattern of RAW) expect(line, `${type}: ${line}`).not.toMatch(pattern);
    }
  });

  it("every event has sample data that renders at least one line, except events without data", () => {
    for (const type of AUDIT_EVENT_TYPES) {
      const hasData = Object.keys(SAMPLES[type]).length > 0;
      if (hasData) expect(renderAuditDetails(type, SAMPLES[type]).length, type).toBeGreaterThan(0);
    }
  });

  it("labels are unique, so that the filter tells events apart", () => {
    const labels = AUDIT_EVENT_TYPES.map((t) => AUDIT_EVENTS[t].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("edits read old → new values, with fr-FR dates and euros; roles in French", () => {
    expect(renderAuditDetails("contract.updated", SAMPLES["contract.updated"])).toEqual([
      "Date de fin : 12/03/2026 → 19/03/2026",
      "Taux horaire : 14,50\u00a0€ → 15,00\u00a0€",
      "Qualification modifiée",
      "1 créneau retiré",
      "Version 3",
      "Contrat à signer de nouveau",
    ]);
    // Instants in Paris time: 07:00 UTC is 08:00 in March (winter time).
    expect(renderAuditDetails("contract.shift_updated", SAMPLES["contract.shift_updated"])[0]).toBe(
      "Créneau : 12-03-2026 à 08:00 – 16:00 → 12-03-2026 à 09:00 – 17:00",
    );
    expect(renderAuditDetails("client.updated", SAMPLES["client.updated"])).toEqual(["Téléphone : 01 23 45 67 89 → 01 99 99 99 99"]);
    expect(renderAuditDetails("timesheet.corrected", SAMPLES["timesheet.corrected"])).toContain("10/03/2026 : 07h00 → 08h00");
    expect(renderAuditDetails("timesheet.corrected", SAMPLES["timesheet.corrected"])).toContain("10/03/2026, paniers repas : 0 → 1");
    expect(renderAuditDetails("auth.login", { role: "WORKER" })).toEqual(["Rôle : Intérimaire"]);
    expect(renderAuditDetails("auth.login", { role: "STAFF" })).toEqual(["Rôle : Agence"]);
    expect(renderAuditDetails("auth.login", { role: "CLIENT" })).toEqual(["Rôle : Entreprise cliente"]);
  });

  it("an unknown (older) action reads « Action : <code> » and its details do not break the page", () => {
    expect(auditLabel("legacy.thing_done")).toBe("Action : legacy.thing_done");
    expect(renderAuditDetails("legacy.thing_done", { a: 1 })).toEqual([]);
    // A known action whose stored details lack today's fields: no crash, no "undefined".
    expect(() => renderAuditDetails("contract.updated", null)).not.toThrow();
    expect(renderAuditDetails("contract.updated", { changed: "oops" }).join(" ")).not.toMatch(/undefined|NaN/);
    expect(renderAuditDetails("timesheet.corrected", {})).toEqual([]);
  });

  it("filter options carry the stored code as value and the French label as text, sorted", () => {
    const options = auditActionOptions(["dashboard_block.created", "auth.login", "legacy.x"]);
    expect(options).toEqual([
      { value: "legacy.x", label: "Action : legacy.x" },
      { value: "dashboard_block.created", label: "Bloc du tableau de bord créé" },
      { value: "auth.login", label: "Connexion" },
    ]);
  });
});

// Compile-time: a registry that misses an event does not type-check.
// @ts-expect-error "auth.login" is missing
const incomplete: typeof AUDIT_EVENTS = Object.fromEntries(Object.entries(AUDIT_EVENTS).filter(([k]) => k !== "auth.login")) as Omit<
  typeof AUDIT_EVENTS,
  "auth.login"
>;
void incomplete;
