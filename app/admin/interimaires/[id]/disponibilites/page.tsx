import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import { parseIsoMonth } from "@/lib/time/dates";
import { notFound } from "next/navigation";
import { AvailabilityCalendar } from "@/components/missions/availability-calendar";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { staffWorkerAvailabilities, staffWorkerName } from "@/lib/backoffice/worker-queries";
import { parisCalendarDate } from "@/lib/format";
import { addDays, addMonths, endOfMonth, keyOf, mondayOf, startOfMonth } from "@/lib/missions/calendar";
import { formatCalendarMonth } from "@/lib/format";

export const metadata: Metadata = { title: "Disponibilités de l'intérimaire" };

/** Staff view of a worker's availabilities, for planning; only workers of the staff member's agencies. */
export default async function WorkerAvailabilityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ mois?: string }>;
}) {
  const staff = await requireStaff();
  const id = await idParam(params);
  const worker = await staffWorkerName(staff, id);
  if (!worker) notFound();
  const today = parisCalendarDate(await now());
  const raw = (await searchParams).mois;
  const month = parseIsoMonth(raw) ?? startOfMonth(today);
  if (Number.isNaN(month.getTime())) notFound();
  const entries = await staffWorkerAvailabilities(staff, worker.id, mondayOf(month), addDays(mondayOf(endOfMonth(month)), 6));
  const name = `${worker.user.firstName} ${worker.user.lastName.toUpperCase()}`;
  const base = `/admin/interimaires/${worker.id}/disponibilites`;
  return (
    <>
      <PageHeader
        title={`Disponibilités de ${name}`}
        breadcrumbs={[
          { label: "Administration", href: "/admin" },
          { label: "Intérimaires", href: "/admin/interimaires" },
          { label: name },
          { label: "Disponibilités" },
        ]}
      />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold first-letter:uppercase">{formatCalendarMonth(month)}</h2>
        <div className="flex gap-2">
          <ButtonLink href={`${base}?mois=${keyOf(addMonths(month, -1)).slice(0, 7)}`} variant="secondary" size="sm">
            Précédent
          </ButtonLink>
          <ButtonLink href={base} variant="secondary" size="sm">
            Aujourd&apos;hui
          </ButtonLink>
          <ButtonLink href={`${base}?mois=${keyOf(addMonths(month, 1)).slice(0, 7)}`} variant="secondary" size="sm">
            Suivant
          </ButtonLink>
        </div>
      </div>
      <AvailabilityCalendar month={month} entries={entries} todayKey={keyOf(today)} />
    </>
  );
}
