// One-time secrets against a real database (PGlite, and PostgreSQL when a
// server is reachable): signature codes are counted and compared atomically
// whatever the concurrency, a signature code whose SMS failed neither works
// nor counts, and an emailed token is used once even by concurrent requests.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import { PrismaClient } from "@/lib/generated/prisma/client";
import * as rules from "@/lib/contracts/rules";
import { confirmSignature } from "@/lib/contracts/confirm-signature";
import { requestSignatureCode } from "@/lib/contracts/request-signature-code";
import { SMS_FAILED_MESSAGE } from "@/lib/contracts/rules";
import { consumeToken, issueToken } from "@/lib/auth/accounts";
import { startFakeProviders, type FakeProviders } from "./messaging-fake-providers";

// Counts every comparison of a guess with a stored code, while keeping the real one.
vi.mock("@/lib/contracts/rules", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/contracts/rules")>();
  return { ...real, codeMatches: vi.fn(real.codeMatches) };
});
const codeMatches = vi.mocked(rules.codeMatches);

const engines = await testEngines("secrets");

const PHONE = "+33612345678";
let counter = 0;

/** A worker with a contract issued for signature (its PDF row exists; no file is read on these paths). */
async function contractToSign(prisma: PrismaClient) {
  counter += 1;
  const agency = await prisma.agency.create({ data: { code: `AG${counter}`, name: `Agence ${counter}` } });
  const user = await prisma.user.create({
    data: {
      email: `w${counter}@example.fr`,
      role: "WORKER",
      firstName: "Marie",
      lastName: "Dupont",
      workerProfile: { create: { phone: PHONE } },
    },
    include: { workerProfile: true },
  });
  const workerId = user.workerProfile!.id;
  const client = await prisma.client.create({ data: { agencyId: agency.id, name: `CLIENT ${counter}` } });
  const site = await prisma.clientSite.create({
    data: { clientId: client.id, name: "Site", address: "1 rue A", postalCode: "31000", city: "Toulouse" },
  });
  const qualification = await prisma.qualification.create({ data: { code: `Q${counter}`, label: "AGENT DE SERVICE" } });
  const sha = String(counter).padStart(64, "a");
  const doc = await prisma.document.create({
    data: {
      kind: "CONTRACT_ISSUED",
      workerId,
      agencyId: agency.id,
      storageKey: `k-${counter}-${Date.now()}`,
      fileName: "c.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1,
      sha256: sha,
    },
  });
  const contract = await prisma.contract.create({
    data: {
      number: `N${counter}-${Date.now()}`,
      reference: "REF",
      agencyId: agency.id,
      workerId,
      clientId: client.id,
      siteId: site.id,
      qualificationId: qualification.id,
      startDate: new Date("2026-12-01"),
      endDate: new Date("2026-12-31"),
      hoursLabel: "08:00-12:00",
      hourlyRateCents: 1200,
      state: "AWAITING_SIGNATURE",
      issuedAt: new Date(),
      issuedDocumentId: doc.id,
      issuedSha256: sha,
    },
  });
  const signer = { id: user.id, workerId, email: user.email, firstName: user.firstName, lastName: user.lastName };
  return { contract, signer, binding: { contractId: contract.id, userId: user.id, documentSha256: sha } };
}

