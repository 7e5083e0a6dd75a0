// Demo and test data of the client's hours entry and of the ciblage: two
// client companies of their own (each with its client account), workers on
// weekday contracts there, and nurses around Toulouse with addresses,
// mobility radii, availabilities and one booked on another mission.
import { NotificationKind } from "../../lib/generated/prisma/enums";
import type { Plan } from "./plan";
import { addDays, addMinutes, isoWeekday, mondayOf, parisTime, type Random } from "./time";

export const HOURS_CLIENT_EMAIL = "heures.client@demo.coop-emploi.fr";
export const OTHER_CLIENT_EMAIL = "glycines.client@demo.coop-emploi.fr";

type Ctx = {
  plan: Plan;
  rng: Random;
  now: Date;
  today: Date;
  passwordHash: string;
  agencyId: Record<string, string>;
  qualificationId: Record<string, string>;
};

type Place = { city: string; postalCode: string; inseeCode: string | null; latitude: number | null; longitude: number | null };

const TOULOUSE: Place = { city: "Toulouse", postalCode: "31000", inseeCode: "31555", latitude: 43.6045, longitude: 1.444 };
const BLAGNAC: Place = { city: "Blagnac", postalCode: "31700", inseeCode: "31069", latitude: 43.637, longitude: 1.39 };
const BALMA: Place = { city: "Balma", postalCode: "31130", inseeCode: "31044", latitude: 43.611, longitude: 1.499 };
const COLOMIERS: Place = { city: "Colomiers", postalCode: "31770", inseeCode: "31149", latitude: 43.6112, longitude: 1.335 };
const ALBI: Place = { city: "Albi", postalCode: "81000", inseeCode: "81004", latitude: 43.9289, longitude: 2.1464 };
const MURET: Place = { city: "Muret", postalCode: "31600", inseeCode: "31395", latitude: 43.461, longitude: 1.327 };
// An address typed without a commune the registry knows: never located.
const UNKNOWN: Place = { city: "Lieu-dit Les Granges", postalCode: "31999", inseeCode: null, latitude: null, longitude: null };

