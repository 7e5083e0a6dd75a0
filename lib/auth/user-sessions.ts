// A user's own open sessions: the list of Paramètres / Sécurité and ending one
// or all the others. Every write is scoped to the caller's user id in the
// query itself, so another user's session id matches nothing.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { Role } from "@/lib/generated/prisma/enums";
import { describeUserAgent, maskIpAddress } from "./devices";
import { sessionEndReason } from "./session-rules";

export type SessionOwner = { id: string; role: Role; sessionId: string };

export type OpenSession = {
  id: string;
  device: string;
  place: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The caller's open sessions (not expired, not idle too long), this one first, then the most recent. */
export async function listOpenSessions(owner: SessionOwner, now = new Date()): Promise<OpenSession[]> {
  const rows = await db.userSession.findMany({
    where: { userId: owner.id, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ipAddress: true },
  });
  return rows
    .filter((r) => sessionEndReason(owner.role, r, now) === null)
    .map((r) => ({
      id: r.id,
      device: describeUserAgent(r.userAgent),
      place: maskIpAddress(r.ipAddress),
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      current: r.id === owner.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

export type EndResult = "ended" | "current" | "not_found";

/** Ends one of the caller's other sessions; the current one ends with "Déconnexion". */
export async function endOwnSession(owner: SessionOwner, sessionId: string): Promise<EndResult> {
  if (sessionId === owner.sessionId) return "current";
  const row = await db.userSession.findFirst({ where: { id: sessionId, userId: owner.id }, select: { userAgent: true } });
  if (!row) return "not_found";
  const ended = await db.$transaction(async (tx) => {
    const { count } = await tx.userSession.deleteMany({ where: { id: sessionId, userId: owner.id } });
    if (count !== 1) return false; // ended meanwhile (another tab, sign-out)
    await recordAudit(
      tx,
      { type: "auth.session_ended", data: { device: describeUserAgent(row.userAgent) } },
      { actorId: owner.id, subjectUserId: owner.id, entityType: "UserSession", entityId: sessionId },
    );
    return true;
  });
  return ended ? "ended" : "not_found";
}

/** Ends every session of the caller but this one; returns how many ended. */
export async function endOtherSessions(owner: SessionOwner): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.userSession.deleteMany({ where: { userId: owner.id, NOT: { id: owner.sessionId } } });
    await recordAudit(tx, { type: "auth.other_sessions_ended", data: { count } }, { actorId: owner.id, subjectUserId: owner.id });
    return count;
  });
}
