// Accounts reserved for the e2e tests of "Mes missions" (contracts, signing,
// planning, availability), so that parallel tests never share a contract.
import type { CityKey } from "./data";

export type MissionsTestWorker = {
  key: "sign1" | "sign2" | "sign3" | "planning" | "dispo";
  email: string;
  firstName: string;
  lastName: string;
  phone: string; // fictional range 06 39 98 ...
  city: CityKey;
};

export const MISSIONS_TEST_WORKERS: MissionsTestWorker[] = [
  { key: "sign1", email: "missions.signature1@exemple.fr", firstName: "Inès", lastName: "Signature", phone: "+33639989101", city: "rodez" },
  { key: "sign2", email: "missions.signature2@exemple.fr", firstName: "Hugo", lastName: "Expiration", phone: "+33639989102", city: "rodez" },
  { key: "sign3", email: "missions.signature3@exemple.fr", firstName: "Léna", lastName: "Renvoi", phone: "+33639989103", city: "rodez" },
  { key: "planning", email: "missions.planning@exemple.fr", firstName: "Paul", lastName: "Planning", phone: "+33639989104", city: "rodez" },
  { key: "dispo", email: "missions.dispo@exemple.fr", firstName: "Zoé", lastName: "Disponible", phone: "+33639989105", city: "rodez" },
];

/**
 * The planning worker's shifts in the month after next (day of month, Paris
 * times): 7 h + split 4 h + 3 h + night 21:00-07:00 with 30 min break (9 h 30)
 * + a public-holiday absence (not counted), plus a
 * night starting on the last day of the month (counted in that month: 8 h) = 31 h 30.
 */
export const PLANNING_TEST_SHIFTS: { day: number | "last"; start: string; end: string; breakMinutes: number; absence?: string; validated?: boolean }[] = [
  { day: 10, start: "14:00", end: "21:00", breakMinutes: 0 },
  { day: 11, start: "07:30", end: "11:30", breakMinutes: 0 },
  { day: 11, start: "17:00", end: "20:00", breakMinutes: 0 },
  { day: 12, start: "21:00", end: "07:00", breakMinutes: 30 },
  { day: 13, start: "21:00", end: "07:00", breakMinutes: 0, absence: "FER" },
  { day: "last", start: "22:00", end: "06:00", breakMinutes: 0 },
];
/** The contract's hours label: every slot reads as one of its times. */
export const PLANNING_TEST_HOURS_LABEL = "14:00-21:00 07:30-11:30 17:00-20:00 21:00-07:00 22:00-06:00";
/** 7 + 4 + 3 + 9.5 + 8 hours. */
export const PLANNING_TEST_TOTAL_MINUTES = (7 + 4 + 3 + 9.5 + 8) * 60;
