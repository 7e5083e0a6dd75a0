// The current time, in one place so that rules tied to the calendar (advance
// cut-offs, past dates, code expiry) can be tested end to end. In APP_ENV=test
// only, a browser may carry an `e2e-now` cookie (an ISO instant) that moves the
// clock for its own requests; everywhere else this is `new Date()`.
import "server-only";
import { cookies } from "next/headers";

export const TEST_CLOCK_COOKIE = "e2e-now";

export async function now(): Promise<Date> {
  if (process.env.APP_ENV !== "test") return new Date();
  try {
    const value = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
    if (value) {
      const parsed = new Date(value);
      if (!Number.isNaN(parsed.getTime())) return parsed;
    }
  } catch {
    // Outside a request (scripts, build): the real clock.
  }
  return new Date();
}
