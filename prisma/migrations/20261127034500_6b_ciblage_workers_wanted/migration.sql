-- AlterTable
ALTER TABLE "MissionNeed" ADD COLUMN     "workersWanted" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "MissionOffer" ADD COLUMN     "contractId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MissionOffer_contractId_key" ON "MissionOffer"("contractId");

-- AddForeignKey
ALTER TABLE "MissionOffer" ADD CONSTRAINT "MissionOffer_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;
