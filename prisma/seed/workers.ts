// Temp workers: the demo worker of PRODUCT.md and the agency's other workers,
// each with an account, a profile and a number in their agencies.
import type { Context } from "./context";
import { pad2, slug } from "./context";
import { CITIES, DEMO_WORKER, WORKERS, type CityKey } from "./data";
import { fictionalIban, socialSecurityNumber } from "./identity";
import { addDays, addMinutes, calendarDay, startOfMonth } from "./time";

export type WorkerCtx = {
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

export type NewWorker = {
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
};

export type Workers = {
  /** Every worker added so far, in order (the demo worker first). */
  workers: WorkerCtx[];
  demo: WorkerCtx;
  others: WorkerCtx[];
  addWorker: (w: NewWorker) => WorkerCtx;
  /** A worker number not yet used in the agency. */
  newNumber: (agency: string) => string;
};

export function addWorkers(ctx: Context, agencyId: Record<string, string>): Workers {
  const { plan, rng, today, passwordHash, encryptSecret, officeTime, longAgo } = ctx;
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
  const addWorker = (w: NewWorker): WorkerCtx => {
    const city = CITIES[w.city];
    const ssn = socialSecurityNumber(w.civility === "M" ? 1 : 2, w.birthDate, city.inseeCode, rng.int(1, 999));
    const worker: WorkerCtx = {
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
      id: worker.userId,
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
      id: worker.profileId,
      userId: worker.userId,
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
      plan.workerAgencies.push({
        id: rng.id(),
        workerId: worker.profileId,
        agencyId: agencyId[agency],
        workerNumber,
        createdAt: addMinutes(w.createdAt, 60 * 24),
      });
    }
    workers.push(worker);
    return worker;
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

  return { workers, demo, others, addWorker, newNumber };
}
