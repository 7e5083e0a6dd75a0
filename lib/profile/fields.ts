// The fields of the Fiche perso that a worker may change, each going through
// the agency's validation. One definition per field: its label, the inputs of
// its form, how a typed value is checked and shown. Pure (no database), so
// the worker page, the staff queue and the tests share it.
import { formatPhone } from "../format";
import { normalizePhone } from "../messaging/phone";
import {
  checkIban,
  formatIban,
  formatNir,
  ibanErrorMessage,
  maskIban,
  maskNir,
  normalizeBic,
  normalizeNir,
  bicFromIban,
} from "./identifiers";

export type ProfileDocumentKind = "SOCIAL_SECURITY_CARD" | "ID_CARD" | "PROOF_OF_ADDRESS" | "RIB";

export const PROFILE_DOCUMENTS: { kind: ProfileDocumentKind; label: string }[] = [
  { kind: "SOCIAL_SECURITY_CARD", label: "Carte de sécurité sociale" },
  { kind: "ID_CARD", label: "Pièce d'identité" },
  { kind: "PROOF_OF_ADDRESS", label: "Justificatif de domicile" },
  { kind: "RIB", label: "RIB" },
];

export type Option = { value: string; label: string };

export const CIVILITIES: Option[] = [
  { value: "M", label: "M." },
  { value: "MME", label: "Mme" },
];
export const WORK_PERIODS: Option[] = [
  { value: "JOUR", label: "Jour" },
  { value: "NUIT", label: "Nuit" },
  { value: "MATIN", label: "Matin" },
  { value: "APRES_MIDI", label: "Après-midi" },
  { value: "INDIFFERENT", label: "Indifférent" },
];
export const FAMILY_SITUATIONS: Option[] = [
  { value: "CELIBATAIRE", label: "Célibataire" },
  { value: "MARIE", label: "Marié(e)" },
  { value: "PACSE", label: "Pacsé(e)" },
  { value: "CONCUBINAGE", label: "Concubinage" },
  { value: "DIVORCE", label: "Divorcé(e)" },
  { value: "VEUF", label: "Veuf / veuve" },
];

export type Input = {
  name: string;
  label: string;
  type: "text" | "number" | "email" | "tel" | "select";
  options?: Option[];
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "tel" | "email";
  placeholder?: string;
};

export type FieldKey =
  | "civility"
  | "lastName"
  | "firstName"
  | "birthName"
  | "email"
  | "ssn"
  | "mobilityKm"
  | "workPeriod"
  | "address"
  | "phone"
  | "iban"
  | "familySituation"
  | "childrenCount";

type Parsed = { ok: true; value: string } | { ok: false; errors: Record<string, string> };

export type FieldDef = {
  key: FieldKey;
  label: string;
  section: "general" | "coordonnees" | "situation";
  /** Encrypted at rest and masked on screen. */
  sensitive?: boolean;
  /** The sign-in email or the phone that receives signing codes: a change asks for the current password. */
  signingChannel?: boolean;
  inputs: Input[];
  /** The form's initial values from a stored value. */
  initial: (value: string | null) => Record<string, string>;
  parse: (form: Record<string, string | undefined>) => Parsed;
  /** The value as shown; `masked` hides most of a sensitive value. */
  display: (value: string | null, masked?: boolean) => string;
};

const label = (options: Option[], value: string | null) => options.find((o) => o.value === value)?.label ?? "-";
const trimmed = (v: string | undefined) => (v ?? "").trim().replace(/\s+/g, " ");

function textField(
  key: FieldKey,
  text: string,
  section: FieldDef["section"],
  opts: { max?: number; required?: boolean; autoComplete?: string } = {},
): FieldDef {
  return {
    key,
    label: text,
    section,
    inputs: [{ name: "value", label: text, type: "text", autoComplete: opts.autoComplete }],
    initial: (v) => ({ value: v ?? "" }),
    parse: (f) => {
      const value = trimmed(f.value);
      if (!value && opts.required !== false) return { ok: false, errors: { value: `Indiquez : ${text.toLowerCase()}.` } };
      if (value.length > (opts.max ?? 80)) return { ok: false, errors: { value: `${opts.max ?? 80} caractères au maximum.` } };
      return { ok: true, value };
    },
    display: (v) => v || "-",
  };
}

