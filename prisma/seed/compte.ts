// Demo/test data of "Votre compte" (issue 4): the keys that hold one open
// advance request per payment day and one pending change per profile field,
// and dedicated accounts for the end-to-end tests of this area. The test
// accounts have a mission at fixed dates (March 2025) so that tests can move
// the clock (e2e-now cookie) to a known week whatever the day they run.
import { advanceOpenKey } from "../../lib/advances/rules";
import { pendingKeyOf } from "../../lib/profile/fields";
import type { Plan } from "./plan";
import { addDays, calendarDay, isoWeekday, parisTime, type Random } from "./time";

export const COMPTE_E2E_WORKERS = {
  fiche: "e2e.compte.fiche@exemple.fr",
  diplome: "e2e.compte.diplome@exemple.fr",
  acompte: "e2e.compte.acompte@exemple.fr",
  notif: "e2e.compte.notif@exemple.fr",
  autre: "e2e.compte.autre@exemple.fr",
  email: "e2e.compte.email@exemple.fr",
} as const;

export function addCompteData(plan: Plan, options: { rng: Random; passwordHash: string; encryptSecret?: (plain: string) => string }) {
  const { rng, passwordHash, encryptSecret } = options;

  for (const a of plan.advanceRequests) {
    if (a.status === "PENDING") a.openKey = advanceOpenKey(a.workerId, a.agencyId, a.payDate as Date);
  }
  for (const c of plan.profileChanges) {
    if (c.status === "PENDING") c.pendingKey = pendingKeyOf(c.workerId, c.field);
  }

  const medimp = plan.agencies.find((a) => a.code === "MEDIMP")!.id!;
  const client = plan.clients.find((c) => c.name === "RESIDENCE JEAN XXIII")!;
  const site = plan.clientSites.find((s) => s.clientId === client.id)!;
  const qualification = plan.qualifications.find((q) => q.code === "520")!;
  const createdAt = new Date("2025-01-06T09:00:00Z");

  const people: [keyof typeof COMPTE_E2E_WORKERS, string, string, "M" | "MME", string][] = [
    ["fiche", "Fabienne", "Fichet", "MME", "9401"],
    ["diplome", "Denis", "Diplomat", "M", "9402"],
    ["acompte", "Agathe", "Acompteau", "MME", "9403"],
    ["notif", "Noé", "Notifié", "M", "9404"],
    ["autre", "Aurore", "Autrement", "MME", "9405"],
    ["email", "Mélanie", "Mailhot", "MME", "9406"],
  ];
  const ids: Record<string, { userId: string; profileId: string }> = {};
  for (const [key, firstName, lastName, civility, number] of people) {
    const userId = rng.id();
    const profileId = rng.id();
    ids[key] = { userId, profileId };
    plan.users.push({ id: userId, email: COMPTE_E2E_WORKERS[key], passwordHash, role: "WORKER", firstName, lastName, emailVerifiedAt: createdAt, createdAt });
    plan.workerProfiles.push({
      id: profileId,
      userId,
      civility,
      phone: `+3363998094${number.slice(2)}`,
      address: "12 Rue de l'Essai",
      postalCode: "12000",
      city: "Rodez",
      mobilityKm: 30,
      familySituation: "CELIBATAIRE",
      childrenCount: 0,
      // 2 85 07 12 202 050, key 83 / a valid IBAN of the demo bank.
      ssnEncrypted: encryptSecret ? encryptSecret("285071220205083") : null,
      ibanEncrypted: encryptSecret ? encryptSecret("FR7630006000011234567890189") : null,
      bic: encryptSecret ? "DEMOFRPPXXX" : null,
      createdAt,
    });
    plan.workerAgencies.push({ id: rng.id(), workerId: profileId, agencyId: medimp, workerNumber: number, createdAt });
  }

  // A signed mission in March 2025, weekdays 09:00-16:00, validated up to Friday 21 March.
  const contractFor = (key: string, number: string) => {
    const contractId = rng.id();
    const start = calendarDay(2025, 3, 3);
    const end = calendarDay(2025, 3, 28);
    plan.contracts.push({
      id: contractId,
      number,
      reference: "RENFORT",
      agencyId: medimp,
      workerId: ids[key].profileId,
      clientId: client.id!,
      siteId: site.id!,
      qualificationId: qualification.id!,
      startDate: start,
      endDate: end,
      hoursLabel: "09:00-16:00",
      hourlyRateCents: 1250,
      weeklyHours: 35,
      recourseReason: "Accroissement temporaire d'activité",
      state: "SIGNED",
      issuedAt: new Date("2025-02-24T10:00:00Z"),
      signedAt: new Date("2025-02-24T12:00:00Z"),
      createdAt: new Date("2025-02-24T09:55:00Z"),
      updatedAt: new Date("2025-02-24T12:00:00Z"),
    });
    for (let day = start; day <= end; day = addDays(day, 1)) {
      if (isoWeekday(day) > 5) continue;
      const validated = day <= calendarDay(2025, 3, 21);
      plan.shifts.push({
        id: rng.id(),
        contractId,
        startsAt: parisTime(day, "09:00"),
        endsAt: parisTime(day, "16:00"),
        breakMinutes: 0,
        kind: "WORK",
        validated,
        validatedAt: validated ? parisTime(addDays(day, 1), "10:00") : null,
        createdAt: new Date("2025-02-24T09:55:00Z"),
        updatedAt: new Date("2025-02-24T09:55:00Z"),
      });
    }
  };
  contractFor("acompte", "30401");
  contractFor("notif", "30402");
  contractFor("autre", "30403");

  // The other worker's own items, that no one else may read or change.
  const other = ids.autre;
  const docId = rng.id();
  plan.documents.push({
    row: { id: docId, kind: "DIPLOMA", workerId: other.profileId, agencyId: null, fileName: "diplome-autre.pdf", uploadedById: other.userId, createdAt },
    render: { kind: "plain", data: { heading: "RÉPUBLIQUE FRANÇAISE", title: "Diplôme de test", paragraphs: ["Document fictif de test."], footer: "Document fictif" } },
  });
  plan.diplomas.push({ id: rng.id(), workerId: other.profileId, name: "Diplôme de test (autre)", obtainedOn: calendarDay(2020, 6, 1), documentId: docId, status: "PENDING", createdAt });
  const idDoc = rng.id();
  plan.documents.push({
    row: { id: idDoc, kind: "ID_CARD", workerId: other.profileId, agencyId: null, fileName: "piece-d-identite.pdf", uploadedById: other.userId, createdAt },
    render: { kind: "plain", data: { heading: "PIÈCE D'IDENTITÉ", title: "Carte de test", paragraphs: ["Document fictif de test."], footer: "Document fictif" } },
  });
  plan.profileChanges.push({ id: rng.id(), workerId: other.profileId, field: "document:ID_CARD", newValue: idDoc, documentId: idDoc, status: "PENDING", pendingKey: pendingKeyOf(other.profileId, "document:ID_CARD"), createdAt });
  const payDate = calendarDay(2025, 3, 26);
  plan.advanceRequests.push({
    id: rng.id(),
    workerId: other.profileId,
    agencyId: medimp,
    amountCents: 10_000,
    payDate,
    status: "PENDING",
    openKey: advanceOpenKey(other.profileId, medimp, payDate),
    createdAt: new Date("2025-03-20T10:00:00Z"),
    updatedAt: new Date("2025-03-20T10:00:00Z"),
  });
}
