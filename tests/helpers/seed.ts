// Unit tests that need the e2e fixtures' accounts (prisma/fixtures) seed the
// demo data with them, as scripts/test-all.ts does for the end-to-end suite.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StaffUser } from "@/lib/auth/session";
import { seed, type SeedOptions, type SeedResult } from "@/prisma/seed";
import { testFixtures } from "@/prisma/fixtures";

export {
  COMPTE_E2E_WORKERS,
  HOURS_CLIENT_EMAIL,
  PLANNING_TEST_SHIFTS,
  PLANNING_TEST_TOTAL_MINUTES,
  STATEMENT_CONTRACT_NUMBER,
  STATEMENT_WORKER_EMAIL,
} from "@/prisma/fixtures";

export function seedWithFixtures(prisma: PrismaClient, options: Omit<SeedOptions, "extension"> = {}): Promise<SeedResult> {
  return seed(prisma, { ...options, extension: testFixtures });
}

/** A seeded staff account as the services receive it from the session (the demo staff by default). */
export async function seededStaff(prisma: PrismaClient, email = "agence@demo.coop-emploi.fr"): Promise<StaffUser> {
  const s = await prisma.user.findUniqueOrThrow({ where: { email }, include: { staffMemberships: true } });
  return {
    id: s.id,
    sessionId: "test",
    email: s.email,
    role: "STAFF",
    firstName: s.firstName,
    lastName: s.lastName,
    agencyIds: s.staffMemberships.map((m) => m.agencyId),
  };
}
