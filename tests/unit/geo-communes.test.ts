import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { haversineKm } from "@/lib/ciblage/geo";
import { locateCommune, normalizeCommuneName, type LocatedCommune } from "@/lib/geo/communes";

function found(postalCode: string, city: string): LocatedCommune {
  const result = locateCommune(postalCode, city);
  if (!result.ok) throw new Error(`${postalCode} ${city}: ${result.error}`);
  return result.commune;
}

const point = (c: LocatedCommune) => ({ latitude: c.latitude!, longitude: c.longitude! });

describe("normalizeCommuneName", () => {
  it("ignores case, accents, punctuation, abbreviations and CEDEX", () => {
    expect(normalizeCommuneName("  ST-PRIEST ")).toBe("saint priest");
    expect(normalizeCommuneName("Ste Foy-lès-Lyon")).toBe("sainte foy les lyon");
    expect(normalizeCommuneName("LYON CEDEX 03")).toBe("lyon");
    expect(normalizeCommuneName("L'Isle-d'Abeau")).toBe("l isle d abeau");
  });
});

describe("locateCommune", () => {
  it("finds a commune with its INSEE code and coordinates", () => {
    const rodez = found("12000", "Rodez");
    expect(rodez).toMatchObject({ inseeCode: "12202", name: "Rodez", precision: "commune" });
    expect(rodez.latitude).toBeCloseTo(44.35, 1);
    expect(rodez.longitude).toBeCloseTo(2.57, 1);
    // Rodez - Toulouse: about 123 km as the crow flies.
    const km = haversineKm(point(rodez), point(found("31000", "Toulouse")));
    expect(km).toBeGreaterThan(115);
    expect(km).toBeLessThan(130);
  });

  it("understands the ways people type a city", () => {
    expect(found("69800", "St Priest").inseeCode).toBe("69290");
    expect(found("69003", "LYON CEDEX 03").inseeCode).toBe("69123");
    expect(found("12 000", "rodez").inseeCode).toBe("12202");
    expect(found("75011", "Paris").inseeCode).toBe("75056");
    expect(found("75011", "Paris 11e").inseeCode).toBe("75111");
    expect(found("13013", "Marseille 13ème").inseeCode).toBe("13213");
  });

  it("finds a former commune merged into a new one, at its own place", () => {
    const octeville = found("50100", "Cherbourg-Octeville");
    expect(octeville.inseeCode).toBe("50129");
    const current = found("50100", "Cherbourg-en-Cotentin");
    expect(haversineKm(point(octeville), point(current))).toBeLessThan(10);
  });

  it("places a commune the gazetteer lacks at the centre of its postal code, and says so", () => {
    const onet = found("12850", "Onet-le-Château");
    expect(onet.precision).toBe("code-postal");
    expect(haversineKm(point(onet), point(found("12000", "Rodez")))).toBeLessThan(10);
  });

  it("keeps a real commune without known coordinates as valid, with no coordinates", () => {
    const noumea = found("98800", "Nouméa");
    expect(noumea.inseeCode).toBe("98818");
    expect(noumea.latitude).toBeNull();
    expect(noumea.precision).toBeNull();
  });

  it("refuses an unknown postal code, or a city that is not in it, with a message for the field", () => {
    expect(locateCommune("1200", "Rodez")).toEqual({ ok: false, field: "postalCode", error: "Code postal à 5 chiffres." });
    expect(locateCommune("99999", "Rodez")).toEqual({ ok: false, field: "postalCode", error: "Le code postal 99999 n'existe pas." });
    const wrong = locateCommune("12000", "Toulouse");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.field).toBe("city");
      expect(wrong.error).toMatch(/^Cette ville ne correspond pas au code postal 12000 \(.*Rodez.*\)\.$/);
    }
    expect(locateCommune("12000", "  ")).toMatchObject({ ok: false, field: "city" });
  });

  it("locates nearly every commune of metropolitan France", () => {
    const require = createRequire(import.meta.url);
    const communes = JSON.parse(readFileSync(require.resolve("@etalab/decoupage-administratif/data/communes.json"), "utf8")) as {
      nom: string;
      type: string;
      zone: string;
      codesPostaux?: string[];
    }[];
    const metro = communes.filter((c) => c.type === "commune-actuelle" && c.zone === "metro" && c.codesPostaux?.length);
    let exact = 0;
    let located = 0;
    for (const c of metro) {
      const result = locateCommune(c.codesPostaux![0], c.nom);
      expect(result.ok, `${c.codesPostaux![0]} ${c.nom}`).toBe(true);
      if (result.ok && result.commune.latitude !== null) located += 1;
      if (result.ok && result.commune.precision === "commune") exact += 1;
    }
    expect(metro.length).toBeGreaterThan(34_000);
    expect(located / metro.length).toBeGreaterThan(0.98);
    expect(exact).toBeGreaterThan(8_000);
  });
});
