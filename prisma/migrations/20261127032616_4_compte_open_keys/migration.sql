-- AlterTable
ALTER TABLE "AdvanceRequest" ADD COLUMN     "openKey" TEXT;

-- AlterTable
ALTER TABLE "ProfileChange" ADD COLUMN     "pendingKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AdvanceRequest_openKey_key" ON "AdvanceRequest"("openKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProfileChange_pendingKey_key" ON "ProfileChange"("pendingKey");
