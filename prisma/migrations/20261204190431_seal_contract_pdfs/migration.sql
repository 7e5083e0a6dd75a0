-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "issuedPdfData" JSONB;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "contractId" TEXT;

-- CreateIndex
CREATE INDEX "Document_sha256_idx" ON "Document"("sha256");

-- CreateIndex
CREATE INDEX "Document_contractId_idx" ON "Document"("contractId");

-- CreateIndex
CREATE INDEX "Signature_signedDocumentSha256_idx" ON "Signature"("signedDocumentSha256");

-- CreateIndex
CREATE INDEX "Signature_documentSha256_idx" ON "Signature"("documentSha256");