export function addHoursAndTargetingData(ctx: Ctx): void {
  const { plan, rng, today, passwordHash, agencyId, qualificationId } = ctx;
  const agency = agencyId.MEDIMP;
  const created = addDays(today, -120);

  // Client companies and their users
  const clients = [
    { key: "tilleuls", name: "CLINIQUE DES TILLEULS", site: "Clinique des Tilleuls", address: "5 Rue des Tilleuls", place: TOULOUSE, user: { email: HOURS_CLIENT_EMAIL, firstName: "Hélène", lastName: "Roques" } },
    { key: "glycines", name: "EHPAD LES GLYCINES", site: "EHPAD Les Glycines", address: "12 Avenue des Pyrénées", place: MURET, user: { email: OTHER_CLIENT_EMAIL, firstName: "Marc", lastName: "Estival" } },
  ].map((c) => {
    const clientId = rng.id();
    const siteId = rng.id();
    const userId = rng.id();
    plan.clients.push({ id: clientId, agencyId: agency, name: c.name, phone: "05 36 49 70 00", email: `contact.${c.key}@exemple.fr`, createdAt: created });
    plan.clientSites.push({
      id: siteId,
      clientId,
      name: c.site,
      address: c.address,
      postalCode: c.place.postalCode,
      city: c.place.city.toUpperCase(),
      inseeCode: c.place.inseeCode,
      latitude: c.place.latitude,
      longitude: c.place.longitude,
      accessMeans: "Par ses propres moyens",
      phone: "05 36 49 70 00",
      createdAt: created,
    });
    plan.users.push({ id: userId, email: c.user.email, passwordHash, role: "CLIENT", firstName: c.user.firstName, lastName: c.user.lastName, emailVerifiedAt: created, createdAt: created });
    plan.clientMemberships.push({ id: rng.id(), userId, clientId });
    return { ...c, clientId, siteId, userId };
  });
  const [tilleuls, glycines] = clients;

  let workerNumber = 6001;
  const addWorker = (w: { first: string; last: string; email: string; place: Place; street: string; mobilityKm: number | null; qualification: string; closingMails?: boolean }) => {
    const userId = rng.id();
    const profileId = rng.id();
    plan.users.push({ id: userId, email: w.email, passwordHash, role: "WORKER", firstName: w.first, lastName: w.last, emailVerifiedAt: created, createdAt: created });
    plan.workerProfiles.push({
      id: profileId,
      userId,
      civility: "MME",
      phone: `+336399899${String(workerNumber - 6000).padStart(2, "0")}`,
      address: w.street,
      postalCode: w.place.postalCode,
      city: w.place.city,
      inseeCode: w.place.inseeCode,
      latitude: w.place.latitude,
      longitude: w.place.longitude,
      mobilityKm: w.mobilityKm,
      createdAt: created,
    });
    plan.workerAgencies.push({ id: rng.id(), workerId: profileId, agencyId: agency, workerNumber: String(workerNumber++), createdAt: created });
    const diplomaId = rng.id();
    plan.diplomas.push({ id: diplomaId, workerId: profileId, name: "Diplôme d'État", obtainedOn: addDays(today, -2000), status: "APPROVED", reviewedAt: created, createdAt: created });
    plan.diplomaGrants.push({ diplomaId, qualificationIds: [qualificationId[w.qualification]] });
    plan.workerQualifications.push({ workerId: profileId, qualificationId: qualificationId[w.qualification], grantedAt: created, diplomaId });
    for (const kind of Object.values(NotificationKind)) {
      plan.notificationPreferences.push({ userId, kind, enabled: kind === "TARGETING_CLOSED" ? (w.closingMails ?? true) : true });
    }
    return { userId, profileId };
  };

  let contractNumber = 96001;
  const addContract = (args: {
    worker: { profileId: string };
    client: (typeof clients)[number];
    qualification: string;
    start: Date;
    end: Date;
    slot: [string, string];
    breakMinutes: number;
    weekdaysOnly: boolean;
    reference: string;
  }) => {
    const id = rng.id();
    // Issued five days before the start, and never after now.
    const planned = parisTime(addDays(args.start, -5), "10:00");
    const latest = addMinutes(ctx.now, -24 * 60);
    const issuedAt = planned.getTime() < latest.getTime() ? planned : latest;
    plan.contracts.push({
      id,
      number: String(contractNumber++),
      reference: args.reference,
      agencyId: agency,
      workerId: args.worker.profileId,
      clientId: args.client.clientId,
      siteId: args.client.siteId,
      qualificationId: qualificationId[args.qualification],
      startDate: args.start,
      endDate: args.end,
      hoursLabel: `${args.slot[0]}-${args.slot[1]} 00:00-00:00`,
      hourlyRateCents: 1450,
      weeklyHours: 35,
      recourseReason: "Accroissement temporaire d'activité",
      state: "SIGNED",
      issuedAt,
      signedAt: addMinutes(issuedAt, 90),
      createdAt: addMinutes(issuedAt, -30),
      updatedAt: addMinutes(issuedAt, 90),
    });
    for (let day = args.start; day.getTime() <= args.end.getTime(); day = addDays(day, 1)) {
      if (args.weekdaysOnly && isoWeekday(day) >= 6) continue;
      plan.shifts.push({
        id: rng.id(),
        contractId: id,
        startsAt: parisTime(day, args.slot[0]),
        endsAt: parisTime(day, args.slot[1]),
        breakMinutes: args.breakMinutes,
        kind: "WORK",
        validated: false,
        createdAt: issuedAt,
        updatedAt: issuedAt,
      });
    }
    return id;
  };

  // Hours entry: two workers of the Clinique des Tilleuls, one of the Glycines.
  const monday = mondayOf(today);
  const lucas = addWorker({ first: "Lucas", last: "Morel", email: "heures.lucas@exemple.fr", place: TOULOUSE, street: "3 Rue Pargaminières", mobilityKm: 10, qualification: "312" });
  const emma = addWorker({ first: "Emma", last: "Roux", email: "heures.emma@exemple.fr", place: TOULOUSE, street: "17 Rue du Taur", mobilityKm: 10, qualification: "312" });
  const ines = addWorker({ first: "Inès", last: "Garrigues", email: "heures.ines@exemple.fr", place: MURET, street: "8 Place de la Mairie", mobilityKm: 10, qualification: "520" });
  addContract({ worker: lucas, client: tilleuls, qualification: "312", start: addDays(monday, -28), end: addDays(monday, 27), slot: ["08:00", "15:00"], breakMinutes: 0, weekdaysOnly: true, reference: "RENFORT" });
  // Starts on a Wednesday: Monday and Tuesday of that week are outside the contract.
  addContract({ worker: emma, client: tilleuls, qualification: "312", start: addDays(monday, -26), end: addDays(monday, 13), slot: ["09:00", "17:00"], breakMinutes: 90, weekdaysOnly: false, reference: "R COSTES" });
  addContract({ worker: ines, client: glycines, qualification: "520", start: addDays(monday, -14), end: addDays(monday, 13), slot: ["07:00", "14:00"], breakMinutes: 0, weekdaysOnly: true, reference: "RENFORT" });

  // Ciblage: nurses (301) around the Clinique des Tilleuls in Toulouse.
  const nurse = (first: string, place: Place, street: string, mobilityKm: number | null, closingMails = true) =>
    addWorker({ first, last: "Ciblat", email: `cible.${first.toLowerCase()}@exemple.fr`, place, street, mobilityKm, qualification: "301", closingMails });
  const near = [nurse("Aurore", BLAGNAC, "2 Avenue du Parc", 30), nurse("Bruno", BALMA, "9 Rue de l'Autan", 20, false), nurse("Fanny", COLOMIERS, "14 Allée du Lauragais", 25)];
  nurse("Carla", ALBI, "6 Rue Séré de Rivières", 20); // outside her radius
  nurse("Denis", UNKNOWN, "Chemin des Granges", 40); // address not located
  const elsa = nurse("Elsa", TOULOUSE, "22 Rue d'Alsace-Lorraine", 30); // unavailable on one day
  const gael = nurse("Gael", TOULOUSE, "40 Boulevard de Strasbourg", 30); // booked on another mission

  const availability = (workerId: string, date: Date, available: boolean) =>
    plan.availabilities.push({ id: rng.id(), workerId, date, part: "FULL_DAY", available, createdAt: created, updatedAt: created });
  for (let d = 18; d <= 26; d++) for (const w of near) availability(w.profileId, addDays(today, d), true);
  availability(elsa.profileId, addDays(today, 21), false);
  addContract({ worker: gael, client: glycines, qualification: "301", start: addDays(today, 21), end: addDays(today, 23), slot: ["09:00", "16:00"], breakMinutes: 0, weekdaysOnly: false, reference: "RENFORT" });
  // Moves house during the geocoding e2e: not located until the agency approves the new address.
  nurse("Hugo", UNKNOWN, "Chemin du Moulin", 40);
}
