// Form schemas of the back office, shared by the browser and the server actions.
import { z } from "zod";
import { eurosToCents, parseDay, parseTime } from "@/lib/contracts/shifts";
import { RECOURSE_CASES, RECOURSE_MESSAGES, recourseErrors } from "@/lib/contracts/recourse";

const required = (label: string, max = 200) =>
  z
    .string({ error: `Renseignez ${label}.` })
    .trim()
    .min(1, `Renseignez ${label}.`)
    .max(max, "Texte trop long.");
const optional = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, "Texte trop long.")
    .optional()
    .transform((v) => (v ? v : null));

export const dayField = (label: string) =>
  z
    .string({ error: `Renseignez ${label}.` })
    .refine((v) => parseDay(v) !== null, `Renseignez ${label} (jj/mm/aaaa).`)
    .transform((v) => parseDay(v)!);

export const timeField = (label: string) =>
  z.string({ error: `Renseignez ${label}.` }).refine((v) => parseTime(v) !== null, `Renseignez ${label} (hh:mm).`);

const breakField = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? Number(v) : 0))
  .refine((v) => Number.isInteger(v) && v >= 0 && v <= 240, "Pause entre 0 et 240 minutes.");

const euros = z
  .string({ error: "Renseignez le taux horaire." })
  .refine((v) => eurosToCents(v) !== null, "Taux horaire invalide (ex. 12,45).")
  .transform((v) => eurosToCents(v)!);

const weeklyHours = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? Number(v.replace(",", ".")) : null))
  .refine((v) => v === null || (Number.isFinite(v) && v > 0 && v <= 48), "Durée hebdomadaire entre 0 et 48 heures.");

export const WEEKDAYS = [
  { n: 1, short: "lun.", label: "Lundi" },
  { n: 2, short: "mar.", label: "Mardi" },
  { n: 3, short: "mer.", label: "Mercredi" },
  { n: 4, short: "jeu.", label: "Jeudi" },
  { n: 5, short: "ven.", label: "Vendredi" },
  { n: 6, short: "sam.", label: "Samedi" },
  { n: 7, short: "dim.", label: "Dimanche" },
] as const;

const dayFlags = {
  day1: z.string().optional(),
  day2: z.string().optional(),
  day3: z.string().optional(),
  day4: z.string().optional(),
  day5: z.string().optional(),
  day6: z.string().optional(),
  day7: z.string().optional(),
};

export function weekdaysOf(v: Partial<Record<`day${1 | 2 | 3 | 4 | 5 | 6 | 7}`, string | undefined>>): number[] {
  return WEEKDAYS.filter((d) => v[`day${d.n}` as const] === "on").map((d) => d.n);
}

/** The motif de recours: a legal case, and what that case asks for, each refusal next to its field. */
const recourseFields = {
  recourseCase: z
    .string({ error: RECOURSE_MESSAGES.recourseCase })
    .refine((v) => (RECOURSE_CASES as readonly string[]).includes(v), RECOURSE_MESSAGES.recourseCase)
    .transform((v) => v as (typeof RECOURSE_CASES)[number]),
  replacedName: optional(120),
  replacedPosition: optional(120),
  recourseReason: optional(300),
};

function checkRecourse(
  v: {
    recourseCase: (typeof RECOURSE_CASES)[number];
    replacedName: string | null;
    replacedPosition: string | null;
    recourseReason: string | null;
  },
  ctx: z.RefinementCtx,
) {
  for (const [field, message] of Object.entries(recourseErrors(v))) ctx.addIssue({ code: "custom", path: [field], message });
}

// Object checks run even when a field failed (its value then is the raw text): a date that did not parse is
// already refused next to its field, so these only compare two parsed dates.
const bothDates = (v: { startDate: unknown; endDate: unknown }) => v.startDate instanceof Date && v.endDate instanceof Date;
const datesInOrder = (v: { startDate: Date; endDate: Date }) => !bothDates(v) || v.endDate.getTime() >= v.startDate.getTime();
const notTooLong = (v: { startDate: Date; endDate: Date }) =>
  !bothDates(v) || v.endDate.getTime() - v.startDate.getTime() <= 366 * 86_400_000;

export const patternSchema = z
  .object({ start: timeField("l'heure de début"), end: timeField("l'heure de fin"), breakMinutes: breakField, ...dayFlags })
  .refine((v) => weekdaysOf(v).length > 0, { path: ["weekdays"], message: "Cochez au moins un jour de la semaine." })
  .refine((v) => v.start !== v.end, { path: ["end"], message: "La fin doit différer du début." });

export const contractCreateSchema = z
  .object({
    workerId: required("l'intérimaire"),
    siteId: required("le site client"),
    qualificationId: required("la qualification"),
    reference: required("la référence (personne remplacée ou mission)", 80),
    startDate: dayField("la date de début"),
    endDate: dayField("la date de fin"),
    hoursLabel: optional(60),
    hourlyRate: euros,
    ...recourseFields,
    detail: optional(200),
    weeklyHours,
    start: timeField("l'heure de début"),
    end: timeField("l'heure de fin"),
    breakMinutes: breakField,
    ...dayFlags,
  })
  .refine(datesInOrder, { path: ["endDate"], message: "La date de fin doit être après la date de début." })
  .refine(notTooLong, { path: ["endDate"], message: "Un contrat ne peut pas dépasser un an." })
  .refine((v) => weekdaysOf(v).length > 0, { path: ["weekdays"], message: "Cochez au moins un jour de la semaine." })
  .refine((v) => v.start !== v.end, { path: ["end"], message: "La fin doit différer du début." })
  .superRefine(checkRecourse);

