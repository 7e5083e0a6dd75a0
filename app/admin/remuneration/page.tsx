import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { staffAgencies } from "@/lib/backoffice/agencies";
import { agencyRemuneration, qualificationsForMinimum, smicAuthors, smicTable } from "@/lib/backoffice/remuneration-queries";
import { formatCalendarDate, formatDateTime, formatEuros } from "@/lib/format";
import { AddSmicForm, AgreementForm, MinimumForm } from "./forms";

const page = adminPages.remuneration;
export const metadata: Metadata = { title: page.title };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function RemunerationPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const agencies = await staffAgencies(staff);
  if (agencies.length === 0) notFound();
  const chosen = agencies.find((a) => a.code === first(params.agence)) ?? agencies[0];
  const [agency, smic, qualifications] = await Promise.all([agencyRemuneration(staff, chosen.id), smicTable(), qualificationsForMinimum()]);
  if (!agency) notFound();
  const authors = await smicAuthors(smic.flatMap((r) => (r.createdById ? [r.createdById] : [])));

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>
            Les règles de rémunération et de durée du travail appliquées à chaque contrat : le taux horaire n&apos;est jamais inférieur au
            SMIC en vigueur ni au minimum de l&apos;agence pour la qualification, et la journée de travail ne dépasse pas 10 h (12 h avec un
            accord).
          </p>
        }
      />

      <Card as="section" aria-labelledby="smic">
        <h2 id="smic" className="mb-1 text-lg font-semibold text-slate-900">
          SMIC horaire brut
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          Commun à toutes les agences. Une revalorisation s&apos;ajoute à partir de sa date d&apos;effet ; les valeurs passées ne se
          modifient pas.
        </p>
        <Table caption="Valeurs du SMIC horaire brut">
          <THead>
            <tr>
              <Th>En vigueur à partir du</Th>
              <Th>Taux horaire brut</Th>
              <Th>Source</Th>
              <Th>Ajouté</Th>
            </tr>
          </THead>
          <TBody>
            {smic.map((r) => (
              <Tr key={r.id} data-testid="smic-row">
                <Td label="En vigueur à partir du">{formatCalendarDate(r.effectiveFrom)}</Td>
                <Td label="Taux horaire brut">{formatEuros(r.hourlyCents)}</Td>
                <Td label="Source">{r.source ?? "—"}</Td>
                <Td label="Ajouté">
                  {r.createdById
                    ? `par ${authors.get(r.createdById) ?? "un membre de l'agence"} le ${formatDateTime(r.createdAt)}`
                    : "Valeur officielle"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <h3 className="mt-6 mb-3 text-base font-semibold text-slate-900">Ajouter une revalorisation</h3>
        <AddSmicForm />
      </Card>

      {agencies.length > 1 ? (
        <nav aria-label="Agences" className="flex flex-wrap gap-2">
          {agencies.map((a) => (
            <Link
              key={a.id}
              href={`/admin/remuneration?agence=${a.code}`}
              aria-current={a.id === agency.id ? "page" : undefined}
              className={
                a.id === agency.id
                  ? "bg-brand-600 rounded-full px-4 py-2 text-sm font-semibold text-white"
                  : "hover:bg-brand-50 rounded-full border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800"
              }
            >
              {a.name}
            </Link>
          ))}
        </nav>
      ) : null}

      <Card as="section" aria-labelledby="duree">
        <h2 id="duree" className="mb-1 text-lg font-semibold text-slate-900">
          Durée quotidienne de travail – {agency.name}
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          {agency.longDayAgreement
            ? "Accord enregistré : jusqu'à 12 h de travail par jour."
            : "Sans accord : 10 h de travail par jour au plus."}{" "}
          Dans tous les cas : 48 h par semaine au plus, 44 h en moyenne sur 12 semaines, 11 h de repos entre deux journées et un repos de 35
          h d&apos;affilée chaque semaine.
        </p>
        <AgreementForm agencyId={agency.id} enabled={agency.longDayAgreement} />
      </Card>

      <Card as="section" aria-labelledby="minima">
        <h2 id="minima" className="mb-1 text-lg font-semibold text-slate-900">
          Taux minimum par qualification – {agency.name}
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          Un contrat de l&apos;agence dans cette qualification ne peut pas être payé moins (et jamais moins que le SMIC).
        </p>
        {agency.minimumRates.length ? (
          <Table caption="Taux minimum par qualification">
            <THead>
              <tr>
                <Th>Qualification</Th>
                <Th>Taux horaire minimum</Th>
              </tr>
            </THead>
            <TBody>
              {agency.minimumRates.map((m) => (
                <Tr key={m.qualificationId} data-testid="minimum-row">
                  <Td label="Qualification">
                    {m.qualification.label} ({m.qualification.code})
                  </Td>
                  <Td label="Taux horaire minimum">{formatEuros(m.minHourlyCents)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">Aucun minimum : le SMIC s&apos;applique.</p>
        )}
        <div className="mt-6">
          <MinimumForm
            agencyId={agency.id}
            qualifications={qualifications.map((q) => ({ value: q.id, label: `${q.label} (${q.code})` }))}
          />
        </div>
      </Card>
    </div>
  );
}
