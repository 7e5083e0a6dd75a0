import "server-only";
import { headers } from "next/headers";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/http/client";

/** Every audited action. A typed union so that a reader finds them all here. */
export type AuditAction =
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.signup"
  | "auth.email_confirmed"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.password_changed"
  | "auth.session_ended"
  | "auth.other_sessions_ended"
  | "auth.reauth_failed"
  | "outbox.read"
  | (string & {}); // later domains add theirs (contract.signed, advance.accepted, ...)

export type AuditEntry = {
  action: AuditAction;
  actorId?: string | null;
  subjectUserId?: string | null;
  agencyId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  details?: Prisma.InputJsonValue;
};

type Tx = Pick<PrismaClient, "auditLog">;

/** The caller's IP (see lib/http/client.ts: trusted proxy hops only) and user agent. */
export async function requestContext(): Promise<{ ipAddress: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ipAddress: clientAddress(h), userAgent: h.get("user-agent")?.slice(0, 500) ?? null };
  } catch {
    return { ipAddress: null, userAgent: null }; // outside a request (scripts)
  }
}

/** Writes one audit entry, in the caller's transaction when one is given. */
export async function recordAudit(entry: AuditEntry, tx: Tx = db): Promise<void> {
  const context = await requestContext();
  await tx.auditLog.create({ data: { ...entry, ...context } });
}
