// The transactional outbox and its delivery worker against a real database
// (PGlite, and PostgreSQL when a server is configured): secrets masked for
// staff and gone once delivered, retries with backoff, FAILED then "Renvoyer",
// exactly-once per event, concurrent workers, and the start-up refusal.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "@/lib/db/adapter";
import { deliverEmail, resendProvider } from "@/lib/messaging/email";
import { brevoProvider, deliverSms } from "@/lib/messaging/sms";
import { enqueueMessage } from "@/lib/messaging/outbox";
import { listOutboxForRecipient, listOutboxForStaff } from "@/lib/messaging/queries";
import { passwordReset, signatureCode } from "@/lib/messaging/templates";
import { backoffMs, deliverDueMessages, MAX_ATTEMPTS, requeueFailed } from "@/lib/messaging/worker";
import { unsafeMessagingSetup, assertSafeMessagingSetup } from "@/lib/messaging/startup";
import type { EmailProvider, OutgoingEmail } from "@/lib/messaging/types";
import { startFakeProviders, type FakeProviders } from "./messaging-fake-providers";

const engines = await testEngines("messaging");

const TOKEN = "tok_AbCdEf0123456789xyz";
const CODE = "482913";

describe("start-up check", () => {
  it("refuses APP_ENV=test or demo with NODE_ENV=production and a real provider key", () => {
    for (const APP_ENV of ["test", "demo"]) {
      for (const key of ["RESEND_API_KEY", "BREVO_API_KEY"]) {
        const env = { APP_ENV, NODE_ENV: "production", [key]: "live_key" };
        expect(unsafeMessagingSetup(env)).toContain(key);
        expect(() => assertSafeMessagingSetup(env)).toThrow(/Refusing to start: APP_ENV=/);
      }
    }
  });

  it("lets the demo and tests start (no key), production (no APP_ENV) and development run", () => {
    expect(unsafeMessagingSetup({ APP_ENV: "test", NODE_ENV: "production" })).toBeNull();
    expect(unsafeMessagingSetup({ APP_ENV: "demo", NODE_ENV: "production", RESEND_API_KEY: " " })).toBeNull();
    expect(unsafeMessagingSetup({ NODE_ENV: "production", RESEND_API_KEY: "k" })).toBeNull();
    expect(unsafeMessagingSetup({ APP_ENV: "production", NODE_ENV: "production", BREVO_API_KEY: "k" })).toBeNull();
    expect(unsafeMessagingSetup({ APP_ENV: "test", NODE_ENV: "development", RESEND_API_KEY: "k" })).toBeNull();
  });
});

