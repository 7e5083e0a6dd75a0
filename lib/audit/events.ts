// Every audited event: its type, its own data, its French label and a French
// rendering of its data. Pure (no database, no request), so that the pages,
// the writer (lib/audit.ts) and the tests share one definition.
//
// Adding an event: add its data to AuditEventData, then tsc asks for its
// entry in AUDIT_EVENTS (label and renderer). The stored row keeps the type
// in `action` and the data in `details`, so older rows still display.

import type { ContractState, DayPart, DocumentKind, NotificationKind, Role, ShiftKind } from "@/lib/generated/prisma/enums";
import { formatDateTime, formatDuration, formatEuros, formatFileSize } from "@/lib/format";
import { fieldLabel } from "@/lib/profile/fields";

type IsoDay = string; // "2026-03-12"
type IsoInstant = string; // "2026-03-12T07:00:00.000Z"
type Scalar = string | number | null;

export type ShiftSnapshot = { startsAt: IsoInstant; endsAt: IsoInstant; kind: ShiftKind; absenceCode: string | null };
export type FieldChange = { from: Scalar; to: Scalar };

/** The data each event carries, by type. */
export interface AuditEventData {
  "auth.login": { role: Role };
  "auth.login_failed": { failuresInARow: number };
  "auth.reauth_failed": { failuresInARow: number };
  "auth.logout": Record<string, never>;
  "demo.reset": { reason: "staff" | "startup" | "nightly"; durationMs: number };
  "auth.signup": Record<string, never>;
  "auth.email_confirmed": Record<string, never>;
  "auth.account_activated": Record<string, never>;
  "auth.password_reset_requested": Record<string, never>;
  "auth.password_reset": Record<string, never>;
  "auth.password_changed": Record<string, never>;
  "auth.session_ended": { device: string };
  "auth.other_sessions_ended": { count: number };

  "outbox.read": { to: string | null; page: number };
  "outbox.resend": Record<string, never>;

  "profile.change_requested": { field: string };
  "profile.change_approved": { field: string };
  "profile.change_refused": { field: string; reason: string };
  "profile.secret_revealed": { field: "ssn" | "iban" };
  "settings.notification_changed": { kind: NotificationKind; enabled: boolean };
  "availability.set": { days: number; parts: DayPart[]; available: boolean };
  "calendar.token_renewed": Record<string, never>;

  "timesheet.draft_saved": { contract: string; week: IsoDay; minutes: Record<IsoDay, number>; total: number };
  "timesheet.submitted": { contract: string; week: IsoDay; minutes: Record<IsoDay, number>; total: number };
  "timesheet.corrected": {
    contract: string;
    week: IsoDay;
    changes: { date: IsoDay; old: number; new: number }[];
    /** Accessoires changed (night hours, meals...), with the field's French name. */
    extras?: { date: IsoDay; field: string; old: string; new: string }[];
  };
  "timesheet.payroll_exported": { agency: string; from: IsoDay; to: IsoDay; rows: number };

  "targeting.created": {
    siteId: string;
    qualificationId: string;
    startDate: IsoDay;
    endDate: IsoDay;
    hours: string;
    site?: string;
    qualification?: string;
  };
  "targeting.offers_sent": { workerIds: string[] };
  "targeting.offer_accepted": Record<string, never>;
  "targeting.offer_declined": Record<string, never>;
  "targeting.worker_picked": { offerId: string; contractId: string; contractNumber: string; retained: number; wanted: number };
  "targeting.closed": { offers: number; notified: number };

  "worker.invited": { email: string; workerNumber: string };
  "worker.invitation_resent": Record<string, never>;
  "worker.deactivated": { sessionsEnded?: number };
  "worker.reactivated": Record<string, never>;
  /** Staff edited the worker's data directly; values shown as on screen, sensitive ones masked. */
  "worker.profile.updated_by_staff": { fields: string[]; changes: { field: string; from: string; to: string }[] };

