-- CreateIndex
CREATE INDEX "AuditLog_agencyId_action_createdAt_idx" ON "AuditLog"("agencyId", "action", "createdAt");