describe.each(engines)("delivery on $name", ({ open }) => {
  let testDb: TestDb;
  let prisma: PrismaClient;
  let fake: FakeProviders;
  let agencyA: string;
  let agencyB: string;
  let workerUserId: string;

  beforeAll(async () => {
    testDb = await open();
    prisma = testDb.prisma;
    fake = await startFakeProviders();
    agencyA = (await prisma.agency.create({ data: { code: "MEDIMP", name: "Médical" } })).id;
    agencyB = (await prisma.agency.create({ data: { code: "EDUC31", name: "Éducation" } })).id;
    const user = await prisma.user.create({
      data: {
        email: "marie.dupont@example.fr",
        role: "WORKER",
        firstName: "Marie",
        lastName: "Dupont",
        workerProfile: { create: { phone: "+33612345678" } },
      },
      include: { workerProfile: true },
    });
    await prisma.workerAgency.create({ data: { workerId: user.workerProfile!.id, agencyId: agencyA, workerNumber: "3985" } });
    workerUserId = user.id;
  });

  afterAll(async () => {
    await fake?.close();
    await testDb?.cleanup();
  });

  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany();
    fake.reset();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });

  afterEach(() => vi.restoreAllMocks());

  const resend = () => resendProvider({ apiKey: "re_test", baseUrl: fake.baseUrl });
  const reset = () => passwordReset({ firstName: "Marie", url: `http://localhost/reinitialiser?token=${TOKEN}`, validMinutes: 60 });

  it("stores no secret in clear; staff see it masked, the dev route in full", async () => {
    await deliverEmail({ to: "marie.dupont@example.fr", ...reset() }, { client: prisma });
    await deliverSms({ to: "0612345678", text: signatureCode({ code: CODE }) }, { client: prisma, provider: null });

    const rows = await prisma.outboxMessage.findMany();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain(TOKEN);
      expect(JSON.stringify(row)).not.toContain(CODE);
      expect(row.agencyId).toBe(agencyA);
      expect(row.secrets).not.toBeNull();
    }

    const staff = await listOutboxForStaff({ agencyIds: [agencyA] }, prisma);
    expect(staff.items).toHaveLength(2);
    const staffText = JSON.stringify(staff.items);
    expect(staffText).not.toContain(TOKEN);
    expect(staffText).not.toContain(CODE);
    expect(staffText).not.toContain("[[secret");
    expect(staffText).toContain("reinitialiser?token=••••••");
    expect(staffText).toContain("votre code de signature est ••••••.");

    const dev = await listOutboxForRecipient("marie.dupont@example.fr", prisma);
    expect(dev.find((e) => e.channel === "sms")?.text).toBe(signatureCode({ code: CODE }).replace(/\[\[secret:(\w+)\]\]/, "$1"));
    expect(dev.find((e) => e.channel === "email")?.text).toContain(`http://localhost/reinitialiser?token=${TOKEN}`);
    expect(dev.find((e) => e.channel === "sms")?.text).toContain(`est ${CODE}.`);

    // Staff of another agency do not see them at all.
    expect((await listOutboxForStaff({ agencyIds: [agencyB] }, prisma)).total).toBe(0);
  });

  it("sends the full text to the provider, then keeps no secret", async () => {
    const record = await deliverEmail({ to: "marie.dupont@example.fr", ...reset() }, { client: prisma });
    await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null });

    const sent = fake.requests[0].json as { text: string; html: string };
    expect(sent.text).toContain(`token=${TOKEN}`);
    expect(sent.html).toContain(`token=${TOKEN}`);
    expect(sent.text).not.toContain("[[secret");
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.status).toBe("SENT");
    expect(row.secrets).toBeNull();
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    // Even the dev route cannot read it back any more.
    expect((await listOutboxForRecipient("marie.dupont@example.fr", prisma))[0].text).not.toContain(TOKEN);
  });

  it("an SMS code is sent at once and its row keeps no secret after", async () => {
    const provider = brevoProvider({ apiKey: "k", baseUrl: `${fake.baseUrl}/v3` });
    const record = await deliverSms({ to: "0612345678", text: signatureCode({ code: CODE }) }, { client: prisma, provider });
    expect(record.status).toBe("SENT");
    expect((fake.requests[0].json as { content: string }).content).toContain(`est ${CODE}.`);
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.secrets).toBeNull();
    // The worker does not send it a second time.
    await deliverDueMessages({ client: prisma, emailProvider: null, smsProvider: provider });
    expect(fake.requests).toHaveLength(1);
  });

  it("provider down then back: retried with backoff, delivered once", async () => {
    await deliverEmail({ to: "marie.dupont@example.fr", ...reset() }, { client: prisma });
    const start = new Date(Date.now() + 1000);
    fake.failNext({ status: 503, body: "down" });
    expect(await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null, now: start })).toMatchObject({
      retried: 1,
    });
    // Not due again before the backoff has passed.
    expect(
      (
        await deliverDueMessages({
          client: prisma,
          emailProvider: resend(),
          smsProvider: null,
          now: new Date(start.getTime() + backoffMs(1) - 1000),
        })
      ).claimed,
    ).toBe(0);
    const later = new Date(start.getTime() + backoffMs(1) + 1000);
    expect(await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null, now: later })).toMatchObject({ sent: 1 });
    expect(
      await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null, now: new Date(later.getTime() + 86_400_000) }),
    ).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(2);
    const row = await prisma.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SENT", attempts: 2, error: null, secrets: null });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
  });

  it(`after ${MAX_ATTEMPTS} attempts: FAILED with the reason; Renvoyer (own agency only) delivers it`, async () => {
    const down: EmailProvider = {
      name: "down",
      send: async () => {
        throw new Error("Resend did not answer");
      },
    };
    const record = await deliverEmail({ to: "marie.dupont@example.fr", ...reset() }, { client: prisma });
    let now = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDueMessages({ client: prisma, emailProvider: down, smsProvider: null, now: new Date(now) });
      now += backoffMs(MAX_ATTEMPTS) + 1000;
    }
    const failed = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, error: "Resend did not answer" });
    expect((await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null, now: new Date(now) })).claimed).toBe(0);
    const staff = await listOutboxForStaff({ agencyIds: [agencyA] }, prisma);
    expect(staff.items[0]).toMatchObject({ status: "FAILED", error: "Resend did not answer" });

    expect(await requeueFailed(record.id, [agencyB], prisma)).toBe(false);
    expect(await requeueFailed(record.id, [agencyA], prisma)).toBe(true);
    expect(await requeueFailed(record.id, [agencyA], prisma)).toBe(false); // no longer failed
    expect(await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null })).toMatchObject({ sent: 1 });
    expect(fake.requests).toHaveLength(1);
    expect((fake.requests[0].json as { text: string }).text).toContain(TOKEN);
  });

  it("a committed decision keeps its message though the process died before delivery; a new worker sends it once", async () => {
    await prisma.$transaction(async (tx) => {
      await tx.agency.update({ where: { id: agencyA }, data: { name: "Médical (décidé)" } });
      await tx.auditLog.create({ data: { action: "advance.accepted", agencyId: agencyA } });
      await enqueueMessage(
        { channel: "EMAIL", to: "marie.dupont@example.fr", userId: workerUserId, subject: "Acompte accepté", text: "Accepté", html: null },
        { dedupeKey: "advance-accepted:1" },
        tx,
      );
    });
    // ... crash: no worker ran. Another instance starts:
    expect(await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null })).toMatchObject({ sent: 1 });
    expect(await deliverDueMessages({ client: prisma, emailProvider: resend(), smsProvider: null })).toMatchObject({ claimed: 0 });
    expect(fake.requests).toHaveLength(1);
    await prisma.agency.update({ where: { id: agencyA }, data: { name: "Médical" } });
  });

  it("a transaction failing after the change leaves neither the change nor the message", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.agency.update({ where: { id: agencyA }, data: { name: "Jamais" } });
        await enqueueMessage(
          { channel: "EMAIL", to: "marie.dupont@example.fr", userId: workerUserId, subject: "s", text: "t", html: null },
          {},
          tx,
        );
        throw new Error("database cut");
      }),
    ).rejects.toThrow("database cut");
    expect(await prisma.outboxMessage.count()).toBe(0);
    expect((await prisma.agency.findUniqueOrThrow({ where: { id: agencyA } })).name).toBe("Médical");
  });

  it("10 parallel enqueues of one event write one message; a re-run writes only the missing ones", async () => {
    const draft = (n: number) => ({
      channel: "EMAIL" as const,
      to: "marie.dupont@example.fr",
      userId: workerUserId,
      subject: `Document ${n}`,
      text: "t",
      html: null,
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => prisma.$transaction((tx) => enqueueMessage(draft(1), { dedupeKey: "document-published:doc1" }, tx))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    // Re-run of a batch of 3 after a crash that had queued doc1 only.
    const rerun = await Promise.all([1, 2, 3].map((n) => enqueueMessage(draft(n), { dedupeKey: `document-published:doc${n}` }, prisma)));
    expect(rerun.map((r) => r.created)).toEqual([false, true, true]);
    expect(await prisma.outboxMessage.count()).toBe(3);
  });

  it("two workers claiming at once never send one row twice (two connections on PostgreSQL)", async () => {
    for (let i = 0; i < 30; i++)
      await enqueueMessage(
        { channel: "EMAIL", to: `n${i}@example.fr`, userId: null, subject: "s", text: `t${i}`, html: null },
        { agencyId: agencyA },
        prisma,
      );
    const sent: string[] = [];
    const slow: EmailProvider = {
      name: "slow",
      send: async (m: OutgoingEmail) => {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.idempotencyKey!);
        return { id: `p_${sent.length}` };
      },
    };
    const second = testDb.url ? new PrismaClient({ adapter: createAdapter({ databaseUrl: testDb.url }).factory }) : prisma;
    try {
      const reports = await Promise.all([
        deliverDueMessages({ client: prisma, emailProvider: slow, smsProvider: null, limit: 10 }),
        deliverDueMessages({ client: second, emailProvider: slow, smsProvider: null, limit: 10 }),
        deliverDueMessages({ client: prisma, emailProvider: slow, smsProvider: null, limit: 10 }),
        deliverDueMessages({ client: second, emailProvider: slow, smsProvider: null, limit: 10 }),
      ]);
      await deliverDueMessages({ client: prisma, emailProvider: slow, smsProvider: null, limit: 100 });
      expect(reports.reduce((n, r) => n + r.claimed, 0)).toBeLessThanOrEqual(30);
      expect(sent).toHaveLength(30);
      expect(new Set(sent).size).toBe(30);
      expect(await prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(30);
    } finally {
      if (second !== prisma) await second.$disconnect();
    }
  });
});
