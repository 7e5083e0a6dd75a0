// Builds every row of the demo data in memory, relative to "now", from a
// seeded random generator: the same date and seed give the same data. The
// seed script then renders the documents and inserts the rows.
import type { Prisma } from "../../lib/generated/prisma/client";
import { NotificationKind, type ContractState, type DayPart } from "../../lib/generated/prisma/enums";
import { computePayslip, type PayslipData, type PdfEmployee, type PdfEmployer } from "../../lib/pdf/payslip";
import type { AttestationData, PlainDocumentData, WorkCertificateData } from "../../lib/pdf/simple-document";
import {
  AGENCIES,
  CITIES,
  CLIENTS,
  CLIENT_USERS,
  DEMO_WORKER,
  FRONT_DESK_STAFF_EMAIL,
  PAYROLL_STAFF_EMAIL,
  QUALIFICATIONS,
  REPLACED_PEOPLE,
  SECTORS,
  SHIFT_PATTERNS,
  STAFF,
  WORKERS,
  DEMO_STAFF_EMAIL,
  type CityKey,
  type ShiftPatternKey,
} from "./data";
import { DASHBOARD_BLOCKS } from "./dashboard";
import { MISSIONS_TEST_WORKERS, PLANNING_TEST_HOURS_LABEL, PLANNING_TEST_SHIFTS } from "./missions";
import { addCompteData } from "./compte";
import { addDocumentsE2eData } from "./documents-e2e";
import { addSecurityE2eData } from "./security-e2e";
import { addHoursAndTargetingData } from "./hours-targeting";
import { fictionalIban, maskSocialSecurityNumber, socialSecurityNumber } from "./identity";
import {
  addDays,
  addMinutes,
  calendarDay,
  compactDate,
  diffDays,
  endOfMonth,
  isPublicHoliday,
  isoDate,
  isoWeekday,
  mondayOf,
  parisDay,
  parisTime,
  sameDay,
  startOfMonth,
  type Random,
} from "./time";

export type DocumentRender =
  | { kind: "payslip"; data: PayslipData }
  | { kind: "attestation"; data: AttestationData }
  | { kind: "certificate"; data: WorkCertificateData }
  | { kind: "plain"; data: PlainDocumentData };

/** A document row still missing what storing its file gives: key, hash, size. */
export type DocumentJob = {
  row: Omit<Prisma.DocumentCreateManyInput, "storageKey" | "sha256" | "sizeBytes" | "mimeType">;
  render: DocumentRender;
};

export type Plan = {
  agencies: Prisma.AgencyCreateManyInput[];
  sectors: Prisma.SectorCreateManyInput[];
  qualifications: Prisma.QualificationCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  staffMemberships: Prisma.StaffMembershipCreateManyInput[];
  clients: Prisma.ClientCreateManyInput[];
  clientSites: Prisma.ClientSiteCreateManyInput[];
  clientMemberships: Prisma.ClientMembershipCreateManyInput[];
  workerProfiles: Prisma.WorkerProfileCreateManyInput[];
  workerAgencies: Prisma.WorkerAgencyCreateManyInput[];
  documents: DocumentJob[];
  diplomas: Prisma.DiplomaCreateManyInput[];
  diplomaGrants: { diplomaId: string; qualificationIds: string[] }[];
  workerQualifications: Prisma.WorkerQualificationCreateManyInput[];
  contracts: Prisma.ContractCreateManyInput[];
  shifts: Prisma.ShiftCreateManyInput[];
  timesheets: Prisma.TimesheetCreateManyInput[];
  timesheetEntries: Prisma.TimesheetEntryCreateManyInput[];
  advanceRequests: Prisma.AdvanceRequestCreateManyInput[];
  availabilities: Prisma.AvailabilityCreateManyInput[];
  profileChanges: Prisma.ProfileChangeCreateManyInput[];
  notificationPreferences: Prisma.NotificationPreferenceCreateManyInput[];
  dashboardBlocks: Prisma.DashboardBlockCreateManyInput[];
  missionNeeds: Prisma.MissionNeedCreateManyInput[];
  missionOffers: Prisma.MissionOfferCreateManyInput[];
  documentRequests: Prisma.DocumentRequestCreateManyInput[];
};

export type PlanOptions = {
  now: Date;
  rng: Random;
  passwordHash: string;
  /** Encrypts sensitive profile fields (SSN, IBAN); without it they stay empty. */
  encryptSecret?: (plain: string) => string;
};

type Segment = { start: Date; end: Date };

type WorkerCtx = {
  userId: string;
  profileId: string;
  civility: "M" | "MME";
  firstName: string;
  lastName: string;
  email: string;
  street: string;
  city: CityKey;
  qualifications: string[];
  clients: string[];
  numbers: Record<string, string>;
  workPeriod?: string;
  createdAt: Date;
  birthDate: Date;
  ssn: string;
  phone: string;
};

type ShiftDraft = Prisma.ShiftCreateManyInput & { id: string; day: Date; startsAt: Date; endsAt: Date; breakMinutes: number };
type ContractDraft = Prisma.ContractCreateManyInput & {
  id: string;
  startDate: Date;
  endDate: Date;
  createdAt: Date;
  clientKey: string;
  qualificationCode: string;
  worker: WorkerCtx;
  shiftDrafts: ShiftDraft[];
};

const BASE_RATE_CENTS: Record<string, number> = {
  "301": 2050,
  "312": 1405,
  "318": 1380,
  "319": 1375,
  "520": 1268,
  "525": 1245,
  "610": 1290,
  "612": 1480,
  "615": 1690,
  "620": 1250,
};

const CLIENT_RATE_BONUS: Record<string, number> = { jean23: 17, closfleuri: 5, cedres: 12, valariege: 0, fampyrenees: 8, jaures: 0, imesources: 10, passerelle: 15 };

const DETAILS: Record<string, (string | null)[]> = {
  jean23: ["Unité Les Lilas", "Unité protégée", "Service hébergement", null, null],
  closfleuri: ["Maison 2", "Maison 3 - accueil de jour", null, null],
  cedres: ["Unité Alzheimer", "1er étage", null],
  valariege: ["Service hébergement", null],
  fampyrenees: ["Unité Le Néouvielle", null],
  jaures: ["Classe ULIS", "Vie scolaire", null],
  imesources: ["Groupe des adolescents", null],
  passerelle: ["Internat", "Service d'accueil d'urgence", null],
};

const DIPLOMA_NAMES: Record<string, string> = {
  "301": "Diplôme d'État d'infirmier",
  "312": "DEAS - Diplôme d'État d'aide-soignant",
  "318": "DEAMP - Diplôme d'État d'aide médico-psychologique",
  "319": "DEAES - Diplôme d'État d'accompagnant éducatif et social",
  "520": "Titre professionnel Agent de service médico-social",
  "525": "CAP Agent polyvalent de restauration",
  "610": "BPJEPS Animation sociale",
  "612": "DEME - Diplôme d'État de moniteur-éducateur",
  "615": "DEES - Diplôme d'État d'éducateur spécialisé",
  "620": "Attestation de formation AESH (60 heures)",
};

const pad2 = (n: number) => String(n).padStart(2, "0");

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function shiftMinutes(s: { startsAt: Date; endsAt: Date; breakMinutes: number }): number {
  return Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000) - s.breakMinutes;
}

