-- CreateIndex
CREATE INDEX "AuditLog_agencyId_createdAt_id_idx" ON "AuditLog"("agencyId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Contract_createdAt_id_idx" ON "Contract"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Contract_clientId_endDate_idx" ON "Contract"("clientId", "endDate");

-- Backfill: the agency of older entries where the entity they record has one.
UPDATE "AuditLog" a SET "agencyId" = c."agencyId"
  FROM "Contract" c WHERE a."agencyId" IS NULL AND a."entityType" = 'Contract' AND a."entityId" = c."id";
UPDATE "AuditLog" a SET "agencyId" = r."agencyId"
  FROM "AdvanceRequest" r WHERE a."agencyId" IS NULL AND a."entityType" = 'AdvanceRequest' AND a."entityId" = r."id";
UPDATE "AuditLog" a SET "agencyId" = c."agencyId"
  FROM "Client" c WHERE a."agencyId" IS NULL AND a."entityType" = 'Client' AND a."entityId" = c."id";
UPDATE "AuditLog" a SET "agencyId" = g."id"
  FROM "Agency" g WHERE a."agencyId" IS NULL AND a."entityType" = 'Agency' AND a."entityId" = g."id";
