import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/session";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { readOutboxForStaff, type StaffOutboxItem } from "@/lib/messaging/queries";
import { CHANNEL_LABELS, STATUS_LABELS, formatParisDateTime } from "@/lib/messaging/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { resendMessage } from "./actions";

export const metadata: Metadata = { title: "Boîte d'envoi" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUS_TONES: Record<MessageStatus, BadgeTone> = { OUTBOX: "neutral", SENT: "success", FAILED: "danger" };

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function countLabel(total: number): string {
  if (total === 0) return "Aucun message";
  return total === 1 ? "1 message" : `${total.toLocaleString("fr-FR")} messages`;
}

function summaryOf(item: StaffOutboxItem): string {
  if (item.subject) return item.subject;
  return item.text.length > 80 ? `${item.text.slice(0, 80)}…` : item.text;
}

function MessageCell({ item }: { item: StaffOutboxItem }) {
  return (
    <details className="group text-left">
      <summary className="marker:text-brand-600 hover:text-brand-700 cursor-pointer">
        <span className="font-medium">{summaryOf(item)}</span>
        <span className="text-brand-700 ml-2 text-xs underline group-open:hidden">Lire</span>
      </summary>
      <pre className="mt-2 max-w-2xl rounded-lg border border-slate-200 bg-slate-50 p-3 font-sans text-sm break-words whitespace-pre-wrap text-slate-800">
        {item.text}
      </pre>
      {item.error ? <p className="mt-2 max-w-2xl text-sm text-red-800">Erreur du service d&apos;envoi : {item.error}</p> : null}
    </details>
  );
}

function OutboxRow({ item }: { item: StaffOutboxItem }) {
  return (
    <Tr>
      <Td label="Date" className="whitespace-nowrap">
        {formatParisDateTime(item.createdAt)}
      </Td>
      <Td label="Canal">{CHANNEL_LABELS[item.channel]}</Td>
      <Td label="Destinataire">
        <div className="break-all">{item.to}</div>
        {item.recipientName ? <div className="text-xs text-slate-500">{item.recipientName}</div> : null}
      </Td>
      <Td label="Message">
        <MessageCell item={item} />
      </Td>
      <Td label="Statut">
        <Badge tone={STATUS_TONES[item.status]}>{STATUS_LABELS[item.status]}</Badge>
        {item.status === "FAILED" ? (
          <form action={resendMessage} className="mt-2">
            <input type="hidden" name="id" value={item.id} />
            <Button type="submit" variant="secondary">
              Renvoyer
            </Button>
          </form>
        ) : null}
      </Td>
    </Tr>
  );
}

function RecipientFilter({ to }: { to: string }) {
  return (
    <form method="get" action="/admin/outbox" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <InputField
        label="Destinataire"
        name="to"
        type="search"
        defaultValue={to}
        placeholder="E-mail, téléphone ou nom"
        className="w-full max-w-sm"
      />
      <Button type="submit">Filtrer</Button>
      {to ? (
        <ButtonLink href="/admin/outbox" variant="ghost">
          Effacer le filtre
        </ButtonLink>
      ) : null}
    </form>
  );
}

export default async function OutboxPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const to = firstValue(params.to)?.trim().slice(0, 200) ?? "";
  const requestedPage = Number.parseInt(firstValue(params.page) ?? "1", 10) || 1;
  const result = await readOutboxForStaff(staff, { to, page: requestedPage });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Boîte d'envoi"
        breadcrumbs={[{ label: "Administration", href: "/admin" }, { label: "Boîte d'envoi" }]}
        description={
          <p>
            Les e-mails et SMS envoyés par l&apos;espace en ligne. Tant qu&apos;aucun service d&apos;envoi n&apos;est configuré, ils restent
            ici. Les codes et les liens de connexion qu&apos;ils contiennent sont masqués : seul leur destinataire les reçoit.
          </p>
        }
      />
      <RecipientFilter to={to} />
      <p className="mb-2 text-sm text-slate-600">{countLabel(result.total)}</p>
      {result.items.length === 0 ? (
        <EmptyState
          title={to ? "Aucun message pour ce destinataire" : "La boîte d'envoi est vide"}
          description={to ? "Vérifiez l'adresse, le numéro ou le nom saisi." : undefined}
        />
      ) : (
        <Table caption="Messages de la boîte d'envoi, du plus récent au plus ancien">
          <THead>
            <tr>
              <Th>Date</Th>
              <Th>Canal</Th>
              <Th>Destinataire</Th>
              <Th>Objet / message</Th>
              <Th>Statut</Th>
            </tr>
          </THead>
          <TBody>
            {result.items.map((item) => (
              <OutboxRow key={item.id} item={item} />
            ))}
          </TBody>
        </Table>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} pathname="/admin/outbox" searchParams={to ? { to } : {}} />
    </div>
  );
}
