import { inflateSync } from "node:zlib";
import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { outbox } from "../helpers";

export const missionsWorkers = {
  sign1: { email: "missions.signature1@exemple.fr", phone: "+33639989101", masked: "06 •• •• •• 01" },
  sign2: { email: "missions.signature2@exemple.fr", phone: "+33639989102", masked: "06 •• •• •• 02" },
  sign3: { email: "missions.signature3@exemple.fr", phone: "+33639989103", masked: "06 •• •• •• 03" },
  planning: { email: "missions.planning@exemple.fr", phone: "+33639989104" },
  dispo: { email: "missions.dispo@exemple.fr", phone: "+33639989105" },
};

/** The calendar labels of the availability page whose text does not fit their box (cut, with "…" or hidden). */
export async function cutLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="availability-mark"], [data-testid="mission-mark"]')]
      .filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${(el.textContent ?? "").trim()} (${el.scrollWidth} > ${el.clientWidth} px)`),
  );
}

/** Moves the server's clock for this browser context (APP_ENV=test only). */
export async function setClock(context: BrowserContext, baseURL: string, at: Date) {
  await context.addCookies([{ name: "e2e-now", value: at.toISOString(), url: baseURL }]);
}

/** The codes of the signature SMS sent to a phone, newest first. */
export async function smsCodes(request: APIRequestContext, phone: string): Promise<string[]> {
  const messages = await outbox(request, phone);
  return messages
    .filter((m) => m.channel === "sms")
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((m) => m.text.match(/code de signature est (\d{6})/)?.[1])
    .filter((c): c is string => !!c);
}

export async function waitForNewCode(request: APIRequestContext, phone: string, count: number): Promise<string> {
  let codes: string[] = [];
  await expect.poll(async () => (codes = await smsCodes(request, phone)).length).toBeGreaterThanOrEqual(count);
  return codes[0];
}

/** The text drawn in a PDF (Flate streams inflated, literal and hex strings decoded as Latin-1). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const parts: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      parts.push(inflateSync(bytes).toString("latin1"));
    } catch {
      parts.push(bytes.toString("latin1"));
    }
  }
  const text: string[] = [];
  for (const content of parts) {
    for (const hex of content.matchAll(/<([0-9A-Fa-f\s]+)>\s*Tj/g))
      text.push(Buffer.from(hex[1].replace(/\s/g, ""), "hex").toString("latin1"));
    for (const lit of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) text.push(lit[1].replace(/\\(.)/g, "$1"));
  }
  return text.join("\n");
}

export async function clickSignFor(page: Page) {
  await page
    .getByRole("link", { name: /^Signer/ })
    .first()
    .click();
  await expect(page.getByRole("button", { name: "Recevoir le code par SMS" })).toBeVisible();
  await page.waitForLoadState("networkidle");
}
