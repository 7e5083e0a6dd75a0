import type { Metadata } from "next";
import { adminPages } from "@/components/shell/nav";
import { ReviewActions } from "@/components/compte/review-actions";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { VALIDATIONS_PER_PAGE, pendingValidations } from "@/lib/backoffice/worker-queries";
import { approveDiploma, refuseDiploma } from "@/lib/diplomas/actions";
import { formatDate, formatDateTime } from "@/lib/format";
import { approveProfileChange, refuseProfileChange } from "@/lib/profile/actions";
import { fieldDef, fieldLabel } from "@/lib/profile/fields";
import { changeValue, validatedValues, valueToken } from "@/lib/profile/service";

const page = adminPages.validations;
export const metadata: Metadata = { title: page.title };

function DocLink({ id, name }: { id: string; name: string }) {
  return (
    <a className="text-brand-700 underline" href={`/api/documents-personnels/${id}`}>
      {name}
    </a>
  );
}

type Params = Record<string, string | string[] | undefined>;
const pageParam = (v: string | string[] | undefined) => Math.max(1, Number.parseInt((Array.isArray(v) ? v[0] : v) ?? "1", 10) || 1);

export default async function ValidationsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const {
    changes,
    diplomas,
    qualifications,
    approvedDocs,
    changeCount,
    diplomaCount,
    changesPage,
    diplomasPage,
    changePageCount,
    diplomaPageCount,
  } = await pendingValidations(staff, {
    changesPage: pageParam(params.modifications),
    diplomasPage: pageParam(params.diplomes),
    perPage: VALIDATIONS_PER_PAGE,
  });

  return (
    <div className="space-y-8">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={<p>Modifications de fiche perso et diplômes déposés par les intérimaires de vos agences, en attente de validation.</p>}
      />

      <section aria-labelledby="modifications" className="space-y-3">
        <h2 id="modifications" className="text-lg font-semibold text-slate-900">
          Modifications de fiche perso ({changeCount})
        </h2>
        {changes.length === 0 ? (
          <EmptyState title="Aucune modification en attente" />
        ) : (
          <Table caption="Modifications de fiche perso en attente">
            <THead>
              <tr>
                <Th>Intérimaire</Th>
                <Th>Champ</Th>
                <Th>Valeur actuelle</Th>
                <Th>Nouvelle valeur</Th>
                <Th>Demandé le</Th>
                <Th>Décision</Th>
              </tr>
            </THead>
            <TBody>
              {changes.map((c) => {
                const def = fieldDef(c.field);
                const who = `${c.worker.user.lastName.toUpperCase()} ${c.worker.user.firstName}`;
                const current = def ? def.display(validatedValues(c.worker)[def.key], false) : null;
                const approvedDoc = approvedDocs.find((a) => a.workerId === c.workerId && a.field === c.field && a.document)?.document;
                return (
                  <Tr key={c.id}>
                    <Td label="Intérimaire">
                      <div className="font-medium">{who}</div>
                      <div className="text-xs text-slate-500">
                        {c.worker.agencies.map((a) => `${a.agency.code} : ${a.workerNumber}`).join(", ")}
                      </div>
                    </Td>
                    <Td label="Champ">{fieldLabel(c.field)}</Td>
                    <Td label="Valeur actuelle" className="wrap-break-word">
                      {def ? current : approvedDoc ? <DocLink id={approvedDoc.id} name={approvedDoc.fileName} /> : "-"}
                    </Td>
                    <Td label="Nouvelle valeur" className="font-medium wrap-break-word text-orange-800">
                      {def ? (
                        def.display(changeValue(c.field, c.newValue), false)
                      ) : c.document ? (
                        <DocLink id={c.document.id} name={c.document.fileName} />
                      ) : (
                        "-"
                      )}
                    </Td>
                    <Td label="Demandé le" className="whitespace-nowrap">
                      {formatDateTime(c.createdAt)}
                    </Td>
                    <Td label="Décision">
                      <ReviewActions
                        id={c.id}
                        token={valueToken(c.newValue)}
                        approve={approveProfileChange}
                        refuse={refuseProfileChange}
                        label={`${fieldLabel(c.field)} de ${who}`}
                      />
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
        <Pagination
          page={changesPage}
          pageCount={changePageCount}
          hrefFor={(n) => pageHref("/admin/validations", params, n, "modifications")}
        />
      </section>

      <section aria-labelledby="diplomes" className="space-y-3">
        <h2 id="diplomes" className="text-lg font-semibold text-slate-900">
          Diplômes / certificats ({diplomaCount})
        </h2>
        {diplomas.length === 0 ? (
          <EmptyState title="Aucun diplôme en attente" />
        ) : (
          <Table caption="Diplômes en attente de validation">
            <THead>
              <tr>
                <Th>Intérimaire</Th>
                <Th>Diplôme</Th>
                <Th>Obtenu le</Th>
                <Th>Document</Th>
                <Th>Décision</Th>
              </tr>
            </THead>
            <TBody>
              {diplomas.map((d) => {
                const who = `${d.worker.user.lastName.toUpperCase()} ${d.worker.user.firstName}`;
                return (
                  <Tr key={d.id}>
                    <Td label="Intérimaire">
                      <div className="font-medium">{who}</div>
                      <div className="text-xs text-slate-500">
                        {d.worker.agencies.map((a) => `${a.agency.code} : ${a.workerNumber}`).join(", ")}
                      </div>
                    </Td>
                    <Td label="Diplôme">{d.name}</Td>
                    <Td label="Obtenu le">{formatDate(d.obtainedOn)}</Td>
                    <Td label="Document">{d.document ? <DocLink id={d.document.id} name={d.document.fileName} /> : "-"}</Td>
                    <Td label="Décision">
                      <ReviewActions id={d.id} approve={approveDiploma} refuse={refuseDiploma} label={`diplôme ${d.name} de ${who}`}>
                        <fieldset className="text-left">
                          <legend className="text-xs font-medium text-slate-600">Qualifications accordées</legend>
                          <div className="max-h-44 overflow-y-auto">
                            {qualifications.map((q) => (
                              <label key={q.id} className="flex min-h-7 items-center gap-2 text-xs">
                                <input type="checkbox" name="qualificationIds" value={q.id} className="accent-brand-600 size-5 shrink-0" />
                                {`${q.label} (${q.code})`}
                              </label>
                            ))}
                          </div>
                        </fieldset>
                      </ReviewActions>
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
        <Pagination
          page={diplomasPage}
          pageCount={diplomaPageCount}
          hrefFor={(n) => pageHref("/admin/validations", params, n, "diplomes")}
        />
      </section>
    </div>
  );
}
