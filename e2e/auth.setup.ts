// Setup project: signs every shared account in once through the form and
// saves its session (storage state) under e2e/.auth/ for the specs.
import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { AUTH_DIR, SHARED_SESSIONS, stateOf } from "./auth-state";
import { login } from "./helpers";

setup.describe.configure({ mode: "parallel" });

mkdirSync(AUTH_DIR, { recursive: true });

for (const email of SHARED_SESSIONS) {
  setup(`sign in ${email}`, async ({ page }) => {
    await login(page, email);
    await expect(page).not.toHaveURL(/\/connexion/);
    await page.context().storageState({ path: stateOf(email) });
  });
}
