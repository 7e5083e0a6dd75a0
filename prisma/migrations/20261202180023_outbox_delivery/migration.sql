-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "agencyId" TEXT,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "secrets" TEXT,
ADD COLUMN     "sentAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_agencyId_createdAt_idx" ON "OutboxMessage"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- Existing messages belong to their recipient's first agency (worker, staff or client user).
UPDATE "OutboxMessage" o SET "agencyId" = COALESCE(
  (SELECT wa."agencyId" FROM "WorkerProfile" wp JOIN "WorkerAgency" wa ON wa."workerId" = wp."id" WHERE wp."userId" = o."userId" ORDER BY wa."agencyId" LIMIT 1),
  (SELECT sm."agencyId" FROM "StaffMembership" sm WHERE sm."userId" = o."userId" ORDER BY sm."agencyId" LIMIT 1),
  (SELECT c."agencyId" FROM "ClientMembership" cm JOIN "Client" c ON c."id" = cm."clientId" WHERE cm."userId" = o."userId" ORDER BY c."agencyId" LIMIT 1)
) WHERE o."userId" IS NOT NULL;
-- Messages already delivered are done, and old undelivered ones are not resent by the new worker.
UPDATE "OutboxMessage" SET "sentAt" = "createdAt" WHERE "status" = 'SENT';
UPDATE "OutboxMessage" SET "status" = 'FAILED', "error" = COALESCE("error", 'Non envoyé avant la mise en place de l''envoi différé') WHERE "status" = 'OUTBOX' AND "createdAt" < now() - interval '1 day';
