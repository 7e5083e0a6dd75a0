// Client companies, their sites and the client accounts.
import type { Context } from "./context";
import { CITIES, CLIENTS, CLIENT_USERS } from "./data";
import { addMinutes } from "./time";

export type ClientInfo = { clientId: string; siteId: string; agency: string; name: string; userId?: string };

export type Clients = {
  clientInfo: Record<string, ClientInfo>;
  /** Whether the client enters its hours online (it has an account). */
  hasClientUsers: (clientKey: string) => boolean;
};

export function addClients(ctx: Context, agencyId: Record<string, string>): Clients {
  const { plan, rng, passwordHash, longAgo } = ctx;
  const clientInfo: Record<string, ClientInfo> = {};
  for (const c of CLIENTS) {
    const clientId = rng.id();
    const siteId = rng.id();
    const city = CITIES[c.site.city];
    const createdAt = longAgo(700, 1400);
    clientInfo[c.key] = { clientId, siteId, agency: c.agency, name: c.name };
    plan.clients.push({
      id: clientId,
      agencyId: agencyId[c.agency],
      name: c.name,
      siret: c.siret,
      phone: c.phone,
      email: c.email,
      createdAt,
    });
    plan.clientSites.push({
      id: siteId,
      clientId,
      name: c.site.name,
      address: c.site.address,
      postalCode: city.postalCode,
      city: city.name.toUpperCase(),
      inseeCode: city.inseeCode,
      latitude: c.site.latitude,
      longitude: c.site.longitude,
      accessMeans: c.site.accessMeans,
      phone: c.site.phone,
      createdAt,
    });
  }
  for (const u of CLIENT_USERS) {
    const userId = rng.id();
    const createdAt = longAgo(200, 500);
    clientInfo[u.client].userId ??= userId;
    plan.users.push({
      id: userId,
      email: u.email,
      passwordHash,
      role: "CLIENT",
      firstName: u.firstName,
      lastName: u.lastName,
      emailVerifiedAt: addMinutes(createdAt, 30),
      createdAt,
    });
    plan.clientMemberships.push({ id: rng.id(), userId, clientId: clientInfo[u.client].clientId });
  }
  const hasClientUsers = (clientKey: string) => Boolean(clientInfo[clientKey].userId);
  return { clientInfo, hasClientUsers };
}
