"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workerAction } from "@/lib/auth/action";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import { ok } from "@/lib/result";
import { setNotificationPreference as savePreference } from "./preferences";

const KINDS = Object.values(NotificationKind) as string[];

// Called from the switches with (kind, enabled); a kind the schema does not know is refused.
const preferenceArgs = z.tuple([
  z
    .string()
    .refine((v) => KINDS.includes(v))
    .transform((v) => v as NotificationKind),
  z.boolean(),
]);

/** Turns one email notification on or off, saved at once. */
export const setNotificationPreference = workerAction.call(preferenceArgs, async ([kind, enabled], worker) => {
  await savePreference(worker.id, kind, enabled);
  revalidatePath("/parametres");
  return ok();
});
