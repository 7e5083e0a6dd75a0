// Reads of the staff client pages, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { agencyScope, type AgencyStaff } from "@/lib/auth/scope";

/** One page of the agencies' clients whose name or a site's city contains `q`, and their count. */
export async function staffClientPage(staff: AgencyStaff, q: string, page: number, pageSize: number) {
  const where: Prisma.ClientWhereInput = {
    ...agencyScope(staff),
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { sites: { some: { city: { contains: q, mode: "insensitive" } } } }] }
      : {}),
  };
  const [count, clients] = await Promise.all([
    db.client.count({ where }),
    db.client.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        agency: { select: { code: true } },
        sites: { select: { name: true, city: true } },
        _count: { select: { contracts: true } },
      },
    }),
  ]);
  return { count, clients };
}
