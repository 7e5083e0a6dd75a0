"use server";
// "Renvoyer": a failed message goes back to the delivery queue. Staff only,
// for a message of one of their agencies; audited (lib/messaging/resend.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { resendFailedMessage } from "@/lib/messaging/resend";

export const resendMessage = staffAction.post(z.object({ id: z.string().optional().default("") }), async (data, staff) => {
  if (!data.id) return;
  await resendFailedMessage(staff, data.id);
  revalidatePath("/admin/outbox");
});
