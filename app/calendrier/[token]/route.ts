// The private iCalendar feed of a worker's shifts: /calendrier/<token>.ics.
// The token is the only credential (calendar apps send no cookie); renewing it
// on Mes plannings ends the old address.
import { calendarFeed } from "@/lib/missions/calendar-feed";
import { buildCalendar, type FeedEvent } from "@/lib/missions/ical";
import { workedMinutes } from "@/lib/missions/hours";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const token = raw.replace(/\.ics$/, "");
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return new Response("Introuvable", { status: 404 });
  const now = new Date();
  const feed = await calendarFeed(token, now);
  if (!feed) return new Response("Introuvable", { status: 404 });
  const { worker, shifts } = feed;
  const events: FeedEvent[] = shifts.map((s) => {
    const c = s.contract;
    const absent = s.kind === "ABSENCE";
    const minutes = workedMinutes(s);
    return {
      uid: `${s.id}@espace-interimaire`,
      start: s.startsAt,
      end: s.endsAt,
      summary: absent ? `Absent : ${s.absenceCode ?? "ABS"} - ${c.client.name}` : `${c.client.name} - ${c.qualification.label}`,
      location: `${c.site.address}, ${c.site.postalCode} ${c.site.city}`,
      description: `Contrat n° ${c.number}${absent ? "" : ` - ${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")} de travail${s.breakMinutes ? ` (pause ${s.breakMinutes} min)` : ""}`}${s.validated ? "" : " - en attente de validation"}`,
      tentative: !s.validated,
      updatedAt: s.updatedAt,
    };
  });
  return new Response(buildCalendar(`Planning ${worker.user.firstName} - Coop Emploi`, events, now), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": 'inline; filename="planning.ics"',
    },
  });
}