export function buildPlan(options: PlanOptions): Plan {
  const { rng, now, passwordHash, encryptSecret } = options;
  const today = parisDay(now);
  const plan: Plan = {
    agencies: [],
    sectors: [],
    qualifications: [],
    users: [],
    staffMemberships: [],
    clients: [],
    clientSites: [],
    clientMemberships: [],
    workerProfiles: [],
    workerAgencies: [],
    documents: [],
    diplomas: [],
    diplomaGrants: [],
    workerQualifications: [],
    contracts: [],
    shifts: [],
    timesheets: [],
    timesheetEntries: [],
    advanceRequests: [],
    availabilities: [],
    profileChanges: [],
    notificationPreferences: [],
    dashboardBlocks: [],
    missionNeeds: [],
    missionOffers: [],
    documentRequests: [],
  };

  /**
   * An office-hours instant on a Paris day; a day that is not over yet moves
   * to one of the previous days, so that the instant is never after now.
   */
  const officeTime = (day: Date, fromHour = 9, toHour = 17): Date => {
    const time = `${pad2(rng.int(fromHour, toHour))}:${pad2(rng.int(0, 59))}`;
    const at = parisTime(day, time);
    return at.getTime() < now.getTime() ? at : parisTime(addDays(today, -rng.int(1, 6)), time);
  };
  const minuteFloor = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
  const notAfterNow = (at: Date, marginMinutes = 2): Date =>
    at.getTime() <= now.getTime() - marginMinutes * 60_000 ? minuteFloor(at.getTime()) : minuteFloor(now.getTime() - marginMinutes * 60_000);
  const longAgo = (minDays: number, maxDays: number) => officeTime(addDays(today, -rng.int(minDays, maxDays)));

  // -------------------------------------------------------------------------
  // Agencies, sectors, qualifications, staff
  // -------------------------------------------------------------------------
  const agencyId: Record<string, string> = {};
  for (const a of AGENCIES) {
    agencyId[a.code] = rng.id();
    const { siret: _siret, urssaf: _urssaf, ...row } = a;
    plan.agencies.push({ id: agencyId[a.code], ...row, createdAt: longAgo(1500, 1600) });
  }
  const employerOf = (code: string): PdfEmployer => {
    const a = AGENCIES.find((x) => x.code === code)!;
    return { name: a.name, address: a.address, postalCode: a.postalCode, city: a.city, siret: a.siret, naf: "7820Z", urssaf: a.urssaf, phone: a.phone, payrollEmail: a.payrollEmail };
  };

  const sectorId: Record<string, string> = {};
  for (const s of SECTORS) {
    sectorId[`${s.agency}/${s.name}`] = rng.id();
    plan.sectors.push({ id: sectorId[`${s.agency}/${s.name}`], agencyId: agencyId[s.agency], name: s.name, position: s.position });
  }

  const qualificationId: Record<string, string> = {};
  const qualificationLabel = (code: string) => {
    const q = QUALIFICATIONS.find((x) => x.code === code)!;
    return `${q.label} (${q.code})`;
  };
  for (const q of QUALIFICATIONS) {
    qualificationId[q.code] = rng.id();
    plan.qualifications.push({ id: qualificationId[q.code], code: q.code, label: q.label });
  }

  const staffId: Record<string, string> = {};
  for (const s of STAFF) {
    const createdAt = longAgo(900, 1400);
    staffId[s.email] = rng.id();
    plan.users.push({
      id: staffId[s.email],
      email: s.email,
      passwordHash,
      role: "STAFF",
      firstName: s.firstName,
      lastName: s.lastName,
      emailVerifiedAt: addMinutes(createdAt, 12),
      createdAt,
    });
    for (const [agency, sector] of Object.entries(s.memberships)) {
      plan.staffMemberships.push({
        id: rng.id(),
        userId: staffId[s.email],
        agencyId: agencyId[agency],
        sectorId: sector ? sectorId[`${agency}/${sector}`] : null,
        jobTitle: s.jobTitle,
        phone: s.phone ?? null,
      });
    }
  }
  const payrollId = staffId[PAYROLL_STAFF_EMAIL];
  const frontDeskId = staffId[FRONT_DESK_STAFF_EMAIL];
  const recruiterOf = (agency: string): string => {
    const candidates = STAFF.filter((s) => s.memberships[agency]);
    return staffId[rng.pick(candidates).email];
  };

  // -------------------------------------------------------------------------
  // Clients, sites, client users
  // -------------------------------------------------------------------------
  const clientInfo: Record<string, { clientId: string; siteId: string; agency: string; name: string; userId?: string }> = {};
  for (const c of CLIENTS) {
    const clientId = rng.id();
    const siteId = rng.id();
    const city = CITIES[c.site.city];
    const createdAt = longAgo(700, 1400);
    clientInfo[c.key] = { clientId, siteId, agency: c.agency, name: c.name };
    plan.clients.push({ id: clientId, agencyId: agencyId[c.agency], name: c.name, siret: c.siret, phone: c.phone, email: c.email, createdAt });
    plan.clientSites.push({
      id: siteId,
      clientId,
      name: c.site.name,
      address: c.site.address,
      postalCode: city.postalCode,
      city: city.name.toUpperCase(),
      inseeCode: city.inseeCode,
      latitude: c.site.latitude,
      longitude: c.site.longitude,
      accessMeans: c.site.accessMeans,
      phone: c.site.phone,
      createdAt,
    });
  }
  for (const u of CLIENT_USERS) {
    const userId = rng.id();
    const createdAt = longAgo(200, 500);
    clientInfo[u.client].userId ??= userId;
    plan.users.push({
      id: userId,
      email: u.email,
      passwordHash,
      role: "CLIENT",
      firstName: u.firstName,
      lastName: u.lastName,
      emailVerifiedAt: addMinutes(createdAt, 30),
      createdAt,
    });
    plan.clientMemberships.push({ id: rng.id(), userId, clientId: clientInfo[u.client].clientId });
  }
  const hasClientUsers = (clientKey: string) => Boolean(clientInfo[clientKey].userId);

  // -------------------------------------------------------------------------
  // Workers
  // -------------------------------------------------------------------------
  const usedNumbers: Record<string, Set<string>> = { MEDIMP: new Set([DEMO_WORKER.workerNumber]), EDUC31: new Set() };
  const newNumber = (agency: string) => {
    for (;;) {
      const n = String(agency === "MEDIMP" ? rng.int(1100, 5980) : rng.int(7010, 7990));
      if (!usedNumbers[agency].has(n)) {
        usedNumbers[agency].add(n);
        return n;
      }
    }
  };

  const workers: WorkerCtx[] = [];
  const addWorker = (w: {
    email: string;
    civility: "M" | "MME";
    firstName: string;
    lastName: string;
    street: string;
    city: CityKey;
    phone: string;
    birthDate: Date;
    mobilityKm: number;
    workPeriod?: "JOUR" | "NUIT" | "MATIN" | "APRES_MIDI" | "INDIFFERENT";
    familySituation: "CELIBATAIRE" | "MARIE" | "PACSE" | "CONCUBINAGE" | "DIVORCE" | "VEUF";
    childrenCount: number;
    numbers: Record<string, string>;
    qualifications: string[];
    clients: string[];
    createdAt: Date;
  }): WorkerCtx => {
    const city = CITIES[w.city];
    const ssn = socialSecurityNumber(w.civility === "M" ? 1 : 2, w.birthDate, city.inseeCode, rng.int(1, 999));
    const ctx: WorkerCtx = {
      userId: rng.id(),
      profileId: rng.id(),
      civility: w.civility,
      firstName: w.firstName,
      lastName: w.lastName,
      email: w.email,
      street: w.street,
      city: w.city,
      qualifications: w.qualifications,
      clients: w.clients,
      numbers: w.numbers,
      workPeriod: w.workPeriod,
      createdAt: w.createdAt,
      birthDate: w.birthDate,
      ssn,
      phone: w.phone,
    };
    plan.users.push({
      id: ctx.userId,
      email: w.email,
      passwordHash,
      role: "WORKER",
      firstName: w.firstName,
      lastName: w.lastName,
      emailVerifiedAt: addMinutes(w.createdAt, rng.int(3, 90)),
      createdAt: w.createdAt,
    });
    const bank = encryptSecret ? fictionalIban(rng) : null;
    plan.workerProfiles.push({
      id: ctx.profileId,
      userId: ctx.userId,
      civility: w.civility,
      birthDate: w.birthDate,
      phone: w.phone,
      address: w.street,
      postalCode: city.postalCode,
      city: city.name,
      inseeCode: city.inseeCode,
      latitude: city.latitude,
      longitude: city.longitude,
      mobilityKm: w.mobilityKm,
      workPeriod: w.workPeriod ?? null,
      familySituation: w.familySituation,
      childrenCount: w.childrenCount,
      ssnEncrypted: encryptSecret ? encryptSecret(ssn) : null,
      ibanEncrypted: bank && encryptSecret ? encryptSecret(bank.iban) : null,
      bic: bank?.bic ?? null,
      createdAt: w.createdAt,
    });
    for (const [agency, workerNumber] of Object.entries(w.numbers)) {
      plan.workerAgencies.push({ id: rng.id(), workerId: ctx.profileId, agencyId: agencyId[agency], workerNumber, createdAt: addMinutes(w.createdAt, 60 * 24) });
    }
    workers.push(ctx);
    return ctx;
  };

  const demo = addWorker({
    email: DEMO_WORKER.email,
    civility: DEMO_WORKER.civility,
    firstName: DEMO_WORKER.firstName,
    lastName: DEMO_WORKER.lastName,
    street: DEMO_WORKER.address,
    city: DEMO_WORKER.city,
    phone: DEMO_WORKER.phone,
    birthDate: new Date(`${DEMO_WORKER.birthDate}T00:00:00Z`),
    mobilityKm: DEMO_WORKER.mobilityKm,
    familySituation: DEMO_WORKER.familySituation,
    childrenCount: DEMO_WORKER.childrenCount,
    numbers: { [DEMO_WORKER.agency]: DEMO_WORKER.workerNumber },
    qualifications: DEMO_WORKER.qualifications,
    clients: ["jean23", "closfleuri"],
    // Registered before the first mission of the history (26 months back).
    createdAt: officeTime(addDays(startOfMonth(today, -27), 3)),
  });

  const familySituations = ["CELIBATAIRE", "MARIE", "PACSE", "CONCUBINAGE", "DIVORCE", "CELIBATAIRE"] as const;
  const others: WorkerCtx[] = WORKERS.map((w, index) => {
    const numbers: Record<string, string> = {};
    for (const agency of w.agencies) numbers[agency] = newNumber(agency);
    const family = rng.pick(familySituations);
    return addWorker({
      email: `${slug(w.firstName)}.${slug(w.lastName)}@exemple.fr`,
      civility: w.civility,
      firstName: w.firstName,
      lastName: w.lastName,
      street: w.street,
      city: w.city,
      phone: `+336399800${pad2(10 + index)}`,
      birthDate: calendarDay(rng.int(1966, 2003), rng.int(1, 12), rng.int(1, 28)),
      mobilityKm: w.mobilityKm,
      workPeriod: w.workPeriod,
      familySituation: family,
      childrenCount: family === "CELIBATAIRE" ? rng.pick([0, 0, 0, 1]) : rng.int(0, 3),
      numbers,
      qualifications: w.qualifications,
      clients: w.clients,
      createdAt: longAgo(90, 1100),
    });
  });

  // -------------------------------------------------------------------------
  // Diplomas and qualifications (documents of the demo worker's diplomas are rendered)
  // -------------------------------------------------------------------------
  const plainDiplomaDoc = (w: WorkerCtx, title: string, obtainedOn: Date, createdAt: Date, fileName: string) => {
    const id = rng.id();
    plan.documents.push({
      row: { id, kind: "DIPLOMA", workerId: w.profileId, agencyId: null, fileName, uploadedById: w.userId, createdAt },
      render: {
        kind: "plain",
        data: {
          heading: "RÉPUBLIQUE FRANÇAISE",
          title,
          paragraphs: [
            `Décerné à ${w.civility === "M" ? "M." : "Mme"} ${w.firstName} ${w.lastName.toUpperCase()}`,
            `né${w.civility === "MME" ? "e" : ""} le ${isoDate(w.birthDate).split("-").reverse().join("/")}`,
            `Délivré le ${isoDate(obtainedOn).split("-").reverse().join("/")}`,
          ],
          footer: "Copie numérisée - document fictif de démonstration",
        },
      },
    });
    return id;
  };

  // Demo worker: an approved title that grants 520 and 525, a pending DEAS, a refused attestation.
  {
    const approvedOn = calendarDay(2016, 6, 24);
    const approvedCreated = addMinutes(demo.createdAt, 40);
    const approvedId = rng.id();
    plan.diplomas.push({
      id: approvedId,
      workerId: demo.profileId,
      name: "Titre professionnel Agent de service médico-social",
      obtainedOn: approvedOn,
      documentId: plainDiplomaDoc(demo, "Titre professionnel Agent de service médico-social", approvedOn, approvedCreated, "titre-pro-asms.pdf"),
      status: "APPROVED",
      reviewerId: staffId["lea.fabre@demo.coop-emploi.fr"],
      reviewedAt: addMinutes(approvedCreated, 60 * 26),
      createdAt: approvedCreated,
    });
    plan.diplomaGrants.push({ diplomaId: approvedId, qualificationIds: [qualificationId["520"], qualificationId["525"]] });
    for (const code of DEMO_WORKER.qualifications) {
      plan.workerQualifications.push({ workerId: demo.profileId, qualificationId: qualificationId[code], grantedAt: addMinutes(approvedCreated, 60 * 26), diplomaId: approvedId });
    }

    const deasOn = today.getUTCMonth() >= 6 ? calendarDay(today.getUTCFullYear(), 7, 3) : calendarDay(today.getUTCFullYear() - 1, 7, 3);
    const pendingCreated = notAfterNow(addMinutes(now, -60 * rng.int(20, 70)));
    plan.diplomas.push({
      id: rng.id(),
      workerId: demo.profileId,
      name: "DEAS - Diplôme d'État d'aide-soignant",
      obtainedOn: deasOn,
      documentId: plainDiplomaDoc(demo, "Diplôme d'État d'aide-soignant", deasOn, pendingCreated, "deas.pdf"),
      status: "PENDING",
      createdAt: pendingCreated,
    });

    const refusedOn = calendarDay(today.getUTCFullYear() - 1, 2, 12);
    const refusedCreated = officeTime(addDays(today, -rng.int(40, 60)));
    plan.diplomas.push({
      id: rng.id(),
      workerId: demo.profileId,
      name: "Attestation de formation gestes et postures",
      obtainedOn: refusedOn,
      documentId: plainDiplomaDoc(demo, "Attestation de formation - Gestes et postures", refusedOn, refusedCreated, "attestation-gestes-postures.pdf"),
      status: "REFUSED",
      reviewerId: staffId["margaux.riviere@demo.coop-emploi.fr"],
      reviewedAt: addMinutes(refusedCreated, 60 * 20),
      refusalReason: "Document illisible : merci de déposer un scan complet et lisible de l'attestation.",
      createdAt: refusedCreated,
    });
  }

  // Other workers: approved diplomas (paper originals, no scan) for their qualifications;
  // a few recent uploads waiting for validation, with a scan.
  others.forEach((w, index) => {
    for (const code of w.qualifications) {
      const createdAt = addMinutes(w.createdAt, rng.int(30, 600));
      const lastYear = Math.min(today.getUTCFullYear() - 1, w.createdAt.getUTCFullYear());
      const obtainedOn = calendarDay(rng.int(Math.min(Math.max(w.birthDate.getUTCFullYear() + 19, 1990), lastYear), lastYear), rng.int(1, 12), rng.int(1, 28));
      const diplomaId = rng.id();
      const agency = Object.keys(w.numbers)[0];
      plan.diplomas.push({
        id: diplomaId,
        workerId: w.profileId,
        name: DIPLOMA_NAMES[code],
        obtainedOn,
        status: "APPROVED",
        reviewerId: recruiterOf(agency),
        reviewedAt: addMinutes(createdAt, rng.int(60, 60 * 48)),
        createdAt,
      });
      plan.diplomaGrants.push({ diplomaId, qualificationIds: [qualificationId[code]] });
      plan.workerQualifications.push({ workerId: w.profileId, qualificationId: qualificationId[code], grantedAt: addMinutes(createdAt, 60 * 49), diplomaId });
    }
    if (index % 9 === 4) {
      const code = w.qualifications.includes("312") ? "318" : w.qualifications.includes("520") ? "312" : "610";
      const createdAt = notAfterNow(addMinutes(now, -60 * rng.int(3, 120)));
      const obtainedOn = calendarDay(today.getUTCFullYear() - rng.int(0, 1), rng.int(1, 6), rng.int(1, 28));
      plan.diplomas.push({
        id: rng.id(),
        workerId: w.profileId,
        name: DIPLOMA_NAMES[code],
        obtainedOn,
        documentId: plainDiplomaDoc(w, DIPLOMA_NAMES[code].replace(/^[A-Z]+ - /, ""), obtainedOn, createdAt, `${slug(DIPLOMA_NAMES[code]).slice(0, 40)}.pdf`),
        status: "PENDING",
        createdAt,
      });
    }
  });

  // -------------------------------------------------------------------------
  // Contracts and shifts
  // -------------------------------------------------------------------------
  // Weeks before this Monday are submitted by client companies that enter hours
  // online; on Monday and Tuesday last week is still being entered.
  const submittedBefore = isoWeekday(today) <= 2 ? addDays(mondayOf(today), -7) : mondayOf(today);
  const agencyValidatedBefore = addDays(today, -2);
  const hash = (text: string) => {
    let h = 0;
    for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return h;
  };
  const submissionTime = (contractId: string, weekStart: Date) => {
    const h = hash(contractId + isoDate(weekStart));
    return notAfterNow(parisTime(addDays(weekStart, 7 + (h % 2)), `${pad2(9 + (h % 7))}:${pad2(h % 60)}`));
  };
  const isValidated = (clientKey: string, day: Date, endsAt: Date) =>
    endsAt.getTime() < now.getTime() && day.getTime() < (hasClientUsers(clientKey) ? submittedBefore : agencyValidatedBefore).getTime();
  const validationTime = (clientKey: string, contractId: string, day: Date, endsAt: Date) => {
    const at = hasClientUsers(clientKey) ? submissionTime(contractId, mondayOf(day)) : parisTime(addDays(day, rng.int(1, 2)), `${pad2(rng.int(9, 17))}:${pad2(rng.int(0, 59))}`);
    return notAfterNow(at.getTime() > endsAt.getTime() ? at : addMinutes(endsAt, 90));
  };

  const contracts: ContractDraft[] = [];

  const addContract = (args: {
    worker: WorkerCtx;
    clientKey: string;
    segment: Segment;
    pattern: ShiftPatternKey;
    qualificationCode: string;
    state: ContractState;
    restProbability: number;
    replacement?: boolean;
    workedDays?: Date[]; // days never left as rest days
  }): ContractDraft => {
    const { worker, clientKey, segment, pattern, qualificationCode, state } = args;
    const client = clientInfo[clientKey];
    const id = rng.id();
    const replacement = args.replacement ?? rng.chance(0.85);
    const person = rng.pick(REPLACED_PEOPLE);
    const createdAt = officeTime(addDays(segment.start, -rng.int(2, 12)));
    const issuedAt = state === "DRAFT" ? null : notAfterNow(addMinutes(createdAt, rng.int(1, 6)), 1);
    let signedAt: Date | null = null;
    if (state === "SIGNED" && issuedAt) {
      const latest = parisTime(segment.start, "06:45");
      // Signed within a few hours, or the next day at a waking hour.
      let at = rng.chance(0.5)
        ? addMinutes(issuedAt, rng.int(10, 180))
        : parisTime(addDays(parisDay(issuedAt), 1), `${pad2(rng.int(7, 22))}:${pad2(rng.int(0, 59))}`);
      if (at.getTime() > latest.getTime()) at = latest.getTime() > issuedAt.getTime() ? latest : addMinutes(issuedAt, 5);
      signedAt = notAfterNow(at, 1);
    }
    const cancelledAt = state === "CANCELLED" && issuedAt ? notAfterNow(addMinutes(issuedAt, rng.int(60 * 20, 60 * 60)), 1) : null;
    const monthsAgo = Math.max(0, diffDays(today, segment.start) / 30);
    const hourlyRateCents = Math.round(BASE_RATE_CENTS[qualificationCode] + CLIENT_RATE_BONUS[clientKey] - monthsAgo * 1.6);
    const absent = person.civility === "MME" ? "absente" : "absent";
    const contract: ContractDraft = {
      id,
      number: "", // assigned once all contracts exist, in creation order
      reference: replacement ? `${person.lastName[0].toUpperCase()} ${person.firstName.toUpperCase()}` : "RENFORT",
      agencyId: agencyId[client.agency],
      workerId: worker.profileId,
      clientId: client.clientId,
      siteId: client.siteId,
      qualificationId: qualificationId[qualificationCode],
      startDate: segment.start,
      endDate: segment.end,
      hoursLabel: SHIFT_PATTERNS[pattern].label,
      detail: rng.pick(DETAILS[clientKey]),
      hourlyRateCents,
      weeklyHours: SHIFT_PATTERNS[pattern].weekdaysOnly ? 32.5 : 35,
      recourseReason: replacement
        ? `Remplacement de ${person.civility === "MME" ? "Mme" : "M."} ${person.lastName[0].toUpperCase()}. ${person.firstName}, ${absent}`
        : "Accroissement temporaire d'activité",
      state,
      issuedAt,
      signedAt,
      cancelledAt,
      createdAt,
      updatedAt: cancelledAt ?? signedAt ?? issuedAt ?? createdAt,
      clientKey,
      qualificationCode,
      worker,
      shiftDrafts: [],
    };
    if (state !== "CANCELLED") contract.shiftDrafts = buildShifts(contract, pattern, args.restProbability, args.workedDays ?? []);
    contracts.push(contract);
    return contract;
  };

  function buildShifts(contract: ContractDraft, patternKey: ShiftPatternKey, restProbability: number, workedDays: Date[]): ShiftDraft[] {
    const pattern: { slots: { start: string; end: string; breakMinutes: number }[]; alternate?: boolean; weekdaysOnly?: boolean } = SHIFT_PATTERNS[patternKey];
    const rows: ShiftDraft[] = [];
    let index = 0;
    for (let day = contract.startDate; day.getTime() <= contract.endDate.getTime(); day = addDays(day, 1), index++) {
      const holiday = isPublicHoliday(day);
      if (pattern.weekdaysOnly && isoWeekday(day) >= 6) continue;
      const edge = sameDay(day, contract.startDate) || sameDay(day, contract.endDate) || workedDays.some((d) => sameDay(d, day));
      // Public holidays stay planned, as absences ("absent : FER").
      if (!holiday && !edge && rng.chance(restProbability)) continue;
      const slots = pattern.alternate ? [pattern.slots[index % 2]] : pattern.slots;
      for (const slot of slots) {
        const startsAt = parisTime(day, slot.start);
        const endsAt = parisTime(day, slot.end, slot.end <= slot.start ? 1 : 0);
        const validated = contract.state !== "DRAFT" && isValidated(contract.clientKey, day, endsAt);
        const validatedAt = validated ? validationTime(contract.clientKey, contract.id, day, endsAt) : null;
        rows.push({
          id: rng.id(),
          contractId: contract.id,
          day,
          startsAt,
          endsAt,
          breakMinutes: slot.breakMinutes,
          kind: holiday ? "ABSENCE" : "WORK",
          absenceCode: holiday ? "FER" : null,
          validated,
          validatedAt,
          createdAt: contract.createdAt,
          updatedAt: validatedAt ?? contract.createdAt,
        });
      }
    }
    return rows;
  }

  const backward = (lastEnd: Date, stopBefore: Date, gap: [number, number], length: [number, number]): Segment[] => {
    const out: Segment[] = [];
    let end = lastEnd;
    while (end.getTime() >= stopBefore.getTime()) {
      const start = addDays(end, -(rng.int(length[0], length[1]) - 1));
      out.push({ start, end });
      end = addDays(start, -(rng.int(gap[0], gap[1]) + 1));
    }
    return out;
  };
  const forward = (firstStart: Date, keepGoing: (count: number, start: Date) => boolean, gap: [number, number], length: [number, number]): Segment[] => {
    const out: Segment[] = [];
    let start = firstStart;
    while (keepGoing(out.length, start)) {
      const end = addDays(start, rng.int(length[0], length[1]) - 1);
      out.push({ start, end });
      start = addDays(end, rng.int(gap[0], gap[1]) + 1);
    }
    return out;
  };

  // The demo worker: dense missions over this month and the two previous ones,
  // sparser history back to two years, and upcoming contracts in every state.
  const windowStart = startOfMonth(today, -2);
  const windowEnd = endOfMonth(today);
  {
    const current: Segment = { start: addDays(today, -3), end: addDays(today, 4) };
    // Today is a working day, so that the planning shows a slot today.
    addContract({ worker: demo, clientKey: "jean23", segment: current, pattern: "evening", qualificationCode: "525", state: "SIGNED", restProbability: 0.2, replacement: true, workedDays: [today] });

    const pastCycle: [string, ShiftPatternKey, string][] = [
      ["closfleuri", "alternating", "520"],
      ["jean23", "night", "520"],
      ["closfleuri", "split", "525"],
      ["jean23", "morning", "525"],
      ["jean23", "evening", "525"],
      ["closfleuri", "afternoon", "520"],
    ];
    const past = backward(addDays(current.start, -(rng.int(1, 3) + 1)), windowStart, [1, 3], [4, 9]);
    past.forEach((segment, i) => {
      const [clientKey, pattern, code] = pastCycle[i % pastCycle.length];
      addContract({ worker: demo, clientKey, segment, pattern, qualificationCode: code, state: "SIGNED", restProbability: 0.25 });
    });

    // History: one or two missions a month, back to 26 months ago.
    const earliest = past.length ? past[past.length - 1].start : current.start;
    for (let k = 3; k <= 26; k++) {
      const monthStart = startOfMonth(today, -k);
      const limit = k === 3 ? addDays(earliest, -4) : endOfMonth(today, -k);
      let start = addDays(monthStart, rng.int(0, 9));
      for (let n = 0; n < 2; n++) {
        if (n === 1 && !rng.chance(0.6)) break;
        const end = addDays(start, rng.int(3, 9) - 1);
        if (end.getTime() > limit.getTime()) break;
        const clientKey = rng.chance(0.65) ? "jean23" : "closfleuri";
        const pattern: ShiftPatternKey = clientKey === "jean23" ? rng.pick(["evening", "evening", "morning", "night"] as const) : rng.pick(["alternating", "afternoon", "morning"] as const);
        addContract({ worker: demo, clientKey, segment: { start, end }, pattern, qualificationCode: rng.chance(0.6) ? "525" : "520", state: "SIGNED", restProbability: 0.25 });
        start = addDays(end, rng.int(3, 8) + 1);
      }
    }

    const futureCycle: [string, ShiftPatternKey, string, ContractState][] = [
      ["jean23", "morning", "525", "AWAITING_SIGNATURE"],
      ["closfleuri", "alternating", "520", "SIGNED"],
      ["jean23", "evening", "525", "INCOMPLETE"],
      ["jean23", "night", "520", "AWAITING_SIGNATURE"],
      ["closfleuri", "split", "525", "DRAFT"],
      ["jean23", "evening", "525", "SIGNED"],
      ["closfleuri", "afternoon", "520", "AWAITING_SIGNATURE"],
    ];
    const firstFuture = addDays(current.end, rng.int(1, 2) + 1);
    const future = forward(firstFuture, (count, start) => count < 5 || (start.getTime() <= windowEnd.getTime() && count < futureCycle.length), [1, 3], [3, 7]);
    future.forEach((segment, i) => {
      const [clientKey, pattern, code, state] = futureCycle[i % futureCycle.length];
      addContract({ worker: demo, clientKey, segment, pattern, qualificationCode: code, state, restProbability: 0.2 });
    });

    // A mission cancelled by the client, in the gap just after the current one.
    const cancelled = { start: addDays(current.end, 1), end: addDays(firstFuture, -1) };
    addContract({ worker: demo, clientKey: "closfleuri", segment: cancelled, pattern: "afternoon", qualificationCode: "520", state: "CANCELLED", restProbability: 0 });

    // Planning shows an absence: public holidays when there are some, else a sick day.
    const windowShifts = contracts.filter((c) => c.worker === demo).flatMap((c) => c.shiftDrafts).filter((s) => s.day >= windowStart && s.day <= windowEnd);
    if (!windowShifts.some((s) => s.kind === "ABSENCE")) {
      const candidate = windowShifts.filter((s) => s.validated && s.kind === "WORK").sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[2];
      if (candidate) {
        candidate.kind = "ABSENCE";
        candidate.absenceCode = "MAL";
      }
    }
  }

  // Other workers: a couple of months of missions around today.
  others.forEach((w, index) => {
    const primary = w.clients[0];
    const pickQualification = (clientKey: string) => {
      const allowed = CLIENTS.find((c) => c.key === clientKey)!.qualifications;
      const both = w.qualifications.filter((q) => allowed.includes(q));
      return rng.pick(both.length ? both : w.qualifications);
    };
    const pickPattern = (clientKey: string): ShiftPatternKey => {
      const patterns = CLIENTS.find((c) => c.key === clientKey)!.patterns;
      if (w.workPeriod === "NUIT" && patterns.includes("night")) return "night";
      if (w.workPeriod === "MATIN" && patterns.includes("morning")) return "morning";
      return rng.pick(patterns);
    };
    const hasCurrent = primary === "jean23" || rng.chance(0.6);
    let pastEnd: Date;
    let futureStart: Date;
    if (hasCurrent) {
      const current = { start: addDays(today, -rng.int(0, 5)), end: addDays(today, rng.int(0, 6)) };
      addContract({ worker: w, clientKey: primary, segment: current, pattern: pickPattern(primary), qualificationCode: pickQualification(primary), state: "SIGNED", restProbability: 0.3 });
      pastEnd = addDays(current.start, -(rng.int(1, 5) + 1));
      futureStart = addDays(current.end, rng.int(1, 5) + 1);
    } else {
      pastEnd = addDays(today, -rng.int(1, 6));
      futureStart = addDays(today, rng.int(2, 9));
    }
    for (const segment of backward(pastEnd, addDays(today, -56), [2, 8], [3, 8])) {
      const clientKey = rng.pick(w.clients);
      addContract({
        worker: w,
        clientKey,
        segment,
        pattern: pickPattern(clientKey),
        qualificationCode: pickQualification(clientKey),
        state: rng.chance(0.06) ? "CANCELLED" : "SIGNED",
        restProbability: 0.3,
      });
    }
    const futureCount = rng.int(1, 2);
    forward(futureStart, (count) => count < futureCount, [1, 6], [3, 8]).forEach((segment, i) => {
      const clientKey = i === 0 ? primary : rng.pick(w.clients);
      const draw = rng.next();
      const state: ContractState = index % 11 === 3 && i === futureCount - 1 ? "DRAFT" : draw < 0.55 ? "AWAITING_SIGNATURE" : draw < 0.85 ? "SIGNED" : "INCOMPLETE";
      addContract({ worker: w, clientKey, segment, pattern: pickPattern(clientKey), qualificationCode: pickQualification(clientKey), state, restProbability: 0.3 });
    });
  });

  // Accounts reserved for the e2e tests of "Mes missions" (prisma/seed/missions.ts).
  for (const t of MISSIONS_TEST_WORKERS) {
    const w = addWorker({
      email: t.email, civility: "MME", firstName: t.firstName, lastName: t.lastName, street: "1 Place d'Armes", city: t.city, phone: t.phone,
      birthDate: calendarDay(1990, 5, 12), mobilityKm: 30, familySituation: "CELIBATAIRE", childrenCount: 0,
      numbers: { MEDIMP: newNumber("MEDIMP") }, qualifications: ["520", "525"], clients: ["jean23"], createdAt: longAgo(90, 400),
    });
    for (const code of ["520", "525"]) plan.workerQualifications.push({ workerId: w.profileId, qualificationId: qualificationId[code], grantedAt: w.createdAt });
    addContract({ worker: w, clientKey: "jean23", segment: { start: addDays(today, -20), end: addDays(today, -16) }, pattern: "evening", qualificationCode: "525", state: "SIGNED", restProbability: 0 });
    if (t.key === "dispo") continue;
    if (t.key === "planning") {
      const monthStart = startOfMonth(today, 2);
      const c = addContract({ worker: w, clientKey: "jean23", segment: { start: monthStart, end: endOfMonth(monthStart) }, pattern: "evening", qualificationCode: "525", state: "SIGNED", restProbability: 0 });
      c.hoursLabel = PLANNING_TEST_HOURS_LABEL;
      c.shiftDrafts = PLANNING_TEST_SHIFTS.map((s) => {
        const day = s.day === "last" ? endOfMonth(monthStart) : addDays(monthStart, s.day - 1);
        const startsAt = parisTime(day, s.start);
        const endsAt = parisTime(day, s.end, s.end <= s.start ? 1 : 0);
        return {
          id: rng.id(), contractId: c.id, day, startsAt, endsAt, breakMinutes: s.breakMinutes,
          kind: s.absence ? "ABSENCE" : "WORK", absenceCode: s.absence ?? null, validated: !!s.validated,
          validatedAt: s.validated ? c.createdAt : null, createdAt: c.createdAt, updatedAt: c.createdAt,
        };
      });
    } else {
      addContract({ worker: w, clientKey: "jean23", segment: { start: addDays(today, 6), end: addDays(today, 9) }, pattern: "evening", qualificationCode: "525", state: "AWAITING_SIGNATURE", restProbability: 0 });
    }
  }

  // Contract numbers follow creation order and grow with time, as the
  // numbering of a whole agency network does (about five contracts a day).
  contracts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const numberingOrigin = addDays(today, -820);
  let lastNumber = 0;
  for (const c of contracts) {
    const byTime = 38_500 + Math.floor(((c.createdAt.getTime() - numberingOrigin.getTime()) / 86_400_000) * 5.2);
    lastNumber = Math.max(lastNumber + rng.int(1, 4), byTime + rng.int(0, 3));
    c.number = String(lastNumber);
  }
  for (const c of contracts) {
    const { clientKey: _k, qualificationCode: _q, worker: _w, shiftDrafts, ...row } = c;
    plan.contracts.push(row);
    for (const s of shiftDrafts) {
      const { day: _day, ...shift } = s;
      plan.shifts.push(shift);
    }
  }

  // -------------------------------------------------------------------------
  // Timesheets entered by the client companies that have an account
  // -------------------------------------------------------------------------
  const timesheetFrom = mondayOf(windowStart);
  for (const c of contracts) {
    const client = clientInfo[c.clientKey];
    if (!client.userId || c.state === "DRAFT" || c.state === "CANCELLED") continue;
    const weeks = new Map<string, ShiftDraft[]>();
    for (const s of c.shiftDrafts) {
      const key = isoDate(mondayOf(s.day));
      weeks.set(key, [...(weeks.get(key) ?? []), s]);
    }
    for (const [key, shifts] of weeks) {
      const weekStart = new Date(`${key}T00:00:00Z`);
      if (weekStart.getTime() < timesheetFrom.getTime()) continue;
      const submitted = weekStart.getTime() < submittedBefore.getTime();
      // The week being entered: some client users have started a draft.
      const draft = !submitted && c.worker !== demo && sameDay(weekStart, submittedBefore) && rng.chance(0.5);
      if (!submitted && !draft) continue;
      const byDay = new Map<string, ShiftDraft[]>();
      for (const s of shifts) {
        if (s.kind !== "WORK" || (draft && s.day.getTime() >= today.getTime())) continue;
        byDay.set(isoDate(s.day), [...(byDay.get(isoDate(s.day)) ?? []), s]);
      }
      if (!byDay.size) continue;
      const timesheetId = rng.id();
      const submittedAt = submitted ? submissionTime(c.id, weekStart) : null;
      plan.timesheets.push({
        id: timesheetId,
        contractId: c.id,
        weekStart,
        status: submitted ? "SUBMITTED" : "DRAFT",
        submittedAt,
        enteredById: client.userId,
        createdAt: submittedAt ? addMinutes(submittedAt, -rng.int(3, 30)) : notAfterNow(addMinutes(now, -rng.int(60, 600))),
        updatedAt: submittedAt ?? notAfterNow(addMinutes(now, -30)),
      });
      for (const [dayKey, dayShifts] of byDay) {
        plan.timesheetEntries.push({
          id: rng.id(),
          timesheetId,
          date: new Date(`${dayKey}T00:00:00Z`),
          minutes: dayShifts.reduce((sum, s) => sum + shiftMinutes(s), 0),
          shiftId: dayShifts[0].id,
        });
      }
    }
  }

  // -------------------------------------------------------------------------
  // Salary advances (paid on Wednesdays; requests close on Tuesday night)
  // -------------------------------------------------------------------------
  const weekday = isoWeekday(today);
  const nextPayday = addDays(today, weekday <= 2 ? 3 - weekday : 10 - weekday);
  const lastPayday = addDays(today, -((weekday - 3 + 7) % 7)); // the latest Wednesday, today included
  const advance = (w: WorkerCtx, a: { amountEuros: number; payDate: Date; status: "PENDING" | "ACCEPTED" | "PAID" | "REFUSED" | "CANCELLED"; createdAt: Date; refusalReason?: string; decidedAt?: Date }) => {
    const decided = a.status === "ACCEPTED" || a.status === "PAID" || a.status === "REFUSED";
    const decidedAt = decided ? notAfterNow(a.decidedAt ?? addMinutes(a.createdAt, 60 * 20)) : null;
    plan.advanceRequests.push({
      id: rng.id(),
      workerId: w.profileId,
      agencyId: agencyId[Object.keys(w.numbers)[0]],
      amountCents: a.amountEuros * 100,
      payDate: a.payDate,
      status: a.status,
      refusalReason: a.refusalReason ?? null,
      paidOn: a.status === "PAID" ? a.payDate : null,
      decidedById: decided ? payrollId : null,
      decidedAt,
      createdAt: a.createdAt,
      updatedAt: a.status === "CANCELLED" ? notAfterNow(addMinutes(a.createdAt, 60 * 5)) : a.status === "PAID" ? notAfterNow(parisTime(a.payDate, "11:30")) : (decidedAt ?? a.createdAt),
    });
  };
  // A request counts for the next Wednesday when made since the previous one.
  const pendingCreatedAt = () => {
    const opened = parisTime(addDays(nextPayday, -7), "00:00");
    return notAfterNow(new Date(opened.getTime() + rng.next() * (now.getTime() - opened.getTime())), 1);
  };
  advance(demo, { amountEuros: 100, payDate: nextPayday, status: "PENDING", createdAt: pendingCreatedAt() });
  advance(demo, { amountEuros: 150, payDate: lastPayday, status: "ACCEPTED", createdAt: officeTime(addDays(lastPayday, -2)), decidedAt: parisTime(addDays(lastPayday, -1), "15:40") });
  advance(demo, { amountEuros: 100, payDate: addDays(lastPayday, -7), status: "PAID", createdAt: officeTime(addDays(lastPayday, -13)), decidedAt: parisTime(addDays(lastPayday, -8), "16:05") });
  advance(demo, { amountEuros: 420, payDate: addDays(lastPayday, -14), status: "PAID", createdAt: parisTime(addDays(lastPayday, -15), "18:40"), decidedAt: parisTime(addDays(lastPayday, -14), "09:10") });
  advance(demo, {
    amountEuros: 200,
    payDate: addDays(lastPayday, -14),
    status: "REFUSED",
    refusalReason: "2 demandes regroupées en une",
    createdAt: parisTime(addDays(lastPayday, -15), "18:52"),
    decidedAt: parisTime(addDays(lastPayday, -14), "09:12"),
  });
  advance(demo, { amountEuros: 80, payDate: addDays(lastPayday, -21), status: "CANCELLED", createdAt: parisTime(addDays(lastPayday, -24), "20:15") });
  advance(demo, {
    amountEuros: 150,
    payDate: addDays(lastPayday, -35),
    status: "REFUSED",
    refusalReason: "Pas d'acomptes cette semaine",
    createdAt: officeTime(addDays(lastPayday, -37)),
    decidedAt: parisTime(addDays(lastPayday, -36), "17:20"),
  });
  advance(demo, { amountEuros: 250, payDate: addDays(lastPayday, -56), status: "PAID", createdAt: officeTime(addDays(lastPayday, -58)), decidedAt: parisTime(addDays(lastPayday, -57), "16:45") });
  advance(demo, { amountEuros: 300, payDate: addDays(lastPayday, -77), status: "PAID", createdAt: officeTime(addDays(lastPayday, -78)), decidedAt: parisTime(addDays(lastPayday, -77), "09:30") });

  const withMissions = others.filter((w) => contracts.some((c) => c.worker === w && c.state === "SIGNED" && c.startDate < today));
  withMissions.forEach((w, i) => {
    const amount = rng.pick([100, 120, 150, 200, 250, 300]);
    if (i % 3 === 0) advance(w, { amountEuros: amount, payDate: nextPayday, status: "PENDING", createdAt: pendingCreatedAt() });
    if (i % 4 === 1) advance(w, { amountEuros: amount, payDate: addDays(lastPayday, -7), status: "PAID", createdAt: officeTime(addDays(lastPayday, -9)) });
    if (i % 7 === 2) advance(w, { amountEuros: 200, payDate: lastPayday, status: "ACCEPTED", createdAt: officeTime(addDays(lastPayday, -2)), decidedAt: parisTime(addDays(lastPayday, -1), "16:20") });
    if (i % 9 === 5)
      advance(w, { amountEuros: 400, payDate: addDays(lastPayday, -7), status: "REFUSED", refusalReason: "Montant supérieur aux heures réalisées", createdAt: officeTime(addDays(lastPayday, -8)) });
  });

  // -------------------------------------------------------------------------
  // Demo worker's documents: 24 payslips, an ASSEDIC attestation, a work certificate
  // -------------------------------------------------------------------------
  const demoEmployee: PdfEmployee = {
    civility: demo.civility,
    firstName: demo.firstName,
    lastName: demo.lastName,
    agencyCode: DEMO_WORKER.agency,
    workerNumber: DEMO_WORKER.workerNumber,
    address: demo.street,
    postalCode: CITIES[demo.city].postalCode,
    city: CITIES[demo.city].name,
    ssnMasked: maskSocialSecurityNumber(demo.ssn),
  };
  const demoContracts = contracts.filter((c) => c.worker === demo);
  const monthWork = (monthStart: Date) => {
    const monthEnd = endOfMonth(monthStart);
    return demoContracts
      .map((c) => {
        const shifts = c.shiftDrafts.filter((s) => s.kind === "WORK" && s.validated && s.day >= monthStart && s.day <= monthEnd);
        return { c, shifts, minutes: shifts.reduce((sum, s) => sum + shiftMinutes(s), 0) };
      })
      .filter((m) => m.minutes > 0)
      .sort((a, b) => a.c.startDate.getTime() - b.c.startDate.getTime());
  };
  const paidAdvancesIn = (monthStart: Date) =>
    plan.advanceRequests
      .filter((a) => a.workerId === demo.profileId && a.status === "PAID" && a.paidOn && a.paidOn >= monthStart && a.paidOn <= endOfMonth(monthStart))
      .reduce((sum, a) => sum + a.amountCents, 0);
  const payslipFor = (monthStart: Date, paymentDate: Date): PayslipData => {
    const work = monthWork(monthStart);
    const main = work.reduce((best, m) => (m.minutes > (best?.minutes ?? 0) ? m : best), work[0]);
    return {
      employer: employerOf(DEMO_WORKER.agency),
      employee: { ...demoEmployee, jobTitle: main ? qualificationLabel(main.c.qualificationCode) : qualificationLabel("525") },
      periodStart: monthStart,
      periodEnd: endOfMonth(monthStart),
      paymentDate,
      missions: work.map((m) => ({
        contractNumber: m.c.number as string,
        clientName: clientInfo[m.c.clientKey].name,
        startDate: m.c.startDate,
        endDate: m.c.endDate,
        minutes: m.minutes,
        hourlyRateCents: m.c.hourlyRateCents,
      })),
      incomeTaxRatePct: 1.8,
      advancesCents: paidAdvancesIn(monthStart),
    };
  };

  let payslips = 0;
  for (let k = 1; payslips < 24 && k <= 30; k++) {
    const monthStart = startOfMonth(today, -k);
    // Payslips are added between the 8th and the 10th of the following month.
    const publishedDay = calendarDay(today.getUTCFullYear(), today.getUTCMonth() + 2 - k, rng.int(8, 10));
    const published = parisTime(publishedDay, `${pad2(rng.int(9, 11))}:${pad2(rng.int(0, 59))}`);
    if (published.getTime() > now.getTime()) continue;
    const data = payslipFor(monthStart, publishedDay);
    if (!data.missions.length) continue;
    const month = isoDate(monthStart).slice(0, 7);
    plan.documents.push({
      row: {
        id: rng.id(),
        kind: "PAYSLIP",
        workerId: demo.profileId,
        agencyId: agencyId[DEMO_WORKER.agency],
        fileName: `bulletin_${month}.pdf`,
        number: `${DEMO_WORKER.workerNumber}_${compactDate(endOfMonth(monthStart))}`,
        periodStart: monthStart,
        periodEnd: endOfMonth(monthStart),
        uploadedById: payrollId,
        createdAt: published,
      },
      render: { kind: "payslip", data },
    });
    payslips++;
  }

  {
    // After the last mission that ended before last month: an ASSEDIC
    // attestation and a work certificate, both asked for on the platform.
    const ended = demoContracts
      .filter((c) => c.state === "SIGNED" && c.endDate.getTime() < startOfMonth(today, -1).getTime())
      .sort((a, b) => b.endDate.getTime() - a.endDate.getTime());
    const last = ended[0];
    const lastEnd = last.endDate;
    const requestedAt = officeTime(addDays(lastEnd, 1));
    const issuedAt = officeTime(addDays(lastEnd, 3), 10, 16);
    const signatory = { name: "Sophie Martel", title: "Responsable d'agence", place: "Toulouse", date: parisDay(issuedAt) };
    const lastWork = monthWork(startOfMonth(lastEnd)).find((m) => m.c === last);
    const lastBase = Math.round(((lastWork?.minutes ?? 0) * last.hourlyRateCents) / 60);
    const endOfMissionCents = Math.round(lastBase * 0.1);
    const salaries = [];
    for (let k = 11; k >= 0; k--) {
      const monthStart = startOfMonth(lastEnd, -k);
      const data = payslipFor(monthStart, monthStart);
      const { totals } = computePayslip(data);
      salaries.push({ month: monthStart, minutes: totals.hoursMinutes, grossCents: totals.grossCents });
    }
    const periods = ended
      .filter((c) => diffDays(lastEnd, c.endDate) <= 45)
      .reverse()
      .map((c) => ({ contractNumber: c.number as string, clientName: clientInfo[c.clientKey].name, jobTitle: qualificationLabel(c.qualificationCode), startDate: c.startDate, endDate: c.endDate }));
    const employee = { ...demoEmployee, jobTitle: qualificationLabel(last.qualificationCode) };

    plan.documentRequests.push({ id: rng.id(), workerId: demo.profileId, kind: "ASSEDIC_CERTIFICATE", message: "Bonjour, pourriez-vous me transmettre mon attestation pour France Travail ? Merci.", status: "DONE", createdAt: requestedAt, closedAt: issuedAt });
    plan.documentRequests.push({ id: rng.id(), workerId: demo.profileId, kind: "WORK_CERTIFICATE", message: null, status: "DONE", createdAt: addMinutes(requestedAt, 3), closedAt: addMinutes(issuedAt, 4) });
    plan.documents.push({
      row: {
        id: rng.id(),
        kind: "ASSEDIC_CERTIFICATE",
        workerId: demo.profileId,
        agencyId: agencyId[DEMO_WORKER.agency],
        fileName: `attestation_france_travail_${isoDate(lastEnd)}.pdf`,
        periodStart: periods[0]?.startDate ?? last.startDate,
        periodEnd: lastEnd,
        uploadedById: frontDeskId,
        createdAt: issuedAt,
      },
      render: {
        kind: "attestation",
        data: {
          employer: employerOf(DEMO_WORKER.agency),
          employee: { ...employee, birthDate: demo.birthDate },
          periods,
          endReason: "Fin de contrat de mission",
          salaries,
          endOfMissionCents,
          paidLeaveCents: Math.round((lastBase + endOfMissionCents) * 0.1),
          signatory,
        },
      },
    });
    const firstDay = demoContracts.filter((c) => c.state === "SIGNED").reduce((min, c) => (c.startDate < min ? c.startDate : min), lastEnd);
    plan.documents.push({
      row: {
        id: rng.id(),
        kind: "WORK_CERTIFICATE",
        workerId: demo.profileId,
        agencyId: agencyId[DEMO_WORKER.agency],
        fileName: `certificat_de_travail_${isoDate(lastEnd)}.pdf`,
        periodStart: firstDay,
        periodEnd: lastEnd,
        uploadedById: frontDeskId,
        createdAt: addMinutes(issuedAt, 4),
      },
      render: {
        kind: "certificate",
        data: { employer: employerOf(DEMO_WORKER.agency), employee, firstDay, lastDay: lastEnd, jobTitles: DEMO_WORKER.qualifications.map(qualificationLabel), signatory },
      },
    });
  }

  // Requests waiting at the front desk.
  others
    .filter((_, i) => i % 10 === 6)
    .forEach((w, i) => {
      plan.documentRequests.push({
        id: rng.id(),
        workerId: w.profileId,
        kind: i % 2 ? "WORK_CERTIFICATE" : "ASSEDIC_CERTIFICATE",
        message: i % 2 ? null : "Bonjour, ma mission est terminée, pouvez-vous m'envoyer l'attestation ASSEDIC ? Cordialement.",
        status: "OPEN",
        createdAt: notAfterNow(addMinutes(now, -60 * rng.int(2, 70))),
      });
    });

  // -------------------------------------------------------------------------
  // Availabilities for the next two weeks
  // -------------------------------------------------------------------------
  const busyDays = (w: WorkerCtx) =>
    new Set(contracts.filter((c) => c.worker === w && c.state !== "CANCELLED" && c.state !== "DRAFT").flatMap((c) => c.shiftDrafts.map((s) => isoDate(s.day))));
  const addAvailability = (w: WorkerCtx, date: Date, part: DayPart, available: boolean) => {
    const createdAt = notAfterNow(addMinutes(now, -60 * rng.int(5, 240)));
    plan.availabilities.push({ id: rng.id(), workerId: w.profileId, date, part, available, createdAt, updatedAt: createdAt });
  };
  {
    const busy = busyDays(demo);
    for (let d = 1; d <= 14; d++) {
      const day = addDays(today, d);
      if (busy.has(isoDate(day))) continue;
      const draw = rng.next();
      if (draw < 0.45) addAvailability(demo, day, "FULL_DAY", true);
      else if (draw < 0.65) {
        addAvailability(demo, day, "MORNING", true);
        addAvailability(demo, day, "AFTERNOON", false);
      } else if (draw < 0.8) addAvailability(demo, day, "FULL_DAY", false);
    }
  }
  others
    .filter((_, i) => i % 2 === 0)
    .forEach((w) => {
      const busy = busyDays(w);
      const parts: DayPart[] = w.workPeriod === "NUIT" ? ["NIGHT"] : ["FULL_DAY", "MORNING", "AFTERNOON"];
      for (let d = 1; d <= 14; d++) {
        const day = addDays(today, d);
        if (busy.has(isoDate(day)) || !rng.chance(0.35)) continue;
        addAvailability(w, day, rng.pick(parts), rng.chance(0.8));
      }
    });

  // -------------------------------------------------------------------------
  // Profile changes waiting for validation (address values are JSON)
  // -------------------------------------------------------------------------
  const addressJson = (street: string, city: CityKey) => JSON.stringify({ address: street, postalCode: CITIES[city].postalCode, city: CITIES[city].name });
  plan.profileChanges.push({
    id: rng.id(),
    workerId: demo.profileId,
    field: "address",
    oldValue: addressJson(demo.street, demo.city),
    newValue: addressJson("5 Avenue Victor Hugo", "rodez"),
    status: "PENDING",
    createdAt: notAfterNow(addMinutes(now, -60 * rng.int(18, 40))),
  });
  {
    const createdAt = officeTime(addDays(today, -rng.int(200, 300)));
    plan.profileChanges.push({
      id: rng.id(),
      workerId: demo.profileId,
      field: "mobilityKm",
      oldValue: "30",
      newValue: String(DEMO_WORKER.mobilityKm),
      status: "APPROVED",
      reviewerId: staffId["lea.fabre@demo.coop-emploi.fr"],
      reviewedAt: addMinutes(createdAt, 60 * 3),
      createdAt,
    });
  }
  const moves: [string, CityKey][] = [
    ["27 Rue de la Barrière", "rodez"],
    ["3 Place de la Mairie", "muret"],
    ["52 Avenue de Lavaur", "balma"],
    ["10 Rue du Pont Vieux", "foix"],
    ["7 Avenue du Régiment de Bigorre", "tarbes"],
  ];
  others.forEach((w, i) => {
    if (i % 6 === 0) {
      const [street, city] = moves[(i / 6) % moves.length];
      plan.profileChanges.push({ id: rng.id(), workerId: w.profileId, field: "address", oldValue: addressJson(w.street, w.city), newValue: addressJson(street, city), status: "PENDING", createdAt: notAfterNow(addMinutes(now, -60 * rng.int(2, 120))) });
    } else if (i % 6 === 3) {
      plan.profileChanges.push({ id: rng.id(), workerId: w.profileId, field: "phone", oldValue: w.phone, newValue: `+336399801${pad2(10 + i)}`, status: "PENDING", createdAt: notAfterNow(addMinutes(now, -60 * rng.int(2, 120))) });
    } else if (i === 8) {
      const createdAt = officeTime(addDays(today, -rng.int(10, 30)));
      plan.profileChanges.push({
        id: rng.id(),
        workerId: w.profileId,
        field: "phone",
        oldValue: w.phone,
        newValue: "+3363998",
        status: "REFUSED",
        reviewerId: recruiterOf(Object.keys(w.numbers)[0]),
        reviewedAt: addMinutes(createdAt, 90),
        refusalReason: "Numéro incomplet : merci de saisir les 10 chiffres.",
        createdAt,
      });
    }
  });

  // -------------------------------------------------------------------------
  // Notification preferences, dashboard blocks
  // -------------------------------------------------------------------------
  const kinds = Object.values(NotificationKind);
  for (const w of workers) {
    for (const kind of kinds) {
      plan.notificationPreferences.push({ userId: w.userId, kind, enabled: w === demo ? true : !(kind === "TARGETING_CLOSED" && rng.chance(0.3)) });
    }
  }
  for (const b of DASHBOARD_BLOCKS) {
    const createdAt = longAgo(30, 400);
    plan.dashboardBlocks.push({ id: rng.id(), agencyId: agencyId[b.agency], title: b.title, body: b.body, position: b.position, published: b.published ?? true, createdAt, updatedAt: createdAt });
  }

  // -------------------------------------------------------------------------
  // Mission needs ("ciblages") and the offers sent to nearby qualified workers
  // -------------------------------------------------------------------------
  const need = (n: { clientKey: string; code: string; start: Date; end: Date; pattern: ShiftPatternKey; description: string; status: "OPEN" | "CLOSED"; offers: [WorkerCtx, "PENDING" | "ACCEPTED" | "DECLINED"][] }) => {
    const client = clientInfo[n.clientKey];
    const createdAt = notAfterNow(addMinutes(now, -60 * rng.int(6, 48)));
    const id = rng.id();
    plan.missionNeeds.push({
      id,
      agencyId: agencyId[client.agency],
      siteId: client.siteId,
      qualificationId: qualificationId[n.code],
      startDate: n.start,
      endDate: n.end,
      hoursLabel: SHIFT_PATTERNS[n.pattern].label,
      hourlyRateCents: BASE_RATE_CENTS[n.code] + CLIENT_RATE_BONUS[n.clientKey],
      description: n.description,
      status: n.status,
      createdById: staffId[n.status === "OPEN" ? "lea.fabre@demo.coop-emploi.fr" : DEMO_STAFF_EMAIL],
      closedAt: n.status === "CLOSED" ? notAfterNow(addMinutes(createdAt, 60 * 5)) : null,
      createdAt,
    });
    for (const [w, response] of n.offers) {
      plan.missionOffers.push({ id: rng.id(), needId: id, workerId: w.profileId, response, respondedAt: response === "PENDING" ? null : notAfterNow(addMinutes(createdAt, rng.int(20, 240))), createdAt: addMinutes(createdAt, 1) });
    }
  };
  const byName = (first: string) => others.find((w) => w.firstName === first)!;
  need({
    clientKey: "jean23",
    code: "312",
    start: addDays(today, 8),
    end: addDays(today, 12),
    pattern: "morning",
    description: "Remplacement d'une aide-soignante en congé, unité Les Lilas.",
    status: "OPEN",
    offers: [
      [byName("Amandine"), "PENDING"],
      [byName("Laetitia"), "DECLINED"],
      [byName("Kévin"), "PENDING"],
      [byName("Sylvie"), "PENDING"],
    ],
  });
  need({
    clientKey: "closfleuri",
    code: "525",
    start: addDays(today, 9),
    end: addDays(today, 10),
    pattern: "afternoon",
    description: "Renfort logistique (lingerie et service des repas).",
    status: "OPEN",
    offers: [
      [demo, "PENDING"],
      [byName("Fatima"), "PENDING"],
      [byName("Mamadou"), "DECLINED"],
    ],
  });
  need({
    clientKey: "cedres",
    code: "520",
    start: addDays(today, 4),
    end: addDays(today, 6),
    pattern: "night",
    description: "Nuits en unité Alzheimer.",
    status: "CLOSED",
    offers: [
      [byName("Jessica"), "DECLINED"],
      [byName("Yanis"), "PENDING"],
    ],
  });

  addCompteData(plan, { rng, passwordHash, encryptSecret });
  addDocumentsE2eData({ rng, today, addWorker, agencyId: agencyId.MEDIMP, uploadedById: payrollId, employer: employerOf("MEDIMP"), documents: plan.documents });
  addHoursAndTargetingData({ plan, rng, now, today, passwordHash, agencyId, qualificationId });
  addSecurityE2eData({ plan, rng, today, addWorker, agencyId, uploadedById: payrollId, employerOf, documents: plan.documents });

  return plan;
}
