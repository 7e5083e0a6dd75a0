// The data access layer for the signed-in user. Every page, action and route
// handler asks here; the proxy only makes optimistic redirects.
import "server-only";
import { cache } from "react";
import { redirect, notFound } from "next/navigation";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./config";
import { sessionEndReason, shouldTouchLastSeen } from "./session-rules";

export type SessionUser = {
  id: string;
  sessionId: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
};
export type WorkerUser = SessionUser & { role: "WORKER"; workerId: string };
export type StaffUser = SessionUser & { role: "STAFF"; agencyIds: string[] };
export type ClientUser = SessionUser & { role: "CLIENT"; clientIds: string[] };

type LoadedUser = SessionUser & { workerId: string | null; agencyIds: string[]; clientIds: string[] };

const loadSessionUser = cache(async (): Promise<LoadedUser | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          email: true,
          role: true,
          firstName: true,
          lastName: true,
          active: true,
          workerProfile: { select: { id: true } },
          staffMemberships: { select: { agencyId: true } },
          clientMemberships: { select: { clientId: true } },
        },
      },
    },
  });
  if (!row || !row.user.active) return null;
  if (sessionEndReason(row.user.role, row)) {
    // Enforced here, on the server: the row goes, the cookie is dead everywhere.
    await db.userSession.deleteMany({ where: { id: row.id } }).catch(() => undefined);
    return null;
  }
  if (shouldTouchLastSeen(row.lastSeenAt)) {
    await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
  }
  const u = row.user;
  return {
    id: u.id,
    sessionId: row.id,
    email: u.email,
    role: u.role,
    firstName: u.firstName,
    lastName: u.lastName,
    workerId: u.workerProfile?.id ?? null,
    agencyIds: u.staffMemberships.map((m) => m.agencyId),
    clientIds: u.clientMemberships.map((m) => m.clientId),
  };
});

function publicFields(u: LoadedUser): SessionUser {
  return { id: u.id, sessionId: u.sessionId, email: u.email, role: u.role, firstName: u.firstName, lastName: u.lastName };
}

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const u = await loadSessionUser();
  return u ? publicFields(u) : null;
}

async function requireRole(role: Role): Promise<LoadedUser> {
  const u = await loadSessionUser();
  if (!u) redirect("/connexion");
  // Another role gets nothing: not even a hint that the page exists.
  if (u.role !== role) notFound();
  return u;
}

export async function requireWorker(): Promise<WorkerUser> {
  const u = await requireRole("WORKER");
  if (!u.workerId) notFound();
  return { ...publicFields(u), role: "WORKER", workerId: u.workerId };
}

export async function requireStaff(): Promise<StaffUser> {
  const u = await requireRole("STAFF");
  return { ...publicFields(u), role: "STAFF", agencyIds: u.agencyIds };
}

export async function requireClient(): Promise<ClientUser> {
  const u = await requireRole("CLIENT");
  return { ...publicFields(u), role: "CLIENT", clientIds: u.clientIds };
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  if (role === "STAFF") return "/admin";
  if (role === "CLIENT") return "/client";
  return "/";
}

/** The page where each role sees its open sessions (and changes its password). */
export function securityPageFor(role: Role): string {
  if (role === "STAFF") return "/admin/securite";
  if (role === "CLIENT") return "/client/securite";
  return "/parametres";
}

/** The signed-in user with what scopes them (their worker profile, agencies or client companies), or null. */
export type Caller = WorkerUser | StaffUser | ClientUser;

export async function getCaller(): Promise<Caller | null> {
  const u = await loadSessionUser();
  if (!u) return null;
  if (u.role === "WORKER") return u.workerId ? { ...publicFields(u), role: "WORKER", workerId: u.workerId } : null;
  if (u.role === "STAFF") return { ...publicFields(u), role: "STAFF", agencyIds: u.agencyIds };
  if (u.role === "CLIENT") return { ...publicFields(u), role: "CLIENT", clientIds: u.clientIds };
  return null;
}
