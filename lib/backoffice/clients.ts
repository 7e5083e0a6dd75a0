// Staff create and edit the client companies of their agencies and their
// sites; each write is audited in its transaction, each creation happens once
// per rendered form (lib/submissions.ts).
import { agencyScope } from "@/lib/auth/scope";
import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { StaffUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { FIX_FIELDS } from "@/lib/forms";
import { locateCommune } from "@/lib/geo/communes";
import { fail, okWith, type Result } from "@/lib/result";
import { createOnce } from "@/lib/submissions";
import type { clientSchema, siteSchema } from "./schemas";

export type ClientInput = z.infer<typeof clientSchema>;
export type SiteInput = z.infer<typeof siteSchema>;

const DUPLICATE = "Un client porte déjà ce nom dans cette agence.";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/** Creates (once per rendered form) or edits a client of the staff's agencies. */
export async function saveClient(
  staff: StaffUser,
  data: ClientInput,
  submission: string | null,
): Promise<Result<{ id: string; created: boolean }>> {
  if (!staff.agencyIds.includes(data.agencyId)) return fail(FIX_FIELDS, { agencyId: "Choisissez une de vos agences." });
  const fields = { name: data.name, phone: data.phone, email: data.email, siret: data.siret ? data.siret.replace(/\s/g, "") : null };
  if (!data.clientId) {
    let id: string;
    try {
      // A second click on "Créer le client" lands on the client the first one created.
      ({ id } = await createOnce(submission, async (tx) => {
        const client = await tx.client.create({ data: { agencyId: data.agencyId, ...fields } });
        await recordAudit(
          tx,
          { type: "client.created", data: fields },
          { actorId: staff.id, agencyId: data.agencyId, entityType: "Client", entityId: client.id },
        );
        return client.id;
      }));
    } catch (error) {
      if (isUniqueViolation(error)) return fail(FIX_FIELDS, { name: DUPLICATE });
      throw error;
    }
    return okWith({ id, created: true });
  }
  const existing = await db.client.findFirst({ where: { id: data.clientId, ...agencyScope(staff) } });
  if (!existing) return fail("Client introuvable.");
  try {
    await db.$transaction(async (tx) => {
      // The agency of a client does not move: its contracts belong to it.
      await tx.client.update({ where: { id: existing.id }, data: fields });
      const before = { name: existing.name, phone: existing.phone, email: existing.email, siret: existing.siret };
      await recordAudit(
        tx,
        { type: "client.updated", data: { before, after: fields } },
        { actorId: staff.id, agencyId: existing.agencyId, entityType: "Client", entityId: existing.id },
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail(FIX_FIELDS, { name: DUPLICATE });
    throw error;
  }
  return okWith({ id: existing.id, created: false });
}

/** Creates (once per rendered form) or edits a site of a client of the staff's agencies. */
export async function saveSite(
  staff: StaffUser,
  data: SiteInput,
  submission: string | null,
): Promise<Result<{ clientId: string; created: boolean }>> {
  const client = await db.client.findFirst({ where: { id: data.clientId, ...agencyScope(staff) } });
  if (!client) return fail("Client introuvable.");
  const fields = {
    name: data.name,
    address: data.address,
    postalCode: data.postalCode,
    city: data.city,
    phone: data.phone,
    accessMeans: data.accessMeans,
  };
  // The commune of the site, for the distances of the ciblage; a postal code
  // and city that do not go together are refused next to the field.
  const place = locateCommune(data.postalCode, data.city);
  if (!place.ok) return fail(FIX_FIELDS, { [place.field]: place.error });
  const position = { inseeCode: place.commune.inseeCode, latitude: place.commune.latitude, longitude: place.commune.longitude };
  if (data.siteId) {
    const site = await db.clientSite.findFirst({ where: { id: data.siteId, clientId: client.id } });
    if (!site) return fail("Site introuvable.");
    await db.$transaction(async (tx) => {
      // A new commune moves the point used for distances.
      const moved = site.postalCode !== fields.postalCode || site.city !== fields.city || site.latitude === null;
      await tx.clientSite.update({ where: { id: site.id }, data: { ...fields, ...(moved ? position : {}) } });
      const before = {
        name: site.name,
        address: site.address,
        postalCode: site.postalCode,
        city: site.city,
        phone: site.phone,
        accessMeans: site.accessMeans,
      };
      await recordAudit(
        tx,
        { type: "client_site.updated", data: { before, after: fields } },
        { actorId: staff.id, agencyId: client.agencyId, entityType: "ClientSite", entityId: site.id },
      );
    });
    return okWith({ clientId: client.id, created: false });
  }
  // One site per rendered form: a double click adds it once and answers the same.
  await createOnce(submission, async (tx) => {
    const site = await tx.clientSite.create({ data: { clientId: client.id, ...fields, ...position } });
    await recordAudit(
      tx,
      { type: "client_site.created", data: fields },
      { actorId: staff.id, agencyId: client.agencyId, entityType: "ClientSite", entityId: site.id },
    );
    return site.id;
  });
  return okWith({ clientId: client.id, created: true });
}
