// The menus of the three spaces, in one place: the navigation, the page titles
// and the breadcrumbs all read from here. Data only, so client components can
// import it too.

import type { Crumb } from "@/components/ui/page-header";
import type { IconName } from "./icons";

export type NavItem = {
  href: string;
  /** Label in the menu. */
  label: string;
  icon: IconName;
  /** Only the exact path is "current" (for a space's home). */
  exact?: boolean;
};

export type NavGroup = { label?: string; icon?: IconName; items: NavItem[] };

export type PageDef = NavItem & {
  /** The page's h1 and <title>. */
  title: string;
  breadcrumbs: Crumb[];
};

const MON_ESPACE: Crumb = { label: "Mon espace", href: "/" };
const TABLEAU_DE_BORD: Crumb = { label: "Tableau de bord", href: "/" };

// ---------------------------------------------------------------------------
// Worker ("espace intérimaire"), as in the guide
// ---------------------------------------------------------------------------

export const workerPages = {
  dashboard: {
    href: "/",
    label: "Tableau de bord",
    icon: "home",
    exact: true,
    title: "Tableau de bord",
    breadcrumbs: [],
  },
  acomptes: {
    href: "/acomptes",
    label: "Mes demandes d'acompte",
    icon: "euro",
    title: "Vos demandes d'acompte",
    breadcrumbs: [MON_ESPACE, { label: "Mes demandes d'acompte" }],
  },
  fichePerso: {
    href: "/fiche-perso",
    label: "Fiche perso",
    icon: "idCard",
    title: "Mes informations personnelles",
    breadcrumbs: [MON_ESPACE, { label: "Mes informations personnelles" }],
  },
  diplomes: {
    href: "/diplomes",
    label: "Diplômes / Certificats",
    icon: "diploma",
    title: "Diplômes / Certificats",
    breadcrumbs: [MON_ESPACE, { label: "Diplômes / Certificats" }],
  },
  parametres: {
    href: "/parametres",
    label: "Paramètres",
    icon: "settings",
    title: "Paramètres",
    breadcrumbs: [TABLEAU_DE_BORD, { label: "Paramètres" }],
  },
  contrats: {
    href: "/contrats",
    label: "Mes contrats",
    icon: "contract",
    title: "Contrats",
    breadcrumbs: [MON_ESPACE, { label: "Contrats" }],
  },
  plannings: {
    href: "/plannings",
    exact: true,
    label: "Mes plannings",
    icon: "calendar",
    title: "Mes plannings",
    breadcrumbs: [MON_ESPACE, { label: "Mes plannings" }],
  },
  releve: {
    href: "/plannings/releve",
    label: "Relevé d'heures",
    icon: "clock",
    title: "Relevé d'heures",
    breadcrumbs: [MON_ESPACE, { label: "Mes plannings", href: "/plannings" }, { label: "Relevé d'heures" }],
  },
  disponibilites: {
    href: "/disponibilites",
    label: "Mes disponibilités",
    icon: "availability",
    title: "Mes disponibilités",
    breadcrumbs: [MON_ESPACE, { label: "Mes disponibilités" }],
  },
  offres: {
    href: "/offres",
    label: "Mes propositions de mission",
    icon: "target",
    title: "Mes propositions de mission",
    breadcrumbs: [MON_ESPACE, { label: "Mes propositions de mission" }],
  },
  bulletins: {
    href: "/bulletins-de-salaire",
    label: "Bulletins de salaire",
    icon: "payslip",
    title: "Bulletins de salaire",
    breadcrumbs: [TABLEAU_DE_BORD, { label: "Bulletins de salaire" }],
  },
  attestationsAssedic: {
    href: "/attestations-assedic",
    label: "Attestation Assedic",
    icon: "file",
    title: "Attestations Assedic",
    breadcrumbs: [TABLEAU_DE_BORD, { label: "Attestation Assedic" }],
  },
  certificatsDeTravail: {
    href: "/certificats-de-travail",
    label: "Certificat de travail",
    icon: "certificate",
    title: "Certificats de travail",
    breadcrumbs: [TABLEAU_DE_BORD, { label: "Certificat de travail" }],
  },
} satisfies Record<string, PageDef>;

