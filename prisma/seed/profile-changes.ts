// Profile changes: waiting for validation, approved and refused (address
// values are JSON).
import { pendingKeyOf } from "../../lib/profile/fields";
import type { Context } from "./context";
import { pad2 } from "./context";
import { CITIES, DEMO_WORKER, type CityKey } from "./data";
import type { Organisation } from "./organisation";
import { addDays, addMinutes } from "./time";
import type { Workers } from "./workers";

export function addProfileChanges(ctx: Context, org: Organisation, people: Workers): void {
  const { plan, rng, now, today, officeTime, notAfterNow } = ctx;
  const { staffId, recruiterOf } = org;
  const { demo, others } = people;
  const addressJson = (street: string, city: CityKey) =>
    JSON.stringify({ address: street, postalCode: CITIES[city].postalCode, city: CITIES[city].name });
  plan.profileChanges.push({
    id: rng.id(),
    workerId: demo.profileId,
    field: "address",
    oldValue: addressJson(demo.street, demo.city),
    newValue: addressJson("5 Avenue Victor Hugo", "rodez"),
    status: "PENDING",
    createdAt: notAfterNow(addMinutes(now, -60 * rng.int(18, 40))),
  });
  {
    const createdAt = officeTime(addDays(today, -rng.int(200, 300)));
    plan.profileChanges.push({
      id: rng.id(),
      workerId: demo.profileId,
      field: "mobilityKm",
      oldValue: "30",
      newValue: String(DEMO_WORKER.mobilityKm),
      status: "APPROVED",
      reviewerId: staffId["lea.fabre@demo.coop-emploi.fr"],
      reviewedAt: addMinutes(createdAt, 60 * 3),
      createdAt,
    });
  }
  const moves: [string, CityKey][] = [
    ["27 Rue de la Barrière", "rodez"],
    ["3 Place de la Mairie", "muret"],
    ["52 Avenue de Lavaur", "balma"],
    ["10 Rue du Pont Vieux", "foix"],
    ["7 Avenue du Régiment de Bigorre", "tarbes"],
  ];
  others.forEach((w, i) => {
    if (i % 6 === 0) {
      const [street, city] = moves[(i / 6) % moves.length];
      plan.profileChanges.push({
        id: rng.id(),
        workerId: w.profileId,
        field: "address",
        oldValue: addressJson(w.street, w.city),
        newValue: addressJson(street, city),
        status: "PENDING",
        createdAt: notAfterNow(addMinutes(now, -60 * rng.int(2, 120))),
      });
    } else if (i % 6 === 3) {
      plan.profileChanges.push({
        id: rng.id(),
        workerId: w.profileId,
        field: "phone",
        oldValue: w.phone,
        newValue: `+336399801${pad2(10 + i)}`,
        status: "PENDING",
        createdAt: notAfterNow(addMinutes(now, -60 * rng.int(2, 120))),
      });
    } else if (i === 8) {
      const createdAt = officeTime(addDays(today, -rng.int(10, 30)));
      plan.profileChanges.push({
        id: rng.id(),
        workerId: w.profileId,
        field: "phone",
        oldValue: w.phone,
        newValue: "+3363998",
        status: "REFUSED",
        reviewerId: recruiterOf(Object.keys(w.numbers)[0]),
        reviewedAt: addMinutes(createdAt, 90),
        refusalReason: "Numéro incomplet : merci de saisir les 10 chiffres.",
        createdAt,
      });
    }
  });

  // One pending change per worker and field.
  for (const c of plan.profileChanges) {
    if (c.status === "PENDING") c.pendingKey = pendingKeyOf(c.workerId, c.field);
  }
}
