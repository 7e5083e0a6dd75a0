import { readFile } from "node:fs/promises";
import { expect, type Download, type Page } from "@playwright/test";

export const docsWorkers = {
  lea: { email: "docs.lea@e2e.coop-emploi.fr", number: "9601" },
  marc: { email: "docs.marc@e2e.coop-emploi.fr", number: "9602" },
  nina: { email: "docs.nina@e2e.coop-emploi.fr", number: "9603" },
  hugo: { email: "docs.hugo@e2e.coop-emploi.fr", number: "9604" },
};

export async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  expect(file).toBeTruthy();
  return readFile(file!);
}

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}

/** A small valid-looking PDF whose text carries a marker. */
export function tinyPdf(marker: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${marker}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, "latin1");
}

/** The numbers shown in the list, top to bottom. */
export async function listedNumbers(page: Page): Promise<string[]> {
  return page.getByTestId("document-row").locator("td:nth-child(2)").allInnerTexts();
}

/** A period unlikely to be used by another run: a random month between 2000 and 2019. */
export function randomPeriod(): { yyyymmdd: string; label: RegExp } {
  const year = 2000 + Math.floor(Math.random() * 20);
  const month = 1 + Math.floor(Math.random() * 12);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  const names = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  return { yyyymmdd: `${year}${mm}${last}`, label: new RegExp(`${names[month - 1]} ${year}`, "i") };
}
