// The outbox against a real database: an in-memory-fast PGlite in a temporary
// folder, and also a throwaway PostgreSQL database when a server is
// configured (TEST_POSTGRES_ADMIN_URL, or DATABASE_URL).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverEmail, resendProvider, sendEmail } from "@/lib/messaging/email";
import { brevoProvider, deliverSms, sendSms } from "@/lib/messaging/sms";
import { deliverDueMessages } from "@/lib/messaging/worker";
import { listOutboxForRecipient, listOutboxForStaff } from "@/lib/messaging/queries";
import { MessageDeliveryError } from "@/lib/messaging/types";
import { GET as getDevOutbox } from "@/app/api/dev/outbox/route";
import { startFakeProviders, type FakeProviders } from "./messaging-fake-providers";

const engines = await testEngines("messaging");

type Fixtures = Awaited<ReturnType<typeof createFixtures>>;

/** Two agencies; a worker, a staff member and a client user in A; a worker in B; a worker not yet in any agency. */
async function createFixtures(prisma: PrismaClient) {
  const agencyA = await prisma.agency.create({ data: { code: "MEDIMP", name: "Coop Emploi Médical" } });
  const agencyB = await prisma.agency.create({ data: { code: "BTP31", name: "Coop Emploi BTP" } });
  const worker = async (email: string, firstName: string, lastName: string, phone: string, agencyId: string | null, number: string) => {
    const user = await prisma.user.create({
      data: { email, role: "WORKER", firstName, lastName, workerProfile: { create: { phone } } },
      include: { workerProfile: true },
    });
    if (agencyId) await prisma.workerAgency.create({ data: { workerId: user.workerProfile!.id, agencyId, workerNumber: number } });
    return user;
  };
  const workerA = await worker("marie.dupont@example.fr", "Marie", "Dupont", "+33612345678", agencyA.id, "3985");
  const workerB = await worker("jean.martin@example.fr", "Jean", "Martin", "+33698765432", agencyB.id, "12");
  const newcomer = await worker("nouveau@example.fr", "Nina", "Nouvelle", "+33611111111", null, "");
  const staffA = await prisma.user.create({
    data: {
      email: "agence@example.fr",
      role: "STAFF",
      firstName: "Alice",
      lastName: "Agence",
      staffMemberships: { create: { agencyId: agencyA.id } },
    },
  });
  const clientA = await prisma.client.create({ data: { agencyId: agencyA.id, name: "RESIDENCE JEAN XXIII" } });
  const clientUserA = await prisma.user.create({
    data: {
      email: "client@example.fr",
      role: "CLIENT",
      firstName: "Claire",
      lastName: "Client",
      clientMemberships: { create: { clientId: clientA.id } },
    },
  });
  return { agencyA, agencyB, workerA, workerB, newcomer, staffA, clientUserA };
}

const content = { subject: "Votre bulletin de salaire est disponible", text: "Bonjour,\n\nTexte.", html: "<p>Bonjour,</p>" };