/** The guide's text for each menu group. */
export const workerGroupIntros = {
  compte:
    "Vous retrouverez dans cette rubrique vos informations personnelles, vos documents administratifs ainsi que vos paramètres (gestion des notifications, mot de passe). Vous pouvez également faire des demandes d'acompte en ligne.",
  missions:
    "C'est ici que vous allez pouvoir consulter les informations de vos missions et votre planning. Rendez-vous dans cette rubrique pour signer vos contrats. Vous pourrez également renseigner vos disponibilités et indisponibilités.",
  documents: "Vous pourrez consulter et télécharger vos bulletins de salaire et autres documents liés à la paie depuis cette rubrique.",
};

const w = workerPages;

export const workerNav: NavGroup[] = [
  { items: [w.dashboard] },
  { label: "Votre compte", icon: "user", items: [w.acomptes, w.fichePerso, w.diplomes, w.parametres] },
  { label: "Mes missions", icon: "briefcase", items: [w.contrats, w.plannings, w.releve, w.disponibilites, w.offres] },
  { label: "Documents", icon: "folder", items: [w.bulletins, w.attestationsAssedic, w.certificatsDeTravail] },
];

/** "Mon compte" in the header leads to the worker's personal file. */
export const workerAccountHref = w.fichePerso.href;

// ---------------------------------------------------------------------------
// Staff (back office)
// ---------------------------------------------------------------------------

const ACCUEIL: Crumb = { label: "Accueil", href: "/admin" };

function adminPage(href: string, label: string, icon: IconName, title = label): PageDef {
  return { href, label, icon, title, breadcrumbs: [ACCUEIL, { label: title }] };
}

export const adminPages = {
  home: { href: "/admin", label: "Accueil", icon: "home", exact: true, title: "Accueil", breadcrumbs: [] },
  interimaires: adminPage("/admin/interimaires", "Intérimaires", "users"),
  contrats: adminPage("/admin/contrats", "Contrats", "contract"),
  clients: adminPage("/admin/clients", "Clients", "building"),
  acomptes: adminPage("/admin/acomptes", "Acomptes", "euro"),
  validations: adminPage("/admin/validations", "Validations", "check"),
  documents: adminPage("/admin/documents", "Documents", "folder"),
  ciblages: adminPage("/admin/ciblages", "Ciblages", "target"),
  heures: adminPage("/admin/heures", "Heures transmises", "clock"),
  blocs: adminPage("/admin/blocs", "Tableau de bord intérimaires", "layout"),
  remuneration: adminPage("/admin/remuneration", "SMIC et minima", "euro"),
  audit: adminPage("/admin/audit", "Journal d'audit", "audit"),
  outbox: adminPage("/admin/outbox", "Boîte d'envoi", "outbox"),
  securite: adminPage("/admin/securite", "Sécurité du compte", "lock"),
} satisfies Record<string, PageDef>;

const a = adminPages;

export const adminNav: NavGroup[] = [
  { items: [a.home] },
  { label: "Gestion", items: [a.interimaires, a.contrats, a.clients] },
  { label: "Traitements", items: [a.acomptes, a.validations, a.documents, a.ciblages, a.heures] },
  { label: "Administration", items: [a.blocs, a.remuneration, a.audit, a.outbox] },
  { label: "Mon compte", items: [a.securite] },
];

// ---------------------------------------------------------------------------
// Client companies
// ---------------------------------------------------------------------------

export const clientPages = {
  heures: {
    href: "/client",
    label: "Saisie des heures",
    icon: "clock",
    exact: true,
    title: "Saisie des heures",
    breadcrumbs: [],
  },
  contrats: {
    href: "/client/contrats",
    label: "Mes contrats",
    icon: "contract",
    title: "Mes contrats",
    breadcrumbs: [{ label: "Saisie des heures", href: "/client" }, { label: "Mes contrats" }],
  },
  securite: {
    href: "/client/securite",
    label: "Sécurité du compte",
    icon: "lock",
    title: "Sécurité du compte",
    breadcrumbs: [{ label: "Saisie des heures", href: "/client" }, { label: "Sécurité du compte" }],
  },
} satisfies Record<string, PageDef>;

export const clientNav: NavGroup[] = [{ items: [clientPages.heures, clientPages.contrats, clientPages.securite] }];

/** Whether a menu entry is the current page (or one of its sub-pages). */
export function isCurrent(item: Pick<NavItem, "href" | "exact">, pathname: string): boolean {
  if (item.exact || item.href === "/") return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
