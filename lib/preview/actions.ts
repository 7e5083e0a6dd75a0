"use server";
// Deploy previews (APP_ENV=preview): one-click sign-in to the demo accounts,
// and the staff's "Réinitialiser la démonstration". Both are refused (404)
// outside a preview, whatever the form posts.
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { publicAction, staffAction } from "@/lib/auth/action";
import { homeFor } from "@/lib/auth/session";
import { DEMO_CLIENT_EMAIL, DEMO_PASSWORD, DEMO_STAFF_EMAIL, DEMO_WORKER_EMAIL } from "@/prisma/seed/data";
import { isPreview } from "./env";
import { resetDemo } from "./reset";

const DEMO_ACCOUNTS = { WORKER: DEMO_WORKER_EMAIL, STAFF: DEMO_STAFF_EMAIL, CLIENT: DEMO_CLIENT_EMAIL } as const;

/** "Essayer en tant que …": a real session of the demo account, as its password would give. */
export const demoSignIn = publicAction.post(z.object({ role: z.enum(["WORKER", "STAFF", "CLIENT"]) }), async ({ role }) => {
  if (!isPreview()) notFound();
  await signIn("credentials", { email: DEMO_ACCOUNTS[role], password: DEMO_PASSWORD, redirect: false });
  redirect(homeFor(role));
});

/** "Réinitialiser la démonstration": the demo seed again; every session ends with the data. */
export const resetDemoData = staffAction.post(z.object({}), async (_data, staff) => {
  if (!isPreview()) notFound();
  const outcome = await resetDemo("staff", { actorEmail: staff.email });
  redirect(outcome.reset ? "/connexion?demo-reinitialisee=1" : "/admin?demo-occupee=1");
});
