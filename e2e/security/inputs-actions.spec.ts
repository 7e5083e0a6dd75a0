import { expect as baseExpect, test, type APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { demo } from "../helpers";
import { signIn } from "../auth-state";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

// Malformed server-action bodies used to make Next's decoder throw (500):
// they answer 400 before reaching it (lib/http/action-guard.ts from proxy.ts).

// A real action id used on the page (read from the build's action manifest).
function actionIdFor(page: string): string {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => page in entry.workers)?.[0];
  if (!id) throw new Error(`no server action on ${page}`);
  return id;
}

const B = "----inputsGuardBoundary7MA4YWxkTrZu0gW";
const deep = "[".repeat(5000) + "]".repeat(5000);
const part = (name: string, value: string, boundary = B) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

const malformed: { name: string; contentType: string; body: string | Buffer }[] = [
  {
    name: "truncated multipart",
    contentType: `multipart/form-data; boundary=${B}`,
    body: `--${B}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["abc`,
  },
  {
    name: "multipart with a wrong boundary",
    contentType: `multipart/form-data; boundary=${B}`,
    body: part("0", '["x"]', "otherBoundary") + "--otherBoundary--\r\n",
  },
  { name: "multipart without boundary", contentType: "multipart/form-data", body: part("0", '["x"]') + `--${B}--\r\n` },
  {
    name: "multipart with broken part headers",
    contentType: `multipart/form-data; boundary=${B}`,
    body: `--${B}\r\nnot a header\r\n\r\nvalue\r\n--${B}--\r\n`,
  },
  { name: "5,000-deep JSON in a multipart row", contentType: `multipart/form-data; boundary=${B}`, body: part("0", deep) + `--${B}--\r\n` },
  {
    name: "garbage in a multipart row",
    contentType: `multipart/form-data; boundary=${B}`,
    body: part("0", "}{ not json") + `--${B}--\r\n`,
  },
  { name: "5,000-deep JSON as text/plain", contentType: "text/plain;charset=UTF-8", body: deep },
  { name: "text/plain garbage", contentType: "text/plain;charset=UTF-8", body: "garbage\u0000 {[ not json" },
  { name: "binary garbage", contentType: "text/plain", body: Buffer.from([0xff, 0xfe, 0x00, 0x5b, 0x7b, 0x22]) },
  { name: "JSON that is not an argument list", contentType: "text/plain;charset=UTF-8", body: '{"$$typeof":"x"}' },
  { name: "JSON content type", contentType: "application/json", body: '{"a":1}' },
  { name: "no content type", contentType: "", body: "[]" },
];

async function postAll(request: APIRequestContext, path: string, actionId: string | null) {
  for (const { name, contentType, body } of malformed) {
    const headers: Record<string, string> = {};
    if (actionId !== null) headers["next-action"] = actionId;
    if (contentType) headers["content-type"] = contentType;
    const res = await request.post(path, { headers, data: typeof body === "string" ? Buffer.from(body) : body, maxRedirects: 0 });
    expect(res.status(), `${name} → ${path}`).toBe(400);
  }
}

test("worker: malformed bodies to a real action, and to an unknown action id, answer 400", async ({ page }) => {
  await signIn(page, demo.worker);
  await postAll(page.request, "/acomptes", actionIdFor("app/(espace)/acomptes/page"));
  await postAll(page.request, "/acomptes", "0".repeat(42));
  await postAll(page.request, "/acomptes", "not-an-id");
  // The page still works after the onslaught.
  expect((await page.request.get("/acomptes")).status()).toBe(200);
});

test("anonymous: malformed bodies to the sign-in action and no-JS form posts answer 400, not 500", async ({ request }) => {
  await postAll(request, "/connexion", actionIdFor("app/(auth)/connexion/page"));
  // A multipart form post without JavaScript (no Next-Action header).
  for (const { name, contentType, body } of malformed.filter((m) => m.contentType.startsWith("multipart/") && !m.name.includes("row"))) {
    const res = await request.post("/connexion", { headers: { "content-type": contentType }, data: Buffer.from(body), maxRedirects: 0 });
    expect(res.status(), `no-JS ${name}`).toBe(400);
  }
});