  "contract.created": { number: string; startDate: IsoDay; endDate: IsoDay; shifts: number; hourlyRateCents: number };
  "contract.updated": {
    changed: Record<string, FieldChange>;
    removedShifts: number;
    addedShifts?: number;
    version: number;
    reissued: boolean;
  };
  "contract.shift_added": {
    shiftId: string | null;
    before: ShiftSnapshot | null;
    after: ShiftSnapshot | null;
    version: number;
    reissued: boolean;
  };
  "contract.shift_updated": {
    shiftId: string | null;
    before: ShiftSnapshot | null;
    after: ShiftSnapshot | null;
    version: number;
    reissued: boolean;
  };
  "contract.shift_removed": {
    shiftId: string | null;
    before: ShiftSnapshot | null;
    after: ShiftSnapshot | null;
    version: number;
    reissued: boolean;
  };
  "contract.shifts_regenerated": {
    pattern: { weekdays: number[]; start: string; end: string; breakMinutes: number };
    count: number;
    version: number;
    reissued: boolean;
  };
  "contract.issued": { number: string; state: ContractState; version: number };
  "contract.cancelled": { number: string; previousState: ContractState; reason: string };
  "contract.signature_code_sent": { phone: string; documentSha256: string };
  "contract.signature_code_refused": { reason: "minute" | "hour" };
  "contract.signature_code_failed": { phone: string; outboxId?: string | null };
  "contract.signature_failed": { reason: string; attempts?: number };
  "contract.signed": { version: number; documentSha256: string; signedDocumentSha256: string };
  "contract.document_issued": { version: number; documentSha256: string; sealSubject: string; sealFingerprint: string };
  "contract.evidence_downloaded": { number: string; events: number; sha256: string };

  "advance.requested": { amountCents: number; payDate: IsoDay; availableCents?: number; overCap?: boolean };
  "advance.updated": { amountCents: number; availableCents?: number; overCap?: boolean };
  "advance.cancelled": Record<string, never>;
  "advance.accepted": {
    amountCents: number;
    reason: string | null;
    paidOn: IsoDay | null;
    /** On an acceptance: the available amount then, and whether staff confirmed accepting above it. */
    availableCents?: number;
    overCapConfirmed?: boolean;
  };
  "advance.refused": { amountCents: number; reason: string | null; paidOn: IsoDay | null };
  "advance.paid": { amountCents: number; reason: string | null; paidOn: IsoDay | null };
  "advance.exported": { payDate: IsoDay; count: number; totalCents: number };

  "diploma.added": Record<string, never>;
  "diploma.approved": { qualificationIds: string[] };
  "diploma.refused": { reason: string };
  "diploma.recorded": { name: string; obtainedOn: IsoDay; qualification: string };

  "document.published": { kind: DocumentKind; number: string | null; sizeBytes: number; sha256: string; batch?: string };
  "document.requested": { kind: DocumentKind };
  "document.bulk_uploaded": { files: number; matched: number; sizeBytes: number };
  "document.downloaded": { kind: DocumentKind };

  "dashboard_block.created": { title: string; published: boolean };
  "dashboard_block.updated": { title: string; published: boolean };
  "dashboard_block.published": { title: string };
  "dashboard_block.unpublished": { title: string };
  "dashboard_block.moved": { title: string; position: number };
  "dashboard_block.deleted": { title: string };

  "client.created": ClientFields;
  "client.updated": { before: ClientFields; after: ClientFields };
  "client_site.created": SiteFields;
  "client_site.updated": { before: SiteFields; after: SiteFields };

  "smic.added": { effectiveFrom: IsoDay; hourlyCents: number; source: string | null };
  "qualification_minimum.set": { qualification: string; from: number | null; to: number | null };
  "agency.long_day_agreement_set": { enabled: boolean };
}

type ClientFields = { name: string; phone: string | null; email: string | null; siret: string | null };
type SiteFields = { name: string; address: string; postalCode: string; city: string; phone: string | null; accessMeans: string | null };

export type AuditEventType = keyof AuditEventData;

/** One event: its type and its own data (a discriminated union on `type`). */
export type AuditEvent = { [K in AuditEventType]: { type: K; data: AuditEventData[K] } }[AuditEventType];

