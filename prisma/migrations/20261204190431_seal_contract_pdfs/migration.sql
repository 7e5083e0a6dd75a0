-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "issuedPdfData" JSONB;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "contractId" TEXT;

-- CreateIndex
CREATE INDEX "Document_sha256_idx" ON "Document"("sha256");

-- CreateIndex
CREATE INDEX "Document_contractId_idx" ON "Document"("contractId");
