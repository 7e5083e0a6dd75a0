"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workerAction } from "@/lib/auth/action";
import { renewCalendarToken as renewToken } from "@/lib/missions/calendar-token";

/** Creates or renews the private address of the iCalendar feed; the old address stops working. */
export const renewCalendarToken = workerAction.post(z.object({}), async (_data, user) => {
  await renewToken(user);
  revalidatePath("/plannings");
});
