// The counts of the staff home page. Each count is read by the query of the
// list its card links to, with the same filter as the link (a count that
// says 0 while the list holds 13 is what this avoids).
import "server-only";
import { now } from "@/lib/clock";
import type { StaffUser } from "@/lib/auth/session";
import { staffAdvanceCounts } from "@/lib/advances/staff-queries";
import { staffTargetingDesk } from "@/lib/ciblage/queries";
import { staffSubmittedWeek } from "@/lib/timesheets/queries";
import { addDays, isoDate, weekAt } from "@/lib/timesheets/rules";
import { staffContractPage } from "./contract-queries";
import { pendingValidations, staffWorkerPage } from "./worker-queries";

const NO_FILTER = { from: null, to: null, workerQuery: "" };
const FIRST_PAGE = { cursor: null, direction: "apres" } as const;

/** The figures of the staff home page and the list each one links to, all within the staff member's agencies. */
export async function staffDashboardCounts(staff: StaffUser) {
  const clock = await now();
  // The week /admin/heures opens on by default.
  const week = weekAt(addDays(clock, -7));
  const [workers, awaitingSignature, incomplete, drafts, validations, advances, sheets, desk] = await Promise.all([
    staffWorkerPage(staff, { words: [], number: "", city: "" }, 1, 1),
    staffContractPage(staff, { ...NO_FILTER, state: "AWAITING_SIGNATURE" }, FIRST_PAGE, 1),
    staffContractPage(staff, { ...NO_FILTER, state: "INCOMPLETE" }, FIRST_PAGE, 1),
    staffContractPage(staff, { ...NO_FILTER, state: "DRAFT" }, FIRST_PAGE, 1),
    pendingValidations(staff),
    staffAdvanceCounts(staff, clock),
    staffSubmittedWeek(staff, week),
    staffTargetingDesk(staff),
  ]);

  return {
    workers: workers.count,
    awaitingSignature: awaitingSignature.count,
    incomplete: incomplete.count,
    drafts: drafts.count,
    profileChanges: validations.changeCount,
    diplomas: validations.diplomaCount,
    advances: { ...advances, href: `/admin/acomptes?date=${isoDate(advances.payDate)}` },
    timesheets: {
      submitted: sheets.filter((s) => s.status === "SUBMITTED").length,
      week,
      href: `/admin/heures?semaine=${isoDate(week.monday)}`,
    },
    offersAnswered: desk.needs
      .filter((n) => n.status === "OPEN")
      .reduce((sum, n) => sum + n.offers.filter((o) => o.response !== "PENDING").length, 0),
  };
}
