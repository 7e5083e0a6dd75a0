-- Backfill: every audit entry gets the agency that alone decides which staff
-- read it (auditScope in lib/auth/scope.ts: "agencyId" = ANY(staff's
-- agencies)), in the order the writer (lib/audit.ts, auditAgencyOf) derives it.
-- What is still NULL afterwards (no entity, worker, staff or client account
-- with an agency) is read by no staff member.

-- 1. The agency of the entity the entry records.
UPDATE "AuditLog" a SET "agencyId" = c."agencyId"
  FROM "Contract" c WHERE a."agencyId" IS NULL AND a."entityType" = 'Contract' AND a."entityId" = c."id";
UPDATE "AuditLog" a SET "agencyId" = r."agencyId"
  FROM "AdvanceRequest" r WHERE a."agencyId" IS NULL AND a."entityType" = 'AdvanceRequest' AND a."entityId" = r."id";
UPDATE "AuditLog" a SET "agencyId" = n."agencyId"
  FROM "MissionNeed" n WHERE a."agencyId" IS NULL AND a."entityType" = 'MissionNeed' AND a."entityId" = n."id";
UPDATE "AuditLog" a SET "agencyId" = c."agencyId"
  FROM "Client" c WHERE a."agencyId" IS NULL AND a."entityType" = 'Client' AND a."entityId" = c."id";
UPDATE "AuditLog" a SET "agencyId" = c."agencyId"
  FROM "ClientSite" s JOIN "Client" c ON c."id" = s."clientId"
  WHERE a."agencyId" IS NULL AND a."entityType" = 'ClientSite' AND a."entityId" = s."id";
UPDATE "AuditLog" a SET "agencyId" = d."agencyId"
  FROM "Document" d WHERE a."agencyId" IS NULL AND a."entityType" = 'Document' AND a."entityId" = d."id" AND d."agencyId" IS NOT NULL;
UPDATE "AuditLog" a SET "agencyId" = b."agencyId"
  FROM "DashboardBlock" b WHERE a."agencyId" IS NULL AND a."entityType" = 'DashboardBlock' AND a."entityId" = b."id";
UPDATE "AuditLog" a SET "agencyId" = o."agencyId"
  FROM "OutboxMessage" o WHERE a."agencyId" IS NULL AND a."entityType" = 'OutboxMessage' AND a."entityId" = o."id" AND o."agencyId" IS NOT NULL;
UPDATE "AuditLog" a SET "agencyId" = c."agencyId"
  FROM "Timesheet" t JOIN "Contract" c ON c."id" = t."contractId"
  WHERE a."agencyId" IS NULL AND a."entityType" = 'Timesheet' AND a."entityId" = t."id";

-- 2. The subject worker's registration: the one shared with the acting staff member first, then the oldest.
UPDATE "AuditLog" a SET "agencyId" = (
  SELECT wa."agencyId" FROM "WorkerAgency" wa JOIN "WorkerProfile" w ON w."id" = wa."workerId"
  WHERE w."userId" = a."subjectUserId"
  ORDER BY EXISTS (SELECT 1 FROM "StaffMembership" m WHERE m."userId" = a."actorId" AND m."agencyId" = wa."agencyId") DESC,
    wa."createdAt", wa."id"
  LIMIT 1)
WHERE a."agencyId" IS NULL AND a."subjectUserId" IS NOT NULL;

-- 3. The actor's, then the subject's, staff membership, then client company (oldest first).
UPDATE "AuditLog" a SET "agencyId" = COALESCE(
  (SELECT m."agencyId" FROM "StaffMembership" m WHERE m."userId" = a."actorId" ORDER BY m."id" LIMIT 1),
  (SELECT c."agencyId" FROM "ClientMembership" m JOIN "Client" c ON c."id" = m."clientId" WHERE m."userId" = a."actorId" ORDER BY m."id" LIMIT 1),
  (SELECT m."agencyId" FROM "StaffMembership" m WHERE m."userId" = a."subjectUserId" ORDER BY m."id" LIMIT 1),
  (SELECT c."agencyId" FROM "ClientMembership" m JOIN "Client" c ON c."id" = m."clientId" WHERE m."userId" = a."subjectUserId" ORDER BY m."id" LIMIT 1))
WHERE a."agencyId" IS NULL AND (a."actorId" IS NOT NULL OR a."subjectUserId" IS NOT NULL);