/** An event of one type, e.g. `AuditEventOf<"contract.signed">`. */
export type AuditEventOf<K extends AuditEventType> = Extract<AuditEvent, { type: K }>;

type Definition<K extends AuditEventType> = {
  /** What staff read in the journal. */
  label: string;
  /** The event's data as French lines ("Date de fin : 12/03/2026 → 19/03/2026"). */
  render: (data: AuditEventData[K]) => string[];
};

// --- French renderings of values ------------------------------------------

export const ROLE_LABELS: Record<Role, string> = { WORKER: "Intérimaire", STAFF: "Agence", CLIENT: "Entreprise cliente" };

const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  PAYSLIP: "Bulletin de salaire",
  ASSEDIC_CERTIFICATE: "Attestation Assedic",
  WORK_CERTIFICATE: "Certificat de travail",
  CONTRACT_ISSUED: "Contrat émis",
  CONTRACT_SIGNED: "Contrat signé",
  DIPLOMA: "Diplôme",
  SOCIAL_SECURITY_CARD: "Carte de sécurité sociale",
  ID_CARD: "Pièce d'identité",
  PROOF_OF_ADDRESS: "Justificatif de domicile",
  RIB: "RIB",
  OTHER: "Autre",
};

const CONTRACT_STATE_LABELS: Record<ContractState, string> = {
  DRAFT: "Brouillon",
  INCOMPLETE: "Incomplet",
  AWAITING_SIGNATURE: "En attente de signature",
  SIGNED: "Valide (signé)",
  CANCELLED: "Annulé",
};

// The wording of Paramètres (lib/notifications.ts).
const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  ADVANCE_ACCEPTED: "Demande d'acompte acceptée",
  ADVANCE_PAID: "Demande d'acompte versée",
  TARGETING_CLOSED: "Fermeture d'un ciblage",
  CONTRACT_DATE_CHANGED: "Modification d'une date sur un contrat",
  NEW_PAYSLIP: "Nouveau bulletin de salaire",
  NEW_WORK_CERTIFICATE: "Nouveau certificat de travail",
  NEW_CONTRACT: "Nouveau contrat",
  NEW_ASSEDIC_CERTIFICATE: "Nouvelle attestation ASSEDIC",
};

const DAY_PART_LABELS: Record<DayPart, string> = { MORNING: "Matin", AFTERNOON: "Après-midi", NIGHT: "Nuit", FULL_DAY: "Journée" };

const WEEKDAY_LABELS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

const SIGNATURE_FAILURES: Record<string, string> = {
  "no-code": "aucun code demandé",
  "wrong-code": "code incorrect",
  expired: "code expiré",
  locked: "trop d'essais erronés",
  used: "code déjà utilisé",
  invalidated: "code remplacé par un plus récent",
  "other-document": "code d'une autre version du contrat",
  race: "code utilisé en même temps dans un autre onglet",
};

