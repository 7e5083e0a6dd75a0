// The data-access layer against a real database (PGlite, and PostgreSQL when
// one answers): the scope helpers of lib/auth/scope.ts return exactly the
// caller's rows, and routeCaller / the route handlers built on it refuse
// another user's id, another agency's document and the wrong role. The
// session is the real one (a UserSession row behind a mocked cookie).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AgencyStaff, DocumentCaller } from "@/lib/auth/scope";

// The cookie: which UserSession row the request carries (null: none).
const cookie = vi.hoisted(() => ({ sessionId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (cookie.sessionId ? { sessionId: cookie.sessionId } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));

const scope = await import("@/lib/auth/scope");
const { currentCaller, guardStaff, routeCaller } = await import("@/lib/auth/route");
const { documentsForDownload, personalDocumentForDownload } = await import("@/lib/documents/access");
const { GET: getDocument } = await import("@/app/api/documents/[id]/route");
const { GET: getPersonalDocument } = await import("@/app/api/documents-personnels/[id]/route");
const { GET: getContractPdf } = await import("@/app/(espace)/contrats/[id]/pdf/route");
const { GET: exportAdvances } = await import("@/app/admin/acomptes/export/route");
const { POST: notifyBulk } = await import("@/app/api/admin/documents/bulk/notify/route");

const engines = await testEngines("scope");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const HOUR = 3_600_000;

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (url: string) => new Request(`http://localhost:3000${url}`);

describe.each(engines)("scoped reads and route callers on $name", ({ open }) => {
  let dir = "";
  let tdb: TestDb;
  let prisma: PrismaClient;
  // Agency A and agency B; staff of A, staff of B; a worker of A only, a worker of B only, a worker of both.
  const ids = {} as Record<
    | "agencyA"
    | "agencyB"
    | "staffA"
    | "staffB"
    | "workerA"
    | "workerB"
    | "workerAB"
    | "userA"
    | "userB"
    | "userAB"
    | "clientUser"
    | "clientA"
    | "clientB",
    string
  >;
  const docs = {} as Record<"payslipA" | "payslipAB_byB" | "diplomaAB" | "diplomaB", string>;
  const contracts = {} as Record<"contractA" | "contractB" | "draftA", string>;
  const sessions = {} as Record<"staffA" | "staffB" | "workerA" | "workerB" | "workerAB" | "client", string>;
  let counter = 0;

  async function document(workerId: string, kind: "PAYSLIP" | "DIPLOMA", agencyId: string | null): Promise<string> {
    counter += 1;
    const row = await prisma.document.create({
      data: {
        workerId,
        agencyId,
        kind,
        storageKey: `scope/${counter}.pdf`,
        fileName: `doc-${counter}.pdf`,
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        number: String(counter),
      },
    });
    return row.id;
  }

  async function sessionOf(userId: string): Promise<string> {
    const row = await prisma.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 12 * HOUR) } });
    return row.id;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "scope-"));
    vi.stubEnv("STORAGE_DIR", path.join(dir, "storage"));
    tdb = await open();
    prisma = tdb.prisma;
    holder.__espacePrisma = prisma;
    const a = await prisma.agency.create({ data: { code: "SCA", name: "Agence A" } });
    const b = await prisma.agency.create({ data: { code: "SCB", name: "Agence B" } });
    ids.agencyA = a.id;
    ids.agencyB = b.id;
    const staff = async (email: string, agencyId: string) =>
      (
        await prisma.user.create({
          data: { email, role: "STAFF", firstName: "Agent", lastName: "Scope", staffMemberships: { create: { agencyId } } },
        })
      ).id;
    ids.staffA = await staff("staff-a@scope.example.fr", a.id);
    ids.staffB = await staff("staff-b@scope.example.fr", b.id);
    const worker = async (email: string, agencies: { agencyId: string; workerNumber: string }[]) => {
      const u = await prisma.user.create({
        data: {
          email,
          role: "WORKER",
          firstName: "Marie",
          lastName: email.split("@")[0],
          workerProfile: { create: { agencies: { create: agencies } } },
        },
        include: { workerProfile: true },
      });
      return { userId: u.id, workerId: u.workerProfile!.id };
    };
    const wa = await worker("worker-a@scope.example.fr", [{ agencyId: a.id, workerNumber: "101" }]);
    const wb = await worker("worker-b@scope.example.fr", [{ agencyId: b.id, workerNumber: "201" }]);
    const wab = await worker("worker-ab@scope.example.fr", [
      { agencyId: a.id, workerNumber: "102" },
      { agencyId: b.id, workerNumber: "202" },
    ]);
    Object.assign(ids, {
      workerA: wa.workerId,
      userA: wa.userId,
      workerB: wb.workerId,
      userB: wb.userId,
      workerAB: wab.workerId,
      userAB: wab.userId,
    });

    docs.payslipA = await document(wa.workerId, "PAYSLIP", a.id);
    docs.payslipAB_byB = await document(wab.workerId, "PAYSLIP", b.id);
    docs.diplomaAB = await document(wab.workerId, "DIPLOMA", null);
    docs.diplomaB = await document(wb.workerId, "DIPLOMA", null);

    const clientA = await prisma.client.create({ data: { agencyId: a.id, name: "CLIENT A" } });
    const clientB = await prisma.client.create({ data: { agencyId: b.id, name: "CLIENT B" } });
    ids.clientA = clientA.id;
    ids.clientB = clientB.id;
    const siteA = await prisma.clientSite.create({
      data: { clientId: clientA.id, name: "Site A", address: "1 rue A", postalCode: "31000", city: "Toulouse" },
    });
    const siteB = await prisma.clientSite.create({
      data: { clientId: clientB.id, name: "Site B", address: "1 rue B", postalCode: "31000", city: "Toulouse" },
    });
    const q = await prisma.qualification.create({ data: { code: "SCQ", label: "AGENT DE SERVICE" } });
    const contract = async (
      number: string,
      agencyId: string,
      workerId: string,
      clientId: string,
      siteId: string,
      state: "SIGNED" | "DRAFT",
    ) =>
      (
        await prisma.contract.create({
          data: {
            number,
            reference: "REF",
            agencyId,
            workerId,
            clientId,
            siteId,
            qualificationId: q.id,
            startDate: new Date("2026-01-05"),
            endDate: new Date("2026-01-09"),
            hoursLabel: "08:00-12:00",
            hourlyRateCents: 1200,
            state,
            issuedAt: state === "DRAFT" ? null : new Date("2026-01-02T10:00:00Z"),
          },
        })
      ).id;
    contracts.contractA = await contract("SC-1", a.id, wab.workerId, clientA.id, siteA.id, "SIGNED");
    contracts.contractB = await contract("SC-2", b.id, wab.workerId, clientB.id, siteB.id, "SIGNED");
    contracts.draftA = await contract("SC-3", a.id, wa.workerId, clientA.id, siteA.id, "DRAFT");
    const clientUser = await prisma.user.create({
      data: {
        email: "client@scope.example.fr",
        role: "CLIENT",
        firstName: "Cli",
        lastName: "Ent",
        clientMemberships: { create: { clientId: clientA.id } },
      },
    });
    ids.clientUser = clientUser.id;

    sessions.staffA = await sessionOf(ids.staffA);
    sessions.staffB = await sessionOf(ids.staffB);
    sessions.workerA = await sessionOf(wa.userId);
    sessions.workerB = await sessionOf(wb.userId);
    sessions.workerAB = await sessionOf(wab.userId);
    sessions.client = await sessionOf(clientUser.id);
  }, 120_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    vi.unstubAllEnvs();
    await tdb?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    cookie.sessionId = null;
  });

  const staffA = () => ({ role: "STAFF" as const, agencyIds: [ids.agencyA] });
  const staffB = () => ({ role: "STAFF" as const, agencyIds: [ids.agencyB] });
  const sorted = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

  it("agencyScope and contractScope: staff read their agencies' contracts only, a worker their own, a client its companies'", async () => {
    expect(sorted(await prisma.contract.findMany({ where: scope.agencyScope(staffA()) }))).toEqual(
      [contracts.contractA, contracts.draftA].sort(),
    );
    expect(sorted(await prisma.contract.findMany({ where: scope.contractScope(staffB()) }))).toEqual([contracts.contractB]);
    expect(sorted(await prisma.contract.findMany({ where: scope.contractScope({ role: "WORKER", workerId: ids.workerAB }) }))).toEqual(
      [contracts.contractA, contracts.contractB].sort(),
    );
    expect(sorted(await prisma.contract.findMany({ where: scope.contractScope({ role: "CLIENT", clientIds: [ids.clientA] }) }))).toEqual(
      [contracts.contractA, contracts.draftA].sort(),
    );
    // No agency: nothing, never everything.
    expect(await prisma.contract.count({ where: scope.agencyScope({ agencyIds: [] }) })).toBe(0);
    expect(await prisma.contract.count({ where: scope.contractScope({ role: "CLIENT", clientIds: [] }) })).toBe(0);
  });

  it("workerOfAgencies and membershipOfAgencies: workers of the agencies, with the agencies' numbers only", async () => {
    expect(sorted(await prisma.workerProfile.findMany({ where: scope.workerOfAgencies(staffA()) }))).toEqual(
      [ids.workerA, ids.workerAB].sort(),
    );
    expect(sorted(await prisma.workerProfile.findMany({ where: scope.workerOfAgencies(staffB()) }))).toEqual(
      [ids.workerB, ids.workerAB].sort(),
    );
    const numbers = await prisma.workerAgency.findMany({
      where: { workerId: ids.workerAB, ...scope.membershipOfAgencies(staffA()) },
      select: { workerNumber: true },
    });
    expect(numbers.map((n) => n.workerNumber)).toEqual(["102"]);
    expect(sorted(await prisma.agency.findMany({ where: scope.ownAgencies(staffB()) }))).toEqual([ids.agencyB]);
    expect(sorted(await prisma.client.findMany({ where: scope.agencyScope(staffA()) }))).toEqual([ids.clientA]);
  });

  it("documentScope: staff read what their agency issued and their workers' own documents, never what another agency issued", async () => {
    const readable = async (caller: DocumentCaller) => sorted(await prisma.document.findMany({ where: scope.documentScope(caller) }));
    // Staff of A: A's payslip, and the diploma of the worker of both; not B's payslip of that same worker, not B's worker's diploma.
    expect(await readable(staffA())).toEqual([docs.payslipA, docs.diplomaAB].sort());
    expect(await readable(staffB())).toEqual([docs.payslipAB_byB, docs.diplomaAB, docs.diplomaB].sort());
    expect(await readable({ role: "WORKER", workerId: ids.workerAB })).toEqual([docs.payslipAB_byB, docs.diplomaAB].sort());
    expect(await readable({ role: "WORKER", workerId: ids.workerA })).toEqual([docs.payslipA]);
  });

  it("auditScope: an entry is read by the staff of its own agency only; one with no agency by no staff member", async () => {
    await prisma.auditLog.createMany({
      data: [
        { action: "scope.a", agencyId: ids.agencyA },
        { action: "scope.b", agencyId: ids.agencyB },
        // Stored without agency (as rows were before the backfill): about A's worker, made by A's staff: still not A's.
        { action: "scope.none", subjectUserId: ids.userA, actorId: ids.staffA },
      ],
    });
    const actions = async (staff: AgencyStaff) =>
      (
        await prisma.auditLog.findMany({
          where: { AND: [scope.auditScope(staff), { action: { startsWith: "scope." } }] },
          select: { action: true },
        })
      )
        .map((r) => r.action)
        .sort();
    expect(await actions(staffA())).toEqual(["scope.a"]);
    expect(await actions(staffB())).toEqual(["scope.b"]);
    expect(await actions({ agencyIds: [ids.agencyA, ids.agencyB] })).toEqual(["scope.a", "scope.b"]);
    expect(await actions({ agencyIds: [] })).toEqual([]);
  });

  it("recordAudit: an entry written without agencyId gets it from its entity, its subject worker or its actor", async () => {
    const { recordAudit } = await import("@/lib/audit");
    const event = { type: "auth.reauth_failed", data: { failuresInARow: 1 } } as const;
    const write = async (context: Parameters<typeof recordAudit>[2]) => {
      await prisma.auditLog.deleteMany({ where: { action: event.type } });
      await recordAudit(prisma, event, context);
      return (await prisma.auditLog.findFirstOrThrow({ where: { action: event.type }, select: { agencyId: true } })).agencyId;
    };
    // The subject worker's agency: B's worker signing in is B's, never A's.
    expect(await write({ actorId: ids.userB, subjectUserId: ids.userB })).toBe(ids.agencyB);
    expect(await write({ actorId: ids.userA, subjectUserId: ids.userA })).toBe(ids.agencyA);
    // A worker of both agencies: the registration shared with the acting staff member.
    expect(await write({ actorId: ids.staffB, subjectUserId: ids.userAB })).toBe(ids.agencyB);
    expect(await write({ actorId: ids.staffA, subjectUserId: ids.userAB })).toBe(ids.agencyA);
    expect([ids.agencyA, ids.agencyB]).toContain(await write({ actorId: ids.userAB, subjectUserId: ids.userAB }));
    // The entity's agency first: B's contract of the worker of both, whoever acts.
    expect(await write({ actorId: ids.userAB, subjectUserId: ids.userAB, entityType: "Contract", entityId: contracts.contractB })).toBe(
      ids.agencyB,
    );
    expect(await write({ actorId: ids.staffA, entityType: "Client", entityId: ids.clientB })).toBe(ids.agencyB);
    // No worker: the actor's staff membership, then the client company's agency.
    expect(await write({ actorId: ids.staffB, subjectUserId: ids.staffB })).toBe(ids.agencyB);
    expect(await write({ actorId: ids.staffA })).toBe(ids.agencyA);
    expect(await write({ actorId: ids.clientUser, subjectUserId: ids.clientUser })).toBe(ids.agencyA);
    // What the caller gives wins; nothing to derive it from: no agency.
    expect(await write({ actorId: ids.staffA, subjectUserId: ids.userAB, agencyId: ids.agencyB })).toBe(ids.agencyB);
    expect(await write({ entityType: "Contract", entityId: "no-such-contract" })).toBeNull();
    expect(await write({})).toBeNull();
  });

  it("currentCaller: the caller from the session row with what scopes them; no session, none", async () => {
    expect(await currentCaller()).toBeNull();
    cookie.sessionId = sessions.staffA;
    expect(await currentCaller()).toEqual({ role: "STAFF", userId: ids.staffA, agencyIds: [ids.agencyA] });
    cookie.sessionId = sessions.workerAB;
    expect(await currentCaller()).toEqual({ role: "WORKER", userId: ids.userAB, workerId: ids.workerAB });
    cookie.sessionId = sessions.client;
    expect(await currentCaller()).toEqual({ role: "CLIENT", userId: ids.clientUser, clientIds: [ids.clientA] });
    cookie.sessionId = "no-such-session";
    expect(await currentCaller()).toBeNull();
  });

  it("routeCaller: the wrong role gets the refusal, a foreign origin 403, the right role the caller", async () => {
    cookie.sessionId = sessions.workerA;
    const refused = await routeCaller(get("/x"), ["STAFF"]);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(401);
    const custom = await routeCaller(get("/x"), ["STAFF"], { denied: () => new Response("Not Found", { status: 404 }) });
    expect((custom as Response).status).toBe(404);
    expect(await routeCaller(get("/x"), ["WORKER", "STAFF"])).toEqual({ role: "WORKER", userId: ids.userA, workerId: ids.workerA });

    cookie.sessionId = sessions.staffA;
    const foreign = new Request("http://localhost:3000/api/admin/documents/bulk/notify", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    const blocked = await guardStaff(foreign);
    expect((blocked as Response).status).toBe(403);
    expect(
      await guardStaff(
        new Request("http://localhost:3000/x", { method: "POST", headers: { origin: "http://localhost:3000", host: "localhost:3000" } }),
      ),
    ).toEqual({ role: "STAFF", userId: ids.staffA, agencyIds: [ids.agencyA] });

    cookie.sessionId = sessions.client;
    expect(((await guardStaff(get("/x"))) as Response).status).toBe(401);
  });

  it("document queries: another user's id or another agency's document finds nothing, a mixed request nothing at all", async () => {
    const workerA = { role: "WORKER" as const, workerId: ids.workerA };
    expect(await documentsForDownload(workerA, [docs.payslipA])).toHaveLength(1);
    expect(await documentsForDownload(workerA, [docs.payslipAB_byB])).toBeNull();
    expect(await documentsForDownload(workerA, [docs.payslipA, docs.payslipAB_byB])).toBeNull();
    expect(await documentsForDownload(staffA(), [docs.payslipAB_byB])).toBeNull();
    expect(await documentsForDownload(staffB(), [docs.payslipAB_byB])).toHaveLength(1);
    expect(await personalDocumentForDownload(staffA(), docs.diplomaB)).toBeNull();
    expect((await personalDocumentForDownload(staffA(), docs.diplomaAB))?.id).toBe(docs.diplomaAB);
    // A payslip is not a personal document, even for its reader.
    expect(await personalDocumentForDownload(workerA, docs.payslipA)).toBeNull();
  });

  it("document routes: 401 without a session or for a client, 404 for another worker's or another agency's document", async () => {
    expect((await getDocument(get(`/api/documents/${docs.payslipA}`), params(docs.payslipA))).status).toBe(401);
    cookie.sessionId = sessions.client;
    expect((await getDocument(get(`/api/documents/${docs.payslipA}`), params(docs.payslipA))).status).toBe(401);
    cookie.sessionId = sessions.workerB;
    expect((await getDocument(get(`/api/documents/${docs.payslipA}`), params(docs.payslipA))).status).toBe(404);
    cookie.sessionId = sessions.staffA;
    expect((await getDocument(get(`/api/documents/${docs.payslipAB_byB}`), params(docs.payslipAB_byB))).status).toBe(404);

    // Personal documents: anyone refused gets 404, signed in or not.
    cookie.sessionId = null;
    expect((await getPersonalDocument(get(`/api/documents-personnels/${docs.diplomaB}`), params(docs.diplomaB))).status).toBe(404);
    cookie.sessionId = sessions.staffA;
    expect((await getPersonalDocument(get(`/api/documents-personnels/${docs.diplomaB}`), params(docs.diplomaB))).status).toBe(404);
    cookie.sessionId = sessions.workerA;
    expect((await getPersonalDocument(get(`/api/documents-personnels/${docs.diplomaAB}`), params(docs.diplomaAB))).status).toBe(404);
  });

  it("contract PDF route: another worker's contract, another agency's, a draft for its worker, a client: 404", async () => {
    cookie.sessionId = sessions.workerA;
    expect((await getContractPdf(get(`/contrats/${contracts.contractA}/pdf`), params(contracts.contractA))).status).toBe(404);
    expect((await getContractPdf(get(`/contrats/${contracts.draftA}/pdf`), params(contracts.draftA))).status).toBe(404);
    cookie.sessionId = sessions.staffB;
    expect((await getContractPdf(get(`/contrats/${contracts.contractA}/pdf`), params(contracts.contractA))).status).toBe(404);
    cookie.sessionId = sessions.client;
    expect((await getContractPdf(get(`/contrats/${contracts.contractA}/pdf`), params(contracts.contractA))).status).toBe(404);
  });

  it("advances CSV: a worker or no session gets 404; staff export their agencies' accepted advances only", async () => {
    const payDate = "2026-01-07";
    await prisma.advanceRequest.create({
      data: { workerId: ids.workerAB, agencyId: ids.agencyA, amountCents: 10_000, payDate: new Date(payDate), status: "ACCEPTED" },
    });
    await prisma.advanceRequest.create({
      data: { workerId: ids.workerAB, agencyId: ids.agencyB, amountCents: 20_000, payDate: new Date(payDate), status: "ACCEPTED" },
    });
    expect((await exportAdvances(get(`/admin/acomptes/export?date=${payDate}`))).status).toBe(404);
    cookie.sessionId = sessions.workerAB;
    expect((await exportAdvances(get(`/admin/acomptes/export?date=${payDate}`))).status).toBe(404);
    cookie.sessionId = sessions.staffA;
    const csv = await (await exportAdvances(get(`/admin/acomptes/export?date=${payDate}`))).text();
    expect(csv).toContain("SCA;102;");
    expect(csv).toContain("100,00");
    expect(csv).not.toContain("SCB");
    expect(csv).not.toContain("200,00");
  });

  it("bulk notify route: a worker gets 401, a foreign origin 403", async () => {
    const body = JSON.stringify({ batch: "batch-0001", documentIds: [docs.payslipA] });
    cookie.sessionId = sessions.workerA;
    expect((await notifyBulk(new Request("http://localhost:3000/api/admin/documents/bulk/notify", { method: "POST", body }))).status).toBe(
      401,
    );
    cookie.sessionId = sessions.staffA;
    expect(
      (
        await notifyBulk(
          new Request("http://localhost:3000/api/admin/documents/bulk/notify", {
            method: "POST",
            body,
            headers: { origin: "https://evil.example" },
          }),
        )
      ).status,
    ).toBe(403);
    const ok = await notifyBulk(new Request("http://localhost:3000/api/admin/documents/bulk/notify", { method: "POST", body }));
    expect(ok.status).toBe(200);
    // Staff A did not upload that document: no email counted.
    expect(await ok.json()).toEqual({ emails: 0 });
  });
});
