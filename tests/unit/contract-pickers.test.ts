// The pickers of the new-contract form (issue 16): a search bounded to 20
// suggestions, within the staff's agencies only, accents and case ignored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SUGGESTION_LIMIT, siteChoiceById, siteSuggestions, workerChoiceById, workerSuggestions } from "@/lib/backoffice/contract-queries";
import { testEngines, type TestDb } from "./test-databases";

const engines = await testEngines("pickers");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };

describe.each(engines)("new-contract pickers on $name", ({ open }) => {
  let tdb: TestDb;
  let prisma: PrismaClient;
  let ours = { role: "STAFF" as const, agencyIds: [] as string[] };
  let eliseId = "";
  let strangerId = "";
  let ourSiteId = "";
  let theirSiteId = "";

  const worker = async (agencyId: string, firstName: string, lastName: string, number: string, active = true) => {
    const user = await prisma.user.create({
      data: {
        email: `${firstName}.${lastName}.${number}@exemple.fr`.toLowerCase(),
        role: "WORKER",
        firstName,
        lastName,
        active,
        workerProfile: { create: {} },
      },
      include: { workerProfile: true },
    });
    await prisma.workerAgency.create({ data: { workerId: user.workerProfile!.id, agencyId, workerNumber: number } });
    return user.workerProfile!.id;
  };

  beforeAll(async () => {
    tdb = await open();
    prisma = tdb.prisma;
    holder.__espacePrisma = prisma;
    const medimp = await prisma.agency.create({ data: { code: "MEDIMP", name: "Médical Impérial" } });
    const other = await prisma.agency.create({ data: { code: "AUTRE", name: "Autre agence" } });
    ours = { role: "STAFF", agencyIds: [medimp.id] };
    eliseId = await worker(medimp.id, "Élise", "Dupré", "3985");
    // Another agency's Élise, with the same number: never suggested to MEDIMP's staff.
    strangerId = await worker(other.id, "Élise", "Durand", "3985");
    await worker(medimp.id, "Élise", "Dormante", "7000", false);
    for (let i = 0; i < SUGGESTION_LIMIT + 5; i++) await worker(medimp.id, "Paul", `Martin${String(i).padStart(2, "0")}`, String(5000 + i));
    const client = await prisma.client.create({ data: { agencyId: medimp.id, name: "Clinique Sainte-Hélène" } });
    const theirs = await prisma.client.create({ data: { agencyId: other.id, name: "Clinique Sainte-Hélène bis" } });
    const site = { address: "1 rue de la Paix", postalCode: "69001" };
    ourSiteId = (await prisma.clientSite.create({ data: { ...site, clientId: client.id, name: "Unité Les Lilas", city: "Lyon" } })).id;
    theirSiteId = (await prisma.clientSite.create({ data: { ...site, clientId: theirs.id, name: "Unité Les Lilas", city: "Lyon" } })).id;
  }, 120_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await tdb?.cleanup();
  });

  it("suggests the agency's active workers by name without accents, or by number as displayed", async () => {
    expect((await workerSuggestions(ours, "elise")).map((w) => w.value)).toEqual([eliseId]);
    expect((await workerSuggestions(ours, "DUPRE")).map((w) => w.value)).toEqual([eliseId]);
    expect((await workerSuggestions(ours, "MEDIMP : 3985")).map((w) => w.value)).toEqual([eliseId]);
    const [elise] = await workerSuggestions(ours, "élise 3985");
    expect(elise.label).toBe("DUPRÉ Élise – MEDIMP : 3985");
    expect(await workerSuggestions(ours, "dormante")).toEqual([]);
    expect(await workerSuggestions(ours, "   ")).toEqual([]);
  });

  it("never suggests nor preselects another agency's worker or site", async () => {
    expect((await workerSuggestions(ours, "durand")).length).toBe(0);
    expect((await workerSuggestions(ours, "3985")).map((w) => w.value)).not.toContain(strangerId);
    expect(await workerChoiceById(ours, strangerId)).toBeNull();
    expect((await workerChoiceById(ours, eliseId))?.value).toBe(eliseId);
    expect((await siteSuggestions(ours, "lilas")).map((s) => s.value)).toEqual([ourSiteId]);
    expect(await siteChoiceById(ours, theirSiteId)).toBeNull();
    expect((await siteChoiceById(ours, ourSiteId))?.label).toBe("Unité Les Lilas (Lyon) – Clinique Sainte-Hélène – MEDIMP");
  });

  it("stops at 20 suggestions, in name order", async () => {
    const paul = await workerSuggestions(ours, "paul");
    expect(paul).toHaveLength(SUGGESTION_LIMIT);
    expect(paul[0].label).toBe("MARTIN00 Paul – MEDIMP : 5000");
    expect(paul.at(-1)!.label).toBe("MARTIN19 Paul – MEDIMP : 5019");
  });

  it("finds a site by its city or its client's name, every word counted", async () => {
    expect((await siteSuggestions(ours, "LYON")).map((s) => s.value)).toEqual([ourSiteId]);
    expect((await siteSuggestions(ours, "sainte lilas")).map((s) => s.value)).toEqual([ourSiteId]);
    expect(await siteSuggestions(ours, "lilas paris")).toEqual([]);
  });
});