describe.each(engines)("one-time secrets on $name", ({ open }) => {
  let testDb: TestDb;
  let prisma: PrismaClient;
  let fake: FakeProviders;
  const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

  beforeAll(async () => {
    testDb = await open();
    prisma = testDb.prisma;
    fake = await startFakeProviders();
  });

  afterAll(async () => {
    delete holder.__espacePrisma;
    await fake?.close();
    await testDb?.cleanup();
  });

  beforeEach(() => {
    // The code under test reads through the app's `db`, which takes the client kept on globalThis.
    holder.__espacePrisma = prisma;
    fake.reset();
    codeMatches.mockClear();
    vi.spyOn(console, "error").mockImplementation(() => undefined); // provider failures are logged
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  describe("signature code attempts", () => {
    it("compares at most 5 of 40 concurrent wrong guesses, then refuses the right code as exhausted", async () => {
      const { contract, signer, binding } = await contractToSign(prisma);
      await prisma.signatureCode.create({
        data: {
          contractId: contract.id,
          userId: signer.id,
          documentSha256: binding.documentSha256,
          codeHash: rules.hashCode("123456", binding),
          expiresAt: new Date(Date.now() + 10 * 60_000),
        },
      });

      const guesses = Array.from({ length: 40 }, (_, i) => String(200000 + i));
      const results = await Promise.all(guesses.map((g) => confirmSignature(contract.id, g, signer)));

      expect(codeMatches).toHaveBeenCalledTimes(rules.CODE_MAX_ATTEMPTS);
      expect(results.every((r) => !r.ok)).toBe(true);
      const errors = results.map((r) => (r.ok ? "" : r.message));
      // Four compared guesses say how many are left; the fifth and the 35 refused unread say it is over.
      expect(errors.filter((e) => e.startsWith("Code incorrect"))).toHaveLength(rules.CODE_MAX_ATTEMPTS - 1);
      expect(errors.filter((e) => e.startsWith("Trop d'essais erronés"))).toHaveLength(40 - (rules.CODE_MAX_ATTEMPTS - 1));
      const row = await prisma.signatureCode.findFirstOrThrow({ where: { contractId: contract.id } });
      expect(row.attempts).toBe(rules.CODE_MAX_ATTEMPTS);

      codeMatches.mockClear();
      const right = await confirmSignature(contract.id, "123456", signer);
      expect(right).toMatchObject({
        ok: false,
        fieldErrors: { code: "Trop d'essais erronés : ce code n'est plus valable. Demandez un nouveau code." },
        message: "Trop d'essais erronés : ce code n'est plus valable. Demandez un nouveau code.",
      });
      expect(codeMatches).not.toHaveBeenCalled();
      expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).state).toBe("AWAITING_SIGNATURE");
      expect((await prisma.signatureCode.findFirstOrThrow({ where: { contractId: contract.id } })).usedAt).toBeNull();
    });

    it("counts wrong guesses one by one and tells how many are left", async () => {
      const { contract, signer, binding } = await contractToSign(prisma);
      await prisma.signatureCode.create({
        data: {
          contractId: contract.id,
          userId: signer.id,
          documentSha256: binding.documentSha256,
          codeHash: rules.hashCode("123456", binding),
          expiresAt: new Date(Date.now() + 10 * 60_000),
        },
      });
      const errors: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await confirmSignature(contract.id, "654321", signer);
        if (!r.ok) errors.push(r.message);
      }
      expect(errors).toEqual([
        "Code incorrect. Il vous reste 4 essais.",
        "Code incorrect. Il vous reste 3 essais.",
        "Code incorrect. Il vous reste 2 essais.",
        "Code incorrect. Il vous reste 1 essai.",
        "Trop d'essais erronés : ce code n'est plus valable. Demandez un nouveau code.",
        "Trop d'essais erronés : ce code n'est plus valable. Demandez un nouveau code.",
      ]);
      expect(codeMatches).toHaveBeenCalledTimes(5);
    });

    it("refuses an expired code without comparing it", async () => {
      const { contract, signer, binding } = await contractToSign(prisma);
      await prisma.signatureCode.create({
        data: {
          contractId: contract.id,
          userId: signer.id,
          documentSha256: binding.documentSha256,
          codeHash: rules.hashCode("123456", binding),
          expiresAt: new Date(Date.now() - 1000),
        },
      });
      expect(await confirmSignature(contract.id, "123456", signer)).toMatchObject({
        ok: false,
        message: "Ce code a expiré. Demandez un nouveau code.",
      });
      expect(codeMatches).not.toHaveBeenCalled();
    });
  });

  describe("asking for a signature code", () => {
    const useBrevo = () => {
      vi.stubEnv("BREVO_API_KEY", "xkeysib-test");
      vi.stubEnv("BREVO_API_URL", `${fake.baseUrl}/v3`);
    };

    it("sends the code through the SMS provider, and that code is the one that is checked", async () => {
      useBrevo();
      const { contract, signer, binding } = await contractToSign(prisma);
      const result = await requestSignatureCode(contract.id, signer);
      expect(result).toEqual({ ok: true, data: { maskedPhone: "06 •• •• •• 78" } });
      expect(fake.requests).toHaveLength(1);
      const sms = fake.requests[0].json as { recipient: string; content: string };
      expect(sms.recipient).toBe("33612345678");
      const code = /(\d{6})/.exec(sms.content)?.[1];
      expect(code).toBeDefined();
      const row = await prisma.signatureCode.findFirstOrThrow({ where: { contractId: contract.id } });
      expect(rules.codeState(row, binding, new Date())).toBe("usable");
      expect(rules.codeMatches(code!, row.codeHash, binding)).toBe(true);
      expect((await prisma.outboxMessage.findFirstOrThrow({ where: { to: PHONE }, orderBy: { createdAt: "desc" } })).status).toBe("SENT");
    });

    it("when the SMS fails, says so in French, leaves no usable code and does not count the try", async () => {
      useBrevo();
      const { contract, signer, binding } = await contractToSign(prisma);
      // An earlier code that was sent: asking again invalidates it.
      await prisma.signatureCode.create({
        data: {
          contractId: contract.id,
          userId: signer.id,
          documentSha256: binding.documentSha256,
          codeHash: rules.hashCode("111111", binding),
          expiresAt: new Date(Date.now() + 10 * 60_000),
          createdAt: new Date(Date.now() - 5 * 60_000),
        },
      });
      fake.failNext({ status: 500, body: '{"message":"internal"}' });

      const failed = await requestSignatureCode(contract.id, signer);
      expect(failed).toEqual({ ok: false, message: SMS_FAILED_MESSAGE });
      expect(SMS_FAILED_MESSAGE).toBe("Le SMS n'a pas pu être envoyé. Réessayez dans quelques instants.");
      const rows = await prisma.signatureCode.findMany({ where: { contractId: contract.id } });
      expect(rows).toHaveLength(1); // only the earlier one, now unusable
      expect(rows.filter((r) => rules.codeState(r, binding, new Date()) === "usable")).toHaveLength(0);
      const audit = await prisma.auditLog.findFirst({ where: { entityId: contract.id, action: "contract.signature_code_failed" } });
      expect(audit).not.toBeNull();

      // Right away (the one-a-minute limit would refuse it had the failed try counted), a new code goes out.
      const retried = await requestSignatureCode(contract.id, signer);
      expect(retried).toMatchObject({ ok: true });
      expect(fake.requests).toHaveLength(2);
      const usable = (await prisma.signatureCode.findMany({ where: { contractId: contract.id } })).filter(
        (r) => rules.codeState(r, binding, new Date()) === "usable",
      );
      expect(usable).toHaveLength(1);
    });

    it("a failing provider never uses up the hourly limit", async () => {
      useBrevo();
      const { contract, signer } = await contractToSign(prisma);
      for (let i = 0; i < rules.RESEND_MAX_PER_HOUR + 2; i++) {
        fake.failNext({ status: 503, body: "{}" });
        expect(await requestSignatureCode(contract.id, signer)).toEqual({ ok: false, message: SMS_FAILED_MESSAGE });
      }
      expect(await prisma.signatureCode.count({ where: { contractId: contract.id } })).toBe(0);
      expect(await requestSignatureCode(contract.id, signer)).toMatchObject({ ok: true });
    });
  });

  describe("emailed tokens", () => {
    it.each(["PASSWORD_RESET", "EMAIL_CONFIRMATION", "INVITATION"] as const)(
      "a %s token used by 10 concurrent requests succeeds once",
      async (kind) => {
        counter += 1;
        const user = await prisma.user.create({ data: { email: `t${counter}@example.fr`, role: "WORKER", firstName: "T", lastName: "T" } });
        const token = await issueToken(user.id, kind);
        const results = await Promise.all(Array.from({ length: 10 }, () => consumeToken(token, kind)));
        expect(results.filter((r) => "userId" in r)).toEqual([{ userId: user.id }]);
        expect(results.filter((r) => "error" in r)).toHaveLength(9);
        expect(await consumeToken(token, kind)).toEqual({ error: "used" });
      },
    );
  });
});