/** "2026-03-12" -> "12/03/2026"; anything else as is. */
export function frenchDay(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const yesNo = (b: boolean) => (b ? "oui" : "non");
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const orDash = (v: Scalar | undefined) => (v === null || v === undefined || v === "" ? "—" : String(v));
const arrow = (label: string, from: string, to: string) => `${label} : ${from} → ${to}`;
const kindLabel = (kind: DocumentKind) => DOCUMENT_KIND_LABELS[kind] ?? "Document";
const bytes = formatFileSize;
const version = (data: { version: number; reissued: boolean }) => [
  `Version ${data.version}`,
  ...(data.reissued ? ["Contrat à signer de nouveau"] : []),
];

const CONTRACT_FIELDS: Record<string, { label: string; show: (v: Scalar) => string }> = {
  reference: { label: "Référence", show: orDash },
  startDate: { label: "Date de début", show: (v) => frenchDay(v === null ? null : String(v)) },
  endDate: { label: "Date de fin", show: (v) => frenchDay(v === null ? null : String(v)) },
  hoursLabel: { label: "Horaires", show: orDash },
  hourlyRateCents: { label: "Taux horaire", show: (v) => (typeof v === "number" ? formatEuros(v) : "—") },
  recourseCase: { label: "Motif de recours", show: orDash },
  replacedName: { label: "Personne remplacée", show: orDash },
  replacedPosition: { label: "Poste de la personne remplacée", show: orDash },
  recourseReason: { label: "Justification du motif", show: orDash },
  detail: { label: "Précisions", show: orDash },
  weeklyHours: { label: "Heures par semaine", show: (v) => (v === null ? "—" : `${v} h`) },
  qualificationId: { label: "Qualification", show: () => "modifiée" },
};

function contractChanges(changed: Record<string, FieldChange>): string[] {
  return Object.entries(changed).map(([key, c]) => {
    const f = CONTRACT_FIELDS[key];
    if (!f) return `Autre champ modifié`;
    if (key === "qualificationId") return "Qualification modifiée";
    return arrow(f.label, f.show(c.from), f.show(c.to));
  });
}

function shiftText(s: ShiftSnapshot): string {
  const start = new Date(s.startsAt);
  const end = new Date(s.endsAt);
  const text = `${formatDateTime(start)} – ${formatDateTime(end).split(" à ")[1] ?? ""}`;
  return s.kind === "ABSENCE" ? `${text} (absence${s.absenceCode ? ` ${s.absenceCode}` : ""})` : text;
}

function shiftChange(data: AuditEventData["contract.shift_updated"]): string[] {
  const line =
    data.before && data.after
      ? arrow("Créneau", shiftText(data.before), shiftText(data.after))
      : data.after
        ? `Créneau : ${shiftText(data.after)}`
        : data.before
          ? `Créneau : ${shiftText(data.before)}`
          : null;
  return [...(line ? [line] : []), ...version(data)];
}

function fieldsDiff<T extends Record<string, Scalar>>(labels: Record<keyof T & string, string>, before: T, after: T): string[] {
  const lines = (Object.keys(labels) as (keyof T & string)[])
    .filter((k) => (before[k] ?? null) !== (after[k] ?? null))
    .map((k) => arrow(labels[k], orDash(before[k]), orDash(after[k])));
  return lines.length ? lines : ["Aucun changement"];
}

function fieldsList<T extends Record<string, Scalar>>(labels: Record<keyof T & string, string>, values: T): string[] {
  return (Object.keys(labels) as (keyof T & string)[])
    .filter((k) => values[k] !== null && values[k] !== undefined && values[k] !== "")
    .map((k) => `${labels[k]} : ${values[k]}`);
}

const CLIENT_LABELS: Record<keyof ClientFields, string> = { name: "Nom", phone: "Téléphone", email: "Email", siret: "SIRET" };
const SITE_LABELS: Record<keyof SiteFields, string> = {
  name: "Nom",
  address: "Adresse",
  postalCode: "Code postal",
  city: "Ville",
  phone: "Téléphone",
  accessMeans: "Accès",
};

const none = () => [];
const timesheetLines = (d: { contract: string; week: IsoDay; total: number }) => [
  `Contrat n° ${d.contract}`,
  `Semaine du ${frenchDay(d.week)}`,
  `Total : ${formatDuration(d.total)}`,
];
const advanceDecision = (d: AuditEventData["advance.accepted"]) => [
  `Montant : ${formatEuros(d.amountCents)}`,
  ...(d.reason ? [`Motif : ${d.reason}`] : []),
  ...(d.paidOn ? [`Versé le ${frenchDay(d.paidOn)}`] : []),
  ...(d.availableCents !== undefined ? [`Disponible : ${formatEuros(d.availableCents)}`] : []),
  ...(d.overCapConfirmed ? ["Acceptée au-delà du montant disponible, confirmé par l'agence"] : []),
];
const advanceAsked = (d: { amountCents: number; availableCents?: number; overCap?: boolean }) => [
  ...(d.availableCents !== undefined ? [`Disponible : ${formatEuros(d.availableCents)}`] : []),
  ...(d.overCap ? ["Au-delà du montant disponible : à vérifier avec les heures validées"] : []),
];

// --- The registry: one entry per event type, checked by tsc ------------------

export const AUDIT_EVENTS: { [K in AuditEventType]: Definition<K> } = {
  "auth.login": { label: "Connexion", render: (d) => [`Rôle : ${ROLE_LABELS[d.role] ?? "inconnu"}`] },
  "auth.login_failed": { label: "Échec de connexion", render: (d) => [`Échecs consécutifs : ${d.failuresInARow}`] },
  "auth.reauth_failed": { label: "Mot de passe actuel incorrect", render: (d) => [`Échecs consécutifs : ${d.failuresInARow}`] },
  "auth.logout": { label: "Déconnexion", render: none },
  "demo.reset": {
    label: "Réinitialisation de la démonstration",
    render: (d) => [
      `Origine : ${d.reason === "staff" ? "bouton de l'agence" : d.reason === "startup" ? "démarrage" : "nuit"}`,
      `Durée : ${Math.max(1, Math.round(d.durationMs / 1000))} s`,
    ],
  },
  "auth.signup": { label: "Inscription", render: none },
  "auth.email_confirmed": { label: "Adresse e-mail confirmée", render: none },
  "auth.account_activated": { label: "Compte activé (invitation)", render: none },
  "auth.password_reset_requested": { label: "Demande de réinitialisation du mot de passe", render: none },
  "auth.password_reset": { label: "Mot de passe réinitialisé", render: none },
  "auth.password_changed": { label: "Mot de passe modifié", render: none },
  "auth.session_ended": { label: "Session fermée à distance", render: (d) => [`Appareil : ${d.device}`] },
  "auth.other_sessions_ended": { label: "Autres sessions fermées", render: (d) => [plural(d.count, "session fermée", "sessions fermées")] },

  "outbox.read": {
    label: "Consultation de la boîte d'envoi",
    render: (d) => [...(d.to ? [`Destinataire recherché : ${d.to}`] : []), `Page ${d.page}`],
  },
  "outbox.resend": { label: "Message renvoyé", render: none },

  "profile.change_requested": { label: "Modification de la fiche demandée", render: (d) => [`Champ : ${fieldLabel(d.field)}`] },
  "profile.change_approved": { label: "Modification de la fiche validée", render: (d) => [`Champ : ${fieldLabel(d.field)}`] },
  "profile.change_refused": {
    label: "Modification de la fiche refusée",
    render: (d) => [`Champ : ${fieldLabel(d.field)}`, `Motif : ${d.reason}`],
  },
  "profile.secret_revealed": {
    label: "Donnée protégée affichée",
    render: (d) => [`Champ : ${d.field === "iban" ? "IBAN" : "Numéro de sécurité sociale"}`],
  },
  "settings.notification_changed": {
    label: "Préférence de notification modifiée",
    render: (d) => [`${NOTIFICATION_LABELS[d.kind] ?? "Notification"} : ${d.enabled ? "activée" : "désactivée"}`],
  },
  "availability.set": {
    label: "Disponibilités enregistrées",
    render: (d) => [
      plural(d.days, "jour", "jours"),
      `Moments : ${d.parts.map((p) => DAY_PART_LABELS[p] ?? "—").join(", ")}`,
      d.available ? "Disponible" : "Indisponible",
    ],
  },
  "calendar.token_renewed": { label: "Adresse du calendrier renouvelée", render: none },

  "timesheet.draft_saved": { label: "Brouillon enregistré par le client", render: timesheetLines },
  "timesheet.submitted": { label: "Heures transmises par le client", render: timesheetLines },
  "timesheet.corrected": {
    label: "Correction par l'agence",
    render: (d) => [
      `Contrat n° ${d.contract}`,
      `Semaine du ${frenchDay(d.week)}`,
      ...d.changes.map((c) => arrow(frenchDay(c.date), formatDuration(c.old), formatDuration(c.new))),
      ...(d.extras ?? []).map((x) => arrow(`${frenchDay(x.date)}, ${x.field}`, x.old, x.new)),
    ],
  },

  "targeting.created": {
    label: "Ciblage créé",
    render: (d) => [
      ...(d.qualification ? [`Qualification : ${d.qualification}`] : []),
      ...(d.site ? [`Site : ${d.site}`] : []),
      `Du ${frenchDay(d.startDate)} au ${frenchDay(d.endDate)}`,
      `Horaires : ${d.hours}`,
    ],
  },
  "targeting.offers_sent": {
    label: "Propositions de mission envoyées",
    render: (d) => [plural(d.workerIds.length, "intérimaire", "intérimaires")],
  },
  "targeting.offer_accepted": { label: "Proposition de mission acceptée", render: none },
  "targeting.offer_declined": { label: "Proposition de mission refusée", render: none },
  "targeting.worker_picked": {
    label: "Intérimaire retenu",
    render: (d) => [`Contrat n° ${d.contractNumber} (brouillon)`, `Retenus : ${d.retained} sur ${d.wanted}`],
  },
  "targeting.closed": {
    label: "Ciblage fermé",
    render: (d) => [
      plural(d.offers, "autre proposition close", "autres propositions closes"),
      plural(d.notified, "intérimaire prévenu", "intérimaires prévenus"),
    ],
  },

  "worker.invited": { label: "Intérimaire invité", render: (d) => [`Email : ${d.email}`, `N° intérimaire : ${d.workerNumber}`] },
  "worker.invitation_resent": { label: "Invitation renvoyée", render: none },
  "worker.deactivated": {
    label: "Compte intérimaire désactivé",
    render: (d) => (d.sessionsEnded ? [plural(d.sessionsEnded, "session fermée", "sessions fermées")] : []),
  },
  "worker.reactivated": { label: "Compte intérimaire réactivé", render: none },
  "worker.profile.updated_by_staff": {
    label: "Informations de l'intérimaire modifiées par l'agence",
    render: (d) => d.changes.map((c) => arrow(fieldLabel(c.field), c.from, c.to)),
  },

  "contract.created": {
    label: "Contrat créé",
    render: (d) => [
      `Contrat n° ${d.number}`,
      `Du ${frenchDay(d.startDate)} au ${frenchDay(d.endDate)}`,
      plural(d.shifts, "créneau", "créneaux"),
      `Taux horaire : ${formatEuros(d.hourlyRateCents)}`,
    ],
  },
  "contract.updated": {
    label: "Contrat modifié",
    render: (d) => [
      ...contractChanges(d.changed),
      ...(d.removedShifts ? [plural(d.removedShifts, "créneau retiré", "créneaux retirés")] : []),
      ...(d.addedShifts ? [plural(d.addedShifts, "créneau ajouté", "créneaux ajoutés")] : []),
      ...version(d),
    ],
  },
  "contract.shift_added": { label: "Créneau ajouté au contrat", render: shiftChange },
  "contract.shift_updated": { label: "Créneau du contrat modifié", render: shiftChange },
  "contract.shift_removed": { label: "Créneau du contrat supprimé", render: shiftChange },
  "contract.shifts_regenerated": {
    label: "Créneaux du contrat régénérés",
    render: (d) => [
      `Horaires : ${d.pattern.start} – ${d.pattern.end}${d.pattern.breakMinutes ? `, pause ${d.pattern.breakMinutes} min` : ""}`,
      `Jours : ${d.pattern.weekdays.map((w) => WEEKDAY_LABELS[w - 1] ?? "—").join(", ")}`,
      plural(d.count, "créneau", "créneaux"),
      ...version(d),
    ],
  },
  "contract.issued": {
    label: "Contrat émis",
    render: (d) => [`Contrat n° ${d.number}`, `État : ${CONTRACT_STATE_LABELS[d.state] ?? "—"}`, `Version ${d.version}`],
  },
  "contract.cancelled": {
    label: "Contrat annulé",
    render: (d) => [`Contrat n° ${d.number}`, `État précédent : ${CONTRACT_STATE_LABELS[d.previousState] ?? "—"}`, `Motif : ${d.reason}`],
  },
  "contract.signature_code_sent": { label: "Code de signature envoyé", render: (d) => [`Téléphone : ${d.phone}`] },
  "contract.signature_code_refused": {
    label: "Code de signature non renvoyé",
    render: (d) => [d.reason === "minute" ? "Un code venait d'être envoyé" : "Trop de codes demandés dans l'heure"],
  },
  "contract.signature_code_failed": { label: "Échec de l'envoi du code de signature", render: (d) => [`Téléphone : ${d.phone}`] },
  "contract.signature_failed": {
    label: "Échec de signature",
    render: (d) => [`Cause : ${SIGNATURE_FAILURES[d.reason] ?? "inconnue"}`, ...(d.attempts ? [`Essais : ${d.attempts}`] : [])],
  },
  "contract.signed": {
    label: "Contrat signé",
    render: (d) => [`Version ${d.version}`, `Empreinte du contrat signé : ${d.signedDocumentSha256.slice(0, 12)}…`],
  },
  "contract.evidence_downloaded": {
    label: "Dossier de preuve du contrat téléchargé",
    render: (d) => [`Contrat n° ${d.number}`, plural(d.events, "événement", "événements")],
  },
  "contract.document_issued": {
    label: "Document du contrat émis et scellé",
    render: (d) => [
      `Version ${d.version}`,
      `Empreinte du document : ${d.documentSha256.slice(0, 12)}…`,
      `Cachet : ${/CN=([^,]+)/.exec(d.sealSubject)?.[1] ?? "—"}`,
    ],
  },

  "advance.requested": {
    label: "Demande d'acompte",
    render: (d) => [`Montant : ${formatEuros(d.amountCents)}`, `Versement du ${frenchDay(d.payDate)}`, ...advanceAsked(d)],
  },
  "advance.updated": {
    label: "Demande d'acompte modifiée",
    render: (d) => [`Nouveau montant : ${formatEuros(d.amountCents)}`, ...advanceAsked(d)],
  },
  "advance.cancelled": { label: "Demande d'acompte annulée", render: none },
  "advance.accepted": { label: "Demande d'acompte acceptée", render: advanceDecision },
  "advance.refused": { label: "Demande d'acompte refusée", render: advanceDecision },
  "advance.paid": { label: "Acompte versé", render: advanceDecision },
  "timesheet.payroll_exported": {
    label: "Export de paie (heures et acomptes)",
    render: (d) => [`Agence ${d.agency}`, `Du ${frenchDay(d.from)} au ${frenchDay(d.to)}`, plural(d.rows, "ligne", "lignes")],
  },
  "advance.exported": {
    label: "Export des acomptes",
    render: (d) => [`Versement du ${frenchDay(d.payDate)}`, plural(d.count, "acompte", "acomptes"), `Total : ${formatEuros(d.totalCents)}`],
  },

  "diploma.added": { label: "Diplôme déposé", render: none },
  "diploma.approved": {
    label: "Diplôme validé",
    render: (d) => [plural(d.qualificationIds.length, "qualification accordée", "qualifications accordées")],
  },
  "diploma.refused": { label: "Diplôme refusé", render: (d) => [`Motif : ${d.reason}`] },
  "diploma.recorded": {
    label: "Diplôme vérifié sur l'original enregistré par l'agence",
    render: (d) => [`Diplôme : ${d.name}`, `Obtenu le ${frenchDay(d.obtainedOn)}`, `Qualification : ${d.qualification}`],
  },

  "document.published": {
    label: "Document publié",
    render: (d) => [
      kindLabel(d.kind),
      ...(d.number ? [`N° intérimaire : ${d.number}`] : []),
      `Taille : ${bytes(d.sizeBytes)}`,
      ...(d.batch ? ["Envoi groupé"] : []),
    ],
  },
  "document.requested": { label: "Document demandé", render: (d) => [kindLabel(d.kind)] },
  "document.bulk_uploaded": {
    label: "Lot de bulletins envoyé",
    render: (d) => [plural(d.files, "fichier", "fichiers"), `Reconnus : ${d.matched}`, `Taille : ${bytes(d.sizeBytes)}`],
  },
  "document.downloaded": { label: "Document téléchargé", render: (d) => [kindLabel(d.kind)] },

  "dashboard_block.created": {
    label: "Bloc du tableau de bord créé",
    render: (d) => [`Titre : ${d.title}`, `Publié : ${yesNo(d.published)}`],
  },
  "dashboard_block.updated": {
    label: "Bloc du tableau de bord modifié",
    render: (d) => [`Titre : ${d.title}`, `Publié : ${yesNo(d.published)}`],
  },
  "dashboard_block.published": { label: "Bloc du tableau de bord publié", render: (d) => [`Titre : ${d.title}`] },
  "dashboard_block.unpublished": { label: "Bloc du tableau de bord retiré", render: (d) => [`Titre : ${d.title}`] },
  "dashboard_block.moved": { label: "Bloc du tableau de bord déplacé", render: (d) => [`Titre : ${d.title}`, `Position : ${d.position}`] },
  "dashboard_block.deleted": { label: "Bloc du tableau de bord supprimé", render: (d) => [`Titre : ${d.title}`] },

  "client.created": { label: "Entreprise cliente créée", render: (d) => fieldsList(CLIENT_LABELS, d) },
  "client.updated": { label: "Entreprise cliente modifiée", render: (d) => fieldsDiff(CLIENT_LABELS, d.before, d.after) },
  "client_site.created": { label: "Site client créé", render: (d) => fieldsList(SITE_LABELS, d) },
  "client_site.updated": { label: "Site client modifié", render: (d) => fieldsDiff(SITE_LABELS, d.before, d.after) },

  "smic.added": {
    label: "Valeur du SMIC ajoutée",
    render: (d) => [
      `En vigueur le ${frenchDay(d.effectiveFrom)}`,
      `Taux horaire brut : ${formatEuros(d.hourlyCents)}`,
      `Source : ${orDash(d.source)}`,
    ],
  },
  "qualification_minimum.set": {
    label: "Taux minimum d'une qualification modifié",
    render: (d) => [
      `Qualification : ${d.qualification}`,
      arrow("Taux minimum", d.from === null ? "aucun" : formatEuros(d.from), d.to === null ? "aucun" : formatEuros(d.to)),
    ],
  },
  "agency.long_day_agreement_set": {
    label: "Accord sur la durée quotidienne de travail modifié",
    render: (d) => [d.enabled ? "Accord enregistré : jusqu'à 12 h de travail par jour" : "Sans accord : 10 h de travail par jour au plus"],
  },
};

export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENTS) as AuditEventType[];

export function isAuditEventType(action: string): action is AuditEventType {
  return Object.prototype.hasOwnProperty.call(AUDIT_EVENTS, action);
}

/** The French label of a stored action; an unknown (older) one reads "Action : <code>". */
export function auditLabel(action: string): string {
  return isAuditEventType(action) ? AUDIT_EVENTS[action].label : `Action : ${action}`;
}

/**
 * The French lines of a stored row. Rows are read back from JSON: a row
 * written before its event's data had today's shape must not break the page,
 * so a renderer that throws gives no lines rather than an error.
 */
export function renderAuditDetails(action: string, details: unknown): string[] {
  if (!isAuditEventType(action)) return [];
  const data = details && typeof details === "object" && !Array.isArray(details) ? details : {};
  try {
    const render = AUDIT_EVENTS[action].render as (d: unknown) => string[];
    return render(data).filter((line) => line && !line.includes("undefined") && !line.includes("NaN"));
  } catch {
    return [];
  }
}

/** The events of a list of stored actions, for a filter: French label, sorted. */
export function auditActionOptions(actions: string[]): { value: string; label: string }[] {
  return actions.map((a) => ({ value: a, label: auditLabel(a) })).sort((a, b) => a.label.localeCompare(b.label, "fr"));
}
