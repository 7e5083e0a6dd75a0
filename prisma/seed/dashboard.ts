// The "bureau virtuel" blocks of each agency (Markdown), adapted from the
// user guide with the fictional recruiters of the seed.
import type { Context } from "./context";
import { AGENCIES, SECTORS, STAFF, FRONT_DESK_STAFF_EMAIL } from "./data";

export type DashboardBlockSeed = { agency: string; title: string; body: string; position: number; published?: boolean };

function recruitersBySector(agency: string): string {
  return SECTORS.filter((s) => s.agency === agency)
    .sort((a, b) => a.position - b.position)
    .map((sector) => {
      const people = STAFF.filter((p) => p.memberships[agency] === sector.name).map((p) => `${p.firstName} : ${p.email}`);
      return `  - **${sector.name}** : ${people.join(" / ")}`;
    })
    .join("\n");
}

function agencyOf(code: string) {
  const agency = AGENCIES.find((a) => a.code === code);
  if (!agency) throw new Error(`Unknown agency ${code}`);
  return agency;
}

function absenceProcedure(code: string): string {
  const agency = agencyOf(code);
  return `Toute absence doit être signalée **par écrit**, le plus tôt possible :

- **par mail EN PRIORITÉ** au chargé de recrutement de votre secteur :
${recruitersBySector(code)}
- **suivi d'un appel téléphonique à l'agence** au ${agency.phone}.

## Absence le week-end

Par SMS ou appel au **numéro d'astreinte ${agency.onCallPhone}** (samedi de 8 h à 12 h et de 14 h à 17 h), **suivi d'un mail** au chargé de recrutement de votre secteur.`;
}

function payslipsAndAdvances(code: string): string {
  const agency = agencyOf(code);
  return `Les **bulletins de salaire** sont déposés automatiquement sur votre espace **entre le 8 et le 10 du mois** : vous recevez un mail dès qu'un nouveau bulletin est disponible (rubrique Documents > Bulletins de salaire).

Pour toute question sur votre bulletin de salaire, écrivez au service paie : ${agency.payrollEmail}

Les **acomptes** se demandent **uniquement via la plateforme** (Votre compte > Mes demandes d'acompte), **au plus tard le mardi soir** : ils sont versés le mercredi. Le montant est validé par le service paie en fonction des heures que vous avez effectuées.

**ATTENTION : aucun acompte ne peut être versé après le dernier mercredi du mois.**`;
}

function assedic(): string {
  const frontDesk = STAFF.find((s) => s.email === FRONT_DESK_STAFF_EMAIL);
  return `Les **attestations employeur destinées à France Travail (ex-ASSEDIC)** et les **certificats de travail** se demandent **via la plateforme**, depuis la rubrique Documents > Attestation Assedic ou Certificat de travail.

Vous recevez un mail dès que le document est disponible sur votre espace. Pour une question, contactez notre chargée d'accueil ${frontDesk?.firstName ?? ""} : ${frontDesk?.email ?? ""}`;
}

export const DASHBOARD_BLOCKS: DashboardBlockSeed[] = [
  { agency: "MEDIMP", position: 0, title: "Procédure absence : un écrit est obligatoire", body: absenceProcedure("MEDIMP") },
  { agency: "MEDIMP", position: 1, title: "Bulletins de salaire / Acomptes", body: payslipsAndAdvances("MEDIMP") },
  { agency: "MEDIMP", position: 2, title: "Attestations ASSEDIC", body: assedic() },
  {
    agency: "MEDIMP",
    position: 3,
    title: "Actualités",
    body: `- **Signature électronique** : vos contrats se signent désormais en ligne, avec un code reçu par SMS. Pensez à vérifier votre numéro de téléphone dans votre Fiche perso.
- **Mes disponibilités** : renseignez vos disponibilités chaque semaine ; nous vous proposons ainsi des missions proches de chez vous, dans votre rayon de mobilité.
- **Nouveau client** : l'EHPAD Les Cèdres Bleus à Castanet-Tolosan recherche des aides-soignants et des agents de service hospitalier, de jour comme de nuit.`,
  },
  {
    agency: "MEDIMP",
    position: 4,
    title: "Formation gestes et postures (brouillon)",
    body: "Session prévue au printemps à Rodez et Toulouse : inscriptions bientôt ouvertes.",
    published: false,
  },
  { agency: "EDUC31", position: 0, title: "Procédure absence : un écrit est obligatoire", body: absenceProcedure("EDUC31") },
  { agency: "EDUC31", position: 1, title: "Bulletins de salaire / Acomptes", body: payslipsAndAdvances("EDUC31") },
  {
    agency: "EDUC31",
    position: 2,
    title: "Actualités",
    body: `- Pendant les **vacances scolaires**, les missions en établissement scolaire sont suspendues : indiquez vos disponibilités pour les accueils de loisirs et les internats.
- Les missions AESH nécessitent une **attestation de formation** : déposez-la dans Diplômes / Certificats.`,
  },
];

/** The blocks as rows of the plan. */
export function addDashboardBlocks(ctx: Context, agencyId: Record<string, string>): void {
  const { plan, rng, longAgo } = ctx;
  for (const b of DASHBOARD_BLOCKS) {
    const createdAt = longAgo(30, 400);
    plan.dashboardBlocks.push({
      id: rng.id(),
      agencyId: agencyId[b.agency],
      title: b.title,
      body: b.body,
      position: b.position,
      published: b.published ?? true,
      createdAt,
      updatedAt: createdAt,
    });
  }
}