function selectField(key: FieldKey, text: string, section: FieldDef["section"], options: Option[]): FieldDef {
  return {
    key,
    label: text,
    section,
    inputs: [{ name: "value", label: text, type: "select", options }],
    initial: (v) => ({ value: v ?? "" }),
    parse: (f) =>
      options.some((o) => o.value === f.value)
        ? { ok: true, value: f.value! }
        : { ok: false, errors: { value: "Choisissez une valeur dans la liste." } },
    display: (v) => label(options, v),
  };
}

function intField(key: FieldKey, text: string, section: FieldDef["section"], max: number, unit: (n: number) => string): FieldDef {
  return {
    key,
    label: text,
    section,
    inputs: [{ name: "value", label: text, type: "number", inputMode: "numeric" }],
    initial: (v) => ({ value: v ?? "" }),
    parse: (f) => {
      const value = trimmed(f.value);
      if (!/^\d{1,4}$/.test(value) || Number(value) > max)
        return { ok: false, errors: { value: `Indiquez un nombre entier entre 0 et ${max}.` } };
      return { ok: true, value: String(Number(value)) };
    },
    display: (v) => (v === null || v === "" ? "-" : unit(Number(v))),
  };
}

type Address = { address: string; postalCode: string; city: string };

function readJson<T>(value: string | null): T | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

