// Builds every row of the demo data in memory, relative to "now", from a
// seeded random generator: the same date and seed give the same data. The
// seed script then renders the documents and inserts the rows. One file per
// domain; the order of the calls is the order the random draws are made in.
import { addAdvances } from "./advances";
import { addAvailabilities } from "./availability";
import { addClients, type Clients } from "./clients";
import { createContext, type Context, type Plan, type PlanOptions } from "./context";
import { contractDrafting, numberContracts, type Contracts } from "./contracts";
import { addDashboardBlocks } from "./dashboard";
import { addDiplomas } from "./diplomas";
import { addDocuments } from "./documents";
import { addMissions } from "./missions";
import { addOrganisation, type Organisation } from "./organisation";
import { addNotificationPreferences } from "./preferences";
import { addProfileChanges } from "./profile-changes";
import { addTargeting } from "./targeting";
import { addTimesheets } from "./timesheets";
import { addWorkers, type Workers } from "./workers";

export type { DocumentJob, DocumentRender, Plan, PlanOptions } from "./context";

/** Everything a plan extension can build on. */
export type SeedState = Context & { org: Organisation; clients: Clients; people: Workers; drafting: Contracts };

/**
 * Rows added to the demo plan by someone else: the end-to-end fixtures
 * (prisma/fixtures), never the demo seed itself.
 */
export type PlanExtension = {
  /** After the demo missions, before contracts are numbered (their contracts get numbers, shifts, timesheets). */
  contracts?: (state: SeedState) => void;
  /** Once the demo data is complete. */
  end?: (state: SeedState) => void;
};

export function buildPlan(options: PlanOptions & { extension?: PlanExtension }): Plan {
  const ctx = createContext(options);
  const org = addOrganisation(ctx);
  const clients = addClients(ctx, org.agencyId);
  const people = addWorkers(ctx, org.agencyId);
  addDiplomas(ctx, org, people);

  const drafting = contractDrafting(ctx, org, clients);
  const { windowStart } = addMissions(ctx, people, drafting);
  const state: SeedState = { ...ctx, org, clients, people, drafting };
  options.extension?.contracts?.(state);
  numberContracts(ctx, drafting.contracts);

  addTimesheets(ctx, clients, drafting, people.demo, windowStart);
  addAdvances(ctx, org, people, drafting.contracts);
  addDocuments(ctx, org, clients, people, drafting.contracts);
  addAvailabilities(ctx, people, drafting.contracts);
  addProfileChanges(ctx, org, people);
  addNotificationPreferences(ctx, people);
  addDashboardBlocks(ctx, org.agencyId);
  addTargeting(ctx, org, clients, people);
  options.extension?.end?.(state);
  return ctx.plan;
}
