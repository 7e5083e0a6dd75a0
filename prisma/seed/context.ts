// What every part of the demo seed shares: the plan being filled (every row,
// in memory), the clock and the seeded random generator, and a few helpers
// that keep generated instants in the past.
import type { Prisma } from "../../lib/generated/prisma/client";
import type { PayslipData } from "../../lib/pdf/payslip";
import type { AttestationData, PlainDocumentData, WorkCertificateData } from "../../lib/pdf/simple-document";
import { addDays, parisDay, parisTime, type Random } from "./time";

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

export type Context = {
  plan: Plan;
  rng: Random;
  now: Date;
  /** The Paris calendar day of `now`. */
  today: Date;
  passwordHash: string;
  encryptSecret?: (plain: string) => string;
  /**
   * An office-hours instant on a Paris day; a day that is not over yet moves
   * to one of the previous days, so that the instant is never after now.
   */
  officeTime: (day: Date, fromHour?: number, toHour?: number) => Date;
  /** The instant, or a couple of minutes before now when it is later (to the minute). */
  notAfterNow: (at: Date, marginMinutes?: number) => Date;
  /** An office-hours instant between minDays and maxDays ago. */
  longAgo: (minDays: number, maxDays: number) => Date;
};

export const pad2 = (n: number) => String(n).padStart(2, "0");

export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function emptyPlan(): Plan {
  return {
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
}

export function createContext(options: PlanOptions): Context {
  const { rng, now, passwordHash, encryptSecret } = options;
  const today = parisDay(now);
  const officeTime = (day: Date, fromHour = 9, toHour = 17): Date => {
    const time = `${pad2(rng.int(fromHour, toHour))}:${pad2(rng.int(0, 59))}`;
    const at = parisTime(day, time);
    return at.getTime() < now.getTime() ? at : parisTime(addDays(today, -rng.int(1, 6)), time);
  };
  const minuteFloor = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
  const notAfterNow = (at: Date, marginMinutes = 2): Date =>
    at.getTime() <= now.getTime() - marginMinutes * 60_000
      ? minuteFloor(at.getTime())
      : minuteFloor(now.getTime() - marginMinutes * 60_000);
  const longAgo = (minDays: number, maxDays: number) => officeTime(addDays(today, -rng.int(minDays, maxDays)));
  return { plan: emptyPlan(), rng, now, today, passwordHash, encryptSecret, officeTime, notAfterNow, longAgo };
}
