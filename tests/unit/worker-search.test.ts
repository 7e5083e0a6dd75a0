// Staff worker search (issue 18): accent- and case-insensitive, and the agency
// number as displayed ("MEDIMP 3985"), on both engines. The folded column is
// kept by database triggers, so every write path (names, birth name, numbers) counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { staffWorkerPage } from "@/lib/backoffice/worker-queries";
import { foldSearch, searchWords } from "@/lib/backoffice/search";
import { testEngines, type TestDb } from "./test-databases";

const engines = await testEngines("wsearch");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe("search words", () => {
  it("folds accents, ligatures and case, and drops the colon of a displayed number", () => {
    expect(foldSearch("Élise Lætitia Œdipe ÇA")).toBe("elise laetitia oedipe ca");
    expect(searchWords("  MEDIMP : 3985 ")).toEqual(["medimp", "3985"]);
  });
});

describe.each(engines)("staff worker search on $name", ({ open }) => {
  let tdb: TestDb;
  let prisma: PrismaClient;
  let staff: Parameters<typeof staffWorkerPage>[0];
  let eliseId = "";

  beforeAll(async () => {
    tdb = await open();
    prisma = tdb.prisma;
    holder.__espacePrisma = prisma;
    const medimp = await prisma.agency.create({ data: { code: "MEDIMP", name: "Médical Impérial" } });
    const other = await prisma.agency.create({ data: { code: "AUTRE", name: "Autre agence" } });
    const user = await prisma.user.create({
      data: {
        email: "elise@exemple.fr",
        role: "WORKER",
        firstName: "Élise",
        lastName: "Dupré",
        workerProfile: { create: { birthName: "Lefèvre" } },
      },
      include: { workerProfile: true },
    });
    eliseId = user.workerProfile!.id;
    await prisma.workerAgency.create({ data: { workerId: eliseId, agencyId: medimp.id, workerNumber: "3985" } });
    const bob = await prisma.user.create({
      data: { email: "bob@exemple.fr", role: "WORKER", firstName: "Bob", lastName: "Martin", workerProfile: { create: {} } },
      include: { workerProfile: true },
    });
    await prisma.workerAgency.create({ data: { workerId: bob.workerProfile!.id, agencyId: medimp.id, workerNumber: "1234" } });
    // Another agency's worker numbered 3985 stays out of "MEDIMP 3985".
    const carl = await prisma.user.create({
      data: { email: "carl@exemple.fr", role: "WORKER", firstName: "Carl", lastName: "Noé", workerProfile: { create: {} } },
      include: { workerProfile: true },
    });
    await prisma.workerAgency.create({ data: { workerId: carl.workerProfile!.id, agencyId: other.id, workerNumber: "3985" } });
    staff = { id: "staff", agencyIds: [medimp.id, other.id] } as Parameters<typeof staffWorkerPage>[0];
  }, 120_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await tdb?.cleanup();
  });

  const names = async (filter: { words?: string[]; number?: string }) =>
    (await staffWorkerPage(staff, { words: filter.words ?? [], number: filter.number ?? "", city: "" }, 1, 20)).workers
      .map((w) => w.user.firstName)
      .sort();

  it("finds Élise typed without accents, in any case, by first, last or birth name", async () => {
    expect(await names({ words: ["elise"] })).toEqual(["Élise"]);
    expect(await names({ words: ["ÉLISE"] })).toEqual(["Élise"]);
    expect(await names({ words: ["dupre"] })).toEqual(["Élise"]);
    expect(await names({ words: ["lefevre"] })).toEqual(["Élise"]);
    expect(await names({ words: ["noe"] })).toEqual(["Carl"]);
    expect(await names({ words: ["zoé"] })).toEqual([]);
  });

  it("understands the agency number as displayed, in the name box and the number box", async () => {
    expect(await names({ words: ["MEDIMP", "3985"] })).toEqual(["Élise"]);
    expect(await names({ number: "MEDIMP 3985" })).toEqual(["Élise"]);
    expect(await names({ number: "medimp : 3985" })).toEqual(["Élise"]);
    expect(await names({ number: "3985" })).toEqual(["Carl", "Élise"]);
    expect(await names({ number: "MEDIMP 1234" })).toEqual(["Bob"]);
  });

  it("follows later writes: a renamed user and a new number", async () => {
    const elise = await prisma.workerProfile.findUniqueOrThrow({ where: { id: eliseId } });
    await prisma.user.update({ where: { id: elise.userId }, data: { firstName: "Éloïse" } });
    expect(await names({ words: ["eloise"] })).toEqual(["Éloïse"]);
    expect(await names({ words: ["elise"] })).toEqual([]);
    await prisma.workerAgency.updateMany({ where: { workerId: eliseId }, data: { workerNumber: "4000" } });
    expect(await names({ number: "MEDIMP 4000" })).toEqual(["Éloïse"]);
    expect(await names({ number: "MEDIMP 3985" })).toEqual([]);
  });
});
