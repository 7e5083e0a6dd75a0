// Reads of the client companies' pages, scoped to the caller's companies in
// the query: another company's contract is simply not found.
import "server-only";
import { db } from "@/lib/db";
import { contractScope } from "@/lib/auth/scope";
import { CLIENT_VISIBLE_STATES } from "./queries";

type ClientCaller = { role: "CLIENT"; clientIds: readonly string[] };

/** The names of the caller's companies, for the header. */
export function clientCompanies(client: ClientCaller) {
  return db.client.findMany({
    where: { id: { in: [...client.clientIds] } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
}

/** The contracts of the caller's companies that a client sees, the latest first. */
export function clientContracts(client: ClientCaller) {
  return db.contract.findMany({
    where: { ...contractScope(client), state: { in: [...CLIENT_VISIBLE_STATES] } },
    select: {
      id: true,
      number: true,
      reference: true,
      startDate: true,
      endDate: true,
      hoursLabel: true,
      state: true,
      worker: { select: { user: { select: { firstName: true, lastName: true } } } },
      qualification: { select: { code: true, label: true } },
      site: { select: { name: true } },
    },
    orderBy: [{ startDate: "desc" }, { number: "desc" }],
    take: 200,
  });
}

/** One contract of the caller's companies with its timesheets, or null. */
export function clientContract(client: ClientCaller, id: string) {
  return db.contract.findFirst({
    where: { id, ...contractScope(client), state: { in: [...CLIENT_VISIBLE_STATES] } },
    select: {
      number: true,
      reference: true,
      startDate: true,
      endDate: true,
      hoursLabel: true,
      detail: true,
      worker: { select: { user: { select: { firstName: true, lastName: true } } } },
      qualification: { select: { code: true, label: true } },
      site: { select: { name: true, address: true, postalCode: true, city: true } },
      timesheets: {
        select: { id: true, weekStart: true, status: true, submittedAt: true, entries: { select: { minutes: true } } },
        orderBy: { weekStart: "desc" },
      },
    },
  });
}