describe.each(engines)("outbox on $name", ({ open }) => {
  let testDb: TestDb;
  let prisma: PrismaClient;
  let fx: Fixtures;
  let fake: FakeProviders;
  const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

  beforeAll(async () => {
    testDb = await open();
    prisma = testDb.prisma;
    fx = await createFixtures(prisma);
    fake = await startFakeProviders();
  });

  afterAll(async () => {
    await fake?.close();
    await testDb?.cleanup();
  });

  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany();
    fake.reset();
    vi.spyOn(console, "error").mockImplementation(() => undefined); // provider failures are logged
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  describe("sendEmail", () => {
    it("keeps the email in the outbox when no provider is configured, with the account found from the address", async () => {
      const record = await deliverEmail({ to: "  Marie.Dupont@Example.FR ", ...content }, { client: prisma });

      expect(record.status).toBe("OUTBOX");
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } });
      expect(row).toMatchObject({
        channel: "EMAIL",
        to: "marie.dupont@example.fr",
        userId: fx.workerA.id,
        subject: content.subject,
        text: content.text,
        html: content.html,
        status: "OUTBOX",
        providerId: null,
        error: null,
      });
    });

    it("keeps a given userId, and leaves it empty for an address without account", async () => {
      await deliverEmail({ to: "inconnu@example.fr", ...content }, { client: prisma });
      await deliverEmail({ to: "inconnu@example.fr", userId: fx.workerB.id, ...content }, { client: prisma });
      const rows = await prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
      expect(rows.map((r) => r.userId).sort()).toEqual([fx.workerB.id, null].sort());
    });

    it("refuses an address that is not one, and records nothing", async () => {
      await expect(deliverEmail({ to: "pas-une-adresse", ...content }, { client: prisma })).rejects.toThrow("Invalid email address");
      expect(await prisma.outboxMessage.count()).toBe(0);
    });

    it("sends through Resend from the worker and records SENT with the provider's id, once", async () => {
      const provider = resendProvider({ apiKey: "re_test", baseUrl: fake.baseUrl });
      const record = await deliverEmail({ to: "Marie.Dupont@example.fr", ...content, subject: "Ligne 1\r\nLigne 2" }, { client: prisma });
      expect(record.status).toBe("OUTBOX");
      expect(fake.requests).toHaveLength(0); // the request never waits on the provider

      await deliverDueMessages({ client: prisma, emailProvider: provider, smsProvider: null, from: "Test <t@example.fr>" });
      expect(fake.requests[0].json).toEqual({
        from: "Test <t@example.fr>",
        to: "marie.dupont@example.fr",
        subject: "Ligne 1 Ligne 2",
        html: content.html,
        text: content.text,
      });
      expect(fake.requests[0].headers["idempotency-key"]).toBe(record.id);
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } });
      expect(row).toMatchObject({ status: "SENT", providerId: "re_fake_1", subject: "Ligne 1 Ligne 2", error: null });
      await deliverDueMessages({ client: prisma, emailProvider: provider, smsProvider: null });
      expect(fake.requests).toHaveLength(1);
    });

    it("does not throw when the provider fails: the row waits for a retry with the reason", async () => {
      fake.failNext({ status: 500, body: '{"message":"internal"}' });
      const provider = resendProvider({ apiKey: "re_test", baseUrl: fake.baseUrl });
      await sendEmail({ to: "marie.dupont@example.fr", ...content }, { client: prisma });
      const report = await deliverDueMessages({ client: prisma, emailProvider: provider, smsProvider: null });

      expect(report).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
      const row = await prisma.outboxMessage.findFirstOrThrow();
      expect(row.status).toBe("OUTBOX");
      expect(row.error).toBe('Resend answered 500: {"message":"internal"}');
      expect(row.providerId).toBeNull();
    });

    it("sends the same Idempotency-Key (the row id) on every try: a 500, no answer, then delivered", async () => {
      const provider = resendProvider({ apiKey: "re_test", baseUrl: fake.baseUrl, timeoutMs: 300 });
      const record = await deliverEmail({ to: "marie.dupont@example.fr", ...content }, { client: prisma });
      const other = await deliverEmail({ to: "jean.martin@example.fr", ...content }, { client: prisma });
      const pass = (minutes: number) =>
        deliverDueMessages({ client: prisma, emailProvider: provider, smsProvider: null, now: new Date(Date.now() + minutes * 60_000) });

      fake.failNext({ status: 500, body: '{"message":"internal"}' });
      fake.failNext({ status: 500, body: '{"message":"internal"}' });
      expect(await pass(0)).toMatchObject({ claimed: 2, retried: 2 });
      fake.failNext("hang");
      fake.failNext("hang");
      expect(await pass(60)).toMatchObject({ claimed: 2, retried: 2 });
      expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } })).error).toBe("Resend: no answer within 300 ms");
      expect(await pass(24 * 60)).toMatchObject({ claimed: 2, sent: 2 });

      const keysFor = (to: string) =>
        fake.requests.filter((r) => (r.json as { to: string }).to === to).map((r) => r.headers["idempotency-key"]);
      expect(keysFor("marie.dupont@example.fr")).toEqual([record.id, record.id, record.id]);
      expect(keysFor("jean.martin@example.fr")).toEqual([other.id, other.id, other.id]);
      expect(await prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(2);
    });

    it("takes the provider and sender from the environment", async () => {
      vi.stubEnv("RESEND_API_KEY", "re_from_env");
      vi.stubEnv("RESEND_BASE_URL", fake.baseUrl);
      vi.stubEnv("MAIL_FROM", "Agence <agence@example.fr>");
      await sendEmail({ to: "marie.dupont@example.fr", ...content }, { client: prisma });
      await deliverDueMessages({ client: prisma });

      expect(fake.requests[0].headers.authorization).toBe("Bearer re_from_env");
      expect((fake.requests[0].json as { from: string }).from).toBe("Agence <agence@example.fr>");
      expect((await prisma.outboxMessage.findFirstOrThrow()).status).toBe("SENT");
    });
  });

  describe("sendSms", () => {
    const text = "Coop Emploi : votre code de signature est 123456. Il expire dans 10 minutes. Ne le communiquez à personne.";

    it("keeps the SMS in the outbox, in E.164, with the worker found from the phone", async () => {
      const record = await deliverSms({ to: "06 12 34 56 78", text }, { client: prisma });
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } });
      expect(row).toMatchObject({
        channel: "SMS",
        to: "+33612345678",
        userId: fx.workerA.id,
        subject: null,
        html: null,
        text,
        status: "OUTBOX",
      });
    });

    it("sends through Brevo and records SENT", async () => {
      const provider = brevoProvider({ apiKey: "xkeysib", baseUrl: `${fake.baseUrl}/v3` });
      const record = await deliverSms({ to: "+33698765432", text }, { client: prisma, provider, sender: "CoopEmploi" });
      expect(record).toMatchObject({ status: "SENT", providerId: "1001" });
      expect(fake.requests[0].json).toEqual({ sender: "CoopEmploi", recipient: "33698765432", content: text, type: "transactional" });
      expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: record.id } })).userId).toBe(fx.workerB.id);
    });

    it("records FAILED and throws when Brevo refuses", async () => {
      fake.failNext({ status: 401, body: '{"code":"unauthorized","message":"Key not found"}' });
      const provider = brevoProvider({ apiKey: "bad", baseUrl: `${fake.baseUrl}/v3` });
      await expect(sendSms({ to: "0612345678", text }, { client: prisma, provider })).rejects.toBeInstanceOf(MessageDeliveryError);
      const row = await prisma.outboxMessage.findFirstOrThrow();
      expect(row.status).toBe("FAILED");
      expect(row.error).toContain("Brevo answered 401");
    });

    it("refuses a number that is not one, and records nothing", async () => {
      await expect(sendSms({ to: "12", text }, { client: prisma })).rejects.toThrow("Invalid phone number");
      expect(await prisma.outboxMessage.count()).toBe(0);
    });
  });

  async function message(data: {
    channel: "EMAIL" | "SMS";
    to: string;
    userId?: string | null;
    agencyId?: string | null;
    minutesAgo: number;
    text?: string;
  }) {
    return prisma.outboxMessage.create({
      data: {
        agencyId: data.agencyId ?? null,
        channel: data.channel,
        to: data.to,
        userId: data.userId ?? null,
        subject: data.channel === "EMAIL" ? `Objet ${data.minutesAgo}` : null,
        text: data.text ?? `Texte ${data.minutesAgo}`,
        createdAt: new Date(Date.now() - data.minutesAgo * 60_000),
      },
    });
  }

  describe("listOutboxForRecipient (the dev route's query)", () => {
    beforeEach(async () => {
      await message({ channel: "EMAIL", to: "marie.dupont@example.fr", userId: fx.workerA.id, minutesAgo: 30 });
      await message({ channel: "SMS", to: "+33612345678", userId: fx.workerA.id, minutesAgo: 10 });
      await message({ channel: "EMAIL", to: "jean.martin@example.fr", userId: fx.workerB.id, minutesAgo: 20 });
      await message({ channel: "SMS", to: "+33700000000", minutesAgo: 5 });
    });

    it("finds a worker's emails and SMS from their account email, any case, newest first", async () => {
      const entries = await listOutboxForRecipient("Marie.DUPONT@example.fr", prisma);
      expect(entries.map((e) => [e.channel, e.to])).toEqual([
        ["sms", "+33612345678"],
        ["email", "marie.dupont@example.fr"],
      ]);
      expect(Object.keys(entries[0]).sort()).toEqual(["channel", "createdAt", "subject", "text", "to"]);
      expect(entries[0].subject).toBeNull();
      expect(entries[1].subject).toBe("Objet 30");
      expect(new Date(entries[0].createdAt).toISOString()).toBe(entries[0].createdAt);
    });

    it.each(["+33612345678", "0612345678", "06 12 34 56 78"])("finds the SMS from the phone number %s", async (to) => {
      const entries = await listOutboxForRecipient(to, prisma);
      expect(entries.map((e) => [e.channel, e.to])).toEqual([["sms", "+33612345678"]]);
    });

    it("answers nothing for an unknown recipient", async () => {
      expect(await listOutboxForRecipient("personne@example.fr", prisma)).toEqual([]);
    });

    it("without a recipient, answers the latest 50", async () => {
      await prisma.outboxMessage.createMany({
        data: Array.from({ length: 55 }, (_, i) => ({
          channel: "EMAIL" as const,
          to: `n${i}@example.fr`,
          text: "t",
          createdAt: new Date(Date.now() - (100 + i) * 60_000),
        })),
      });
      const entries = await listOutboxForRecipient(null, prisma);
      expect(entries).toHaveLength(50);
      expect(entries[0].to).toBe("+33700000000");
      const times = entries.map((e) => e.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    });
  });

  describe("GET /api/dev/outbox", () => {
    beforeEach(async () => {
      // The route reads through the app's `db`, which takes the client kept on globalThis.
      holder.__espacePrisma = prisma;
      await message({ channel: "SMS", to: "+33612345678", userId: fx.workerA.id, minutesAgo: 1, text: "code 123456" });
    });

    afterEach(() => {
      delete holder.__espacePrisma;
    });

    const get = (query: string) => getDevOutbox(new Request(`http://localhost/api/dev/outbox${query}`));

    it("does not exist outside demo and test", async () => {
      vi.stubEnv("APP_ENV", "");
      expect((await get("")).status).toBe(404);
      vi.stubEnv("APP_ENV", "production");
      expect((await get("?to=marie.dupont@example.fr")).status).toBe(404);
    });

    it.each(["test", "demo", "preview"])("answers JSON when APP_ENV is %s", async (appEnv) => {
      vi.stubEnv("APP_ENV", appEnv);
      const response = await get("?to=marie.dupont%40example.fr");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = (await response.json()) as { channel: string; to: string; subject: string | null; text: string }[];
      expect(body).toEqual([{ channel: "sms", to: "+33612345678", subject: null, text: "code 123456", createdAt: expect.any(String) }]);
    });

    it("reads a raw + in the query string as a phone number's +", async () => {
      vi.stubEnv("APP_ENV", "test");
      const body = (await (await get("?to=+33612345678")).json()) as unknown[];
      expect(body).toHaveLength(1);
      expect((await (await get("?to=%2B33612345678")).json()) as unknown[]).toHaveLength(1);
      expect((await (await get("?to=06%2012%2034%2056%2078")).json()) as unknown[]).toHaveLength(1);
      expect((await (await get("")).json()) as unknown[]).toHaveLength(1);
    });
  });

  describe("listOutboxForStaff", () => {
    beforeEach(async () => {
      const a = fx.agencyA.id;
      const b = fx.agencyB.id;
      await message({ channel: "EMAIL", to: "marie.dupont@example.fr", userId: fx.workerA.id, agencyId: a, minutesAgo: 60 });
      await message({ channel: "SMS", to: "+33612345678", userId: fx.workerA.id, agencyId: a, minutesAgo: 50 });
      await message({ channel: "EMAIL", to: "jean.martin@example.fr", userId: fx.workerB.id, agencyId: b, minutesAgo: 40 });
      await message({ channel: "EMAIL", to: "agence@example.fr", userId: fx.staffA.id, agencyId: a, minutesAgo: 30 });
      await message({ channel: "EMAIL", to: "client@example.fr", userId: fx.clientUserA.id, agencyId: a, minutesAgo: 20 });
      await message({ channel: "EMAIL", to: "nouveau@example.fr", userId: fx.newcomer.id, agencyId: null, minutesAgo: 10 });
      // A front-desk message (no account): it belongs to the agency it was sent for.
      await message({ channel: "EMAIL", to: "sans-compte@example.fr", userId: null, agencyId: a, minutesAgo: 5 });
      await message({ channel: "EMAIL", to: "accueil-b@example.fr", userId: null, agencyId: b, minutesAgo: 4 });
    });

    it("shows only the messages of the staff member's agencies, newest first", async () => {
      const page = await listOutboxForStaff({ agencyIds: [fx.agencyA.id] }, prisma);
      expect(page.items.map((i) => i.to)).toEqual([
        "sans-compte@example.fr",
        "client@example.fr",
        "agence@example.fr",
        "+33612345678",
        "marie.dupont@example.fr",
      ]);
      expect(page).toMatchObject({ total: 5, page: 1, pageCount: 1 });
      expect(page.items[4]).toMatchObject({ channel: "EMAIL", status: "OUTBOX", recipientName: "Marie Dupont", subject: "Objet 60" });
      expect(page.items[0].recipientName).toBeNull();
      expect(page.items[0].createdAt).toBeInstanceOf(Date);

      const other = await listOutboxForStaff({ agencyIds: [fx.agencyB.id] }, prisma);
      expect(other.items.map((i) => i.to)).toEqual(["accueil-b@example.fr", "jean.martin@example.fr"]);
      const none = await listOutboxForStaff({ agencyIds: [] }, prisma);
      expect(none.items).toEqual([]);
    });

    it("filters by name, part of an address, or phone number", async () => {
      const byName = await listOutboxForStaff({ agencyIds: [fx.agencyA.id], to: "marie dup" }, prisma);
      expect(byName.items.map((i) => i.to)).toEqual(["+33612345678", "marie.dupont@example.fr"]);
      const byPhone = await listOutboxForStaff({ agencyIds: [fx.agencyA.id], to: "06 12 34 56 78" }, prisma);
      expect(byPhone.items.map((i) => i.to)).toEqual(["+33612345678", "marie.dupont@example.fr"]);
      const byPart = await listOutboxForStaff({ agencyIds: [fx.agencyA.id], to: "SANS-COMPTE" }, prisma);
      expect(byPart.items.map((i) => i.to)).toEqual(["sans-compte@example.fr"]);
      // Another agency's worker stays out of sight, even searched for.
      expect((await listOutboxForStaff({ agencyIds: [fx.agencyA.id], to: "jean.martin@example.fr" }, prisma)).total).toBe(0);
      // LIKE wildcards are taken literally.
      expect((await listOutboxForStaff({ agencyIds: [fx.agencyA.id], to: "%" }, prisma)).total).toBe(0);
    });

    it("pages the list", async () => {
      const second = await listOutboxForStaff({ agencyIds: [fx.agencyA.id], page: 2, pageSize: 3 }, prisma);
      expect(second).toMatchObject({ total: 5, page: 2, pageCount: 2 });
      expect(second.items.map((i) => i.to)).toEqual(["+33612345678", "marie.dupont@example.fr"]);
      expect((await listOutboxForStaff({ agencyIds: [fx.agencyA.id], page: 99, pageSize: 3 }, prisma)).page).toBe(2);
      expect((await listOutboxForStaff({ agencyIds: [fx.agencyA.id], page: -3, pageSize: 3 }, prisma)).page).toBe(1);
    });
  });
});
