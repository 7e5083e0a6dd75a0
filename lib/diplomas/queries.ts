// Reads of the worker's diplomas page: their own rows only.
import "server-only";
import { db } from "@/lib/db";

/** The worker's diplomas (with their file and the qualifications they grant) and the qualifications on their file. */
export async function workerDiplomas(worker: { workerId: string }) {
  const [diplomas, qualifications] = await Promise.all([
    db.diploma.findMany({
      where: { workerId: worker.workerId },
      orderBy: { createdAt: "desc" },
      include: { document: { select: { id: true, fileName: true } }, grants: { select: { code: true, label: true } } },
    }),
    db.workerQualification.findMany({ where: { workerId: worker.workerId }, include: { qualification: true } }),
  ]);
  return { diplomas, qualifications };
}