export const PROFILE_FIELDS: FieldDef[] = [
  selectField("civility", "Civilité", "general", CIVILITIES),
  textField("lastName", "Nom", "general", { autoComplete: "family-name" }),
  textField("firstName", "Prénom", "general", { autoComplete: "given-name" }),
  textField("birthName", "Nom de naissance", "general", { required: false }),
  {
    key: "email",
    label: "Email",
    section: "general",
    signingChannel: true,
    inputs: [{ name: "value", label: "Email", type: "email", autoComplete: "email", inputMode: "email" }],
    initial: (v) => ({ value: v ?? "" }),
    parse: (f) => {
      const value = trimmed(f.value).toLowerCase();
      if (!/^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]+$/.test(value) || value.length > 200)
        return { ok: false, errors: { value: "Adresse e-mail invalide." } };
      return { ok: true, value };
    },
    display: (v) => v || "-",
  },
  {
    key: "ssn",
    label: "Numéro de Sécurité Sociale",
    section: "general",
    sensitive: true,
    inputs: [
      {
        name: "value",
        label: "Numéro de Sécurité Sociale (15 chiffres)",
        type: "text",
        inputMode: "numeric",
        placeholder: "1 88 03 12 345 678 47",
      },
    ],
    initial: () => ({ value: "" }),
    parse: (f) => {
      const nir = normalizeNir(f.value ?? "");
      return nir
        ? { ok: true, value: nir }
        : { ok: false, errors: { value: "Numéro invalide : 13 chiffres suivis de la clé à 2 chiffres (vérifiez la clé)." } };
    },
    display: (v, masked) => (v ? (masked ? maskNir(v) : formatNir(v)) : "-"),
  },
  intField("mobilityKm", "Mobilité", "general", 500, (n) => `${n} km`),
  selectField("workPeriod", "Préférence de période de travail", "general", WORK_PERIODS),
  {
    key: "address",
    label: "Adresse",
    section: "coordonnees",
    inputs: [
      { name: "address", label: "Adresse (numéro et rue)", type: "text", autoComplete: "street-address" },
      { name: "postalCode", label: "Code postal", type: "text", inputMode: "numeric", autoComplete: "postal-code" },
      { name: "city", label: "Ville", type: "text", autoComplete: "address-level2" },
    ],
    initial: (v) => {
      const a = readJson<Address>(v);
      return { address: a?.address ?? "", postalCode: a?.postalCode ?? "", city: a?.city ?? "" };
    },
    parse: (f) => {
      const a = { address: trimmed(f.address), postalCode: trimmed(f.postalCode), city: trimmed(f.city) };
      const errors: Record<string, string> = {};
      if (!a.address || a.address.length > 120) errors.address = "Indiquez le numéro et la rue.";
      if (!/^\d{5}$/.test(a.postalCode)) errors.postalCode = "Code postal à 5 chiffres.";
      if (!a.city || a.city.length > 80) errors.city = "Indiquez la ville.";
      return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: JSON.stringify(a) };
    },
    display: (v) => {
      const a = readJson<Address>(v);
      return a ? `${a.address}, ${a.postalCode} ${a.city}` : "-";
    },
  },
  {
    key: "phone",
    label: "Téléphone",
    section: "coordonnees",
    signingChannel: true,
    inputs: [{ name: "value", label: "Téléphone portable", type: "tel", autoComplete: "tel", inputMode: "tel" }],
    initial: (v) => ({ value: v ? formatPhone(v) : "" }),
    parse: (f) => {
      const phone = normalizePhone(f.value ?? "");
      return phone ? { ok: true, value: phone } : { ok: false, errors: { value: "Numéro de téléphone invalide (ex. 06 12 34 56 78)." } };
    },
    display: (v) => (v ? formatPhone(v) : "-"),
  },
  {
    key: "iban",
    label: "IBAN / BIC",
    section: "coordonnees",
    sensitive: true,
    inputs: [
      { name: "iban", label: "IBAN", type: "text", placeholder: "FR76 3000 6000 0112 3456 7890 189" },
      { name: "bic", label: "BIC (facultatif)", type: "text", placeholder: "BNPAFRPP" },
    ],
    initial: () => ({ iban: "", bic: "" }),
    parse: (f) => {
      const checked = checkIban(f.iban ?? "");
      const iban = checked.ok ? checked.iban : null;
      // A SEPA transfer needs no BIC: optional, taken from the IBAN's bank where known, checked when given.
      const typed = (f.bic ?? "").trim();
      const bic = typed ? normalizeBic(typed) : iban ? (bicFromIban(iban) ?? "") : "";
      const errors: Record<string, string> = {};
      if (!checked.ok) errors.iban = ibanErrorMessage(checked);
      if (bic === null) errors.bic = "BIC invalide : 8 ou 11 caractères (ex. BNPAFRPP), ou laissez le champ vide.";
      return iban && bic !== null ? { ok: true, value: JSON.stringify({ iban, bic }) } : { ok: false, errors };
    },
    display: (v, masked) => {
      const b = readJson<{ iban: string; bic: string }>(v);
      if (!b?.iban) return "-";
      return `${masked ? maskIban(b.iban) : formatIban(b.iban)}${b.bic ? ` · BIC ${b.bic}` : ""}`;
    },
  },
  selectField("familySituation", "Situation familiale", "situation", FAMILY_SITUATIONS),
  intField("childrenCount", "Nombre d'enfants", "situation", 20, (n) => String(n)),
];

export function fieldDef(key: string): FieldDef | undefined {
  return PROFILE_FIELDS.find((f) => f.key === key);
}

export function documentKindOf(field: string): ProfileDocumentKind | null {
  const kind = field.startsWith("document:") ? field.slice(9) : null;
  return PROFILE_DOCUMENTS.some((d) => d.kind === kind) ? (kind as ProfileDocumentKind) : null;
}

/** A label for any change field, documents included. */
export function fieldLabel(field: string): string {
  const kind = documentKindOf(field);
  if (kind) return PROFILE_DOCUMENTS.find((d) => d.kind === kind)!.label;
  return fieldDef(field)?.label ?? field;
}

/** Key held by a change while pending: one pending change per worker and field. */
export function pendingKeyOf(workerId: string, field: string): string {
  return `${workerId}:${field}`;
}