export const contractTermsSchema = z
  .object({
    contractId: z.string().min(1),
    version: z.coerce.number().int(),
    qualificationId: required("la qualification"),
    reference: required("la référence", 80),
    startDate: dayField("la date de début"),
    endDate: dayField("la date de fin"),
    hoursLabel: required("les horaires", 60),
    hourlyRate: euros,
    ...recourseFields,
    detail: optional(200),
    weeklyHours,
    confirmDates: z.string().max(30).optional(),
  })
  .refine(datesInOrder, { path: ["endDate"], message: "La date de fin doit être après la date de début." })
  .refine(notTooLong, { path: ["endDate"], message: "Un contrat ne peut pas dépasser un an." })
  .superRefine(checkRecourse);

export const shiftSchema = z
  .object({
    contractId: z.string().min(1),
    version: z.coerce.number().int(),
    shiftId: z.string().optional(),
    date: dayField("la date"),
    start: timeField("l'heure de début"),
    end: timeField("l'heure de fin"),
    breakMinutes: breakField,
    kind: z.enum(["WORK", "ABSENCE"], { error: "Choisissez le type de créneau." }),
    absenceCode: z.string().optional(),
  })
  .refine((v) => v.kind === "WORK" || Boolean(v.absenceCode), { path: ["absenceCode"], message: "Choisissez le code d'absence." })
  .refine((v) => v.start !== v.end, { path: ["end"], message: "La fin doit différer du début." });

export const contractRefSchema = z.object({ contractId: z.string().min(1), version: z.coerce.number().int() });

export const removeShiftSchema = contractRefSchema.extend({ shiftId: z.string().min(1) });

export const regenerateSchema = z
  .object({
    contractId: z.string().min(1),
    version: z.coerce.number().int(),
    start: timeField("l'heure de début"),
    end: timeField("l'heure de fin"),
    breakMinutes: breakField,
    ...dayFlags,
  })
  .refine((v) => weekdaysOf(v).length > 0, { path: ["weekdays"], message: "Cochez au moins un jour de la semaine." })
  .refine((v) => v.start !== v.end, { path: ["end"], message: "La fin doit différer du début." });

export const cancelSchema = contractRefSchema.extend({ reason: required("le motif d'annulation", 300) });

// Clients and sites ----------------------------------------------------------

const phone = z
  .string()
  .trim()
  .max(30)
  .optional()
  .refine((v) => !v || /^\+?[\d\s.()-]{8,20}$/.test(v), "Numéro de téléphone invalide.")
  .transform((v) => (v ? v : null));

const postalCode = z
  .string({ error: "Renseignez le code postal." })
  .trim()
  .regex(/^\d{5}$/, "Code postal à 5 chiffres.");

export const clientSchema = z.object({
  clientId: z.string().optional(),
  agencyId: required("l'agence"),
  name: required("le nom", 120).transform((v) => v.toUpperCase()),
  phone,
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, "Adresse e-mail invalide.")
    .transform((v) => (v ? v.toLowerCase() : null)),
  siret: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{14}$/.test(v.replace(/\s/g, "")), "SIRET à 14 chiffres.")
    .transform((v) => (v ? v : null)),
});

export const siteSchema = z.object({
  clientId: z.string().min(1),
  siteId: z.string().optional(),
  name: required("le nom du site", 120),
  address: required("l'adresse", 200),
  postalCode,
  city: required("la ville", 80).transform((v) => v.toUpperCase()),
  phone,
  accessMeans: optional(200),
});

// Workers --------------------------------------------------------------------

export const inviteSchema = z.object({
  agencyId: required("l'agence"),
  firstName: required("le prénom", 80),
  lastName: required("le nom", 80),
  email: z
    .string({ error: "Renseignez l'adresse e-mail." })
    .trim()
    .min(1, "Renseignez l'adresse e-mail.")
    .max(254)
    .email("Adresse e-mail invalide.")
    .transform((v) => v.toLowerCase()),
  phone: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[\s.-]/g, "") : ""))
    .refine((v) => !v || /^(0[67]\d{8}|\+33[67]\d{8})$/.test(v), "Numéro de portable invalide (ex. 06 12 34 56 78).")
    .transform((v) => (v ? (v.startsWith("0") ? "+33" + v.slice(1) : v) : null)),
});

export const workerRefSchema = z.object({ workerId: z.string().min(1) });

// "SMIC et minima" (/admin/remuneration)
export const smicAddSchema = z.object({
  effectiveFrom: dayField("la date d'effet"),
  hourlyRate: z
    .string({ error: "Renseignez le taux horaire brut." })
    .refine((v) => eurosToCents(v) !== null, "Taux horaire invalide (ex. 12,02).")
    .transform((v) => eurosToCents(v)!),
  source: optional(200),
});

export const qualificationMinimumSchema = z.object({
  agencyId: z.string().min(1, "Choisissez l'agence."),
  qualificationId: z.string({ error: "Choisissez une qualification." }).min(1, "Choisissez une qualification."),
  minimum: z
    .string()
    .optional()
    .refine((v) => !v?.trim() || eurosToCents(v) !== null, "Taux invalide (ex. 13,50), ou laissez vide pour retirer le minimum.")
    .transform((v) => (v?.trim() ? eurosToCents(v)! : null)),
});

export const longDayAgreementSchema = z.object({ agencyId: z.string().min(1), enabled: z.string().optional() });

export const checkedDiplomaSchema = z.object({
  workerId: z.string().min(1),
  name: required("l'intitulé du diplôme", 200),
  obtainedOn: dayField("la date d'obtention"),
  qualificationId: z.string({ error: "Choisissez une qualification." }).min(1, "Choisissez une qualification."),
});
