// Deploy previews (APP_ENV=preview): never a provider, the banner's ref, the
// start-up defaults, and the DemoReset claim that lets one instance reset.
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { emailProviderFromEnv } from "@/lib/messaging/email";
import { smsProviderFromEnv } from "@/lib/messaging/sms";
import { unsafeMessagingSetup } from "@/lib/messaging/startup";
import { isPreview, previewRef } from "@/lib/preview/env";
import { previewDefaults } from "@/lib/preview/startup";
import { claimReset, wipeDemoData } from "@/lib/preview/reset";

const keys = { RESEND_API_KEY: "re_live", BREVO_API_KEY: "xkeysib-live" };

describe("preview settings", () => {
  it("never builds a provider in preview, even with the keys set", () => {
    expect(emailProviderFromEnv({ APP_ENV: "preview", ...keys })).toBeNull();
    expect(smsProviderFromEnv({ APP_ENV: " preview ", ...keys })).toBeNull();
    // The same keys outside a preview do give providers (the guard is what keeps them off).
    expect(emailProviderFromEnv({ ...keys })).not.toBeNull();
    expect(smsProviderFromEnv({ APP_ENV: "production", ...keys })).not.toBeNull();
    // A preview starts with the keys set: they are ignored, and said so.
    expect(unsafeMessagingSetup({ APP_ENV: "preview", NODE_ENV: "production", ...keys })).toBeNull();
    expect(previewDefaults({ APP_ENV: "preview", DATABASE_URL: "postgres://x", S3_BUCKET: "b", ...keys })).toEqual([
      "RESEND_API_KEY and BREVO_API_KEY ignored: a preview never sends, its messages are read at /apercu/messages",
    ]);
  });

  it("names the branch and commit from the host's variables", () => {
    expect(isPreview({ APP_ENV: "demo" })).toBe(false);
    expect(previewRef({ VERCEL_GIT_COMMIT_REF: "i-preview", VERCEL_GIT_COMMIT_SHA: "0123456789abcdef" })).toBe("i-preview (0123456)");
    expect(previewRef({ PREVIEW_REF: "démo client", VERCEL_GIT_COMMIT_REF: "x" })).toBe("démo client");
    expect(previewRef({ COMMIT_REF: "fedcba9876543210" })).toBe("fedcba9");
    expect(previewRef({ PREVIEW_BUILD_REF: "main (abc1234)" })).toBe("main (abc1234)");
    expect(previewRef({})).toBeNull();
  });

  it("puts the embedded database and files under the temporary folder, only when not configured", () => {
    const env: Record<string, string | undefined> = { APP_ENV: "preview" };
    previewDefaults(env);
    expect(env.PGLITE_DIR).toBe(path.join(os.tmpdir(), "espace-interimaire-preview", "pglite"));
    expect(env.STORAGE_DIR).toBe(path.join(os.tmpdir(), "espace-interimaire-preview", "storage"));
    const configured: Record<string, string | undefined> = { APP_ENV: "preview", DATABASE_URL: "postgres://x", STORAGE_DIR: "/srv" };
    previewDefaults(configured);
    expect(configured).toEqual({ APP_ENV: "preview", DATABASE_URL: "postgres://x", STORAGE_DIR: "/srv" });
    const notPreview: Record<string, string | undefined> = {};
    expect(previewDefaults(notPreview)).toEqual([]);
    expect(notPreview).toEqual({});
  });
});

const engines = await testEngines("preview");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const MIN = 60_000;

describe.each(engines)("demo reset claim on $name", ({ open }) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await open();
    holder.__espacePrisma = db.prisma;
  }, 300_000);
  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
  });

  const finish = (at: Date) => db.prisma.demoReset.update({ where: { id: 1 }, data: { startedAt: null, lastResetAt: at } });

  it("lets exactly one of several instances claim a reset, and none while it runs", async () => {
    const at = new Date("2026-12-07T10:00:00Z");
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimReset("startup", at)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Even the staff button waits for a running reset…
    expect(await claimReset("staff", new Date(at.getTime() + 2 * MIN))).toBe(false);
    // …unless its instance died: a claim older than 10 minutes is taken over.
    expect(await claimReset("staff", new Date(at.getTime() + 11 * MIN))).toBe(true);
    await finish(new Date(at.getTime() + 12 * MIN));
  });

  it("resets at start-up once per deploy and at night once per Paris day", async () => {
    const done = new Date("2026-12-07T21:00:00Z"); // 22:00 in Paris
    await finish(done);
    expect(await claimReset("startup", new Date(done.getTime() + 3 * MIN))).toBe(false);
    expect(await claimReset("nightly", new Date("2026-12-07T22:50:00Z"))).toBe(false); // 23:50 the same day
    expect(await claimReset("nightly", new Date("2026-12-07T23:05:00Z"))).toBe(true); // 00:05 the next day
    await finish(new Date("2026-12-07T23:06:00Z"));
    expect(await claimReset("nightly", new Date("2026-12-08T03:00:00Z"))).toBe(false);
    expect(await claimReset("startup", new Date("2026-12-07T23:20:00Z"))).toBe(true);
    await finish(new Date("2026-12-07T23:21:00Z"));
    // The staff button always resets.
    expect(await claimReset("staff", new Date("2026-12-07T23:21:30Z"))).toBe(true);
    await finish(new Date("2026-12-07T23:22:00Z"));
  });

  it("empties every table but the migrations and the reset row", async () => {
    await db.prisma.rateLimit.create({ data: { key: "login:x", count: 1, resetAt: new Date() } });
    await wipeDemoData();
    expect(await db.prisma.rateLimit.count()).toBe(0);
    expect(await db.prisma.demoReset.count()).toBe(1);
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations"`;
    expect(n).toBeGreaterThan(0);
  });
});
