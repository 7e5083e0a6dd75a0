// CONTRACT (implementation in progress): the data access layer for the signed-in user.
import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";

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

/** The signed-in user, or null. Checks the session row still exists and the account is active. */
export declare function getSessionUser(): Promise<SessionUser | null>;
/** Redirects to /connexion when signed out; 404 (notFound) when the role differs. */
export declare function requireWorker(): Promise<WorkerUser>;
export declare function requireStaff(): Promise<StaffUser>;
export declare function requireClient(): Promise<ClientUser>;
