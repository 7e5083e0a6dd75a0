-- AlterTable
ALTER TABLE "DocumentRequest" ADD COLUMN     "openKey" TEXT;

-- CreateTable
CREATE TABLE "FormSubmission" (
    "key" TEXT NOT NULL,
    "entityId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmission_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "FormSubmission_createdAt_idx" ON "FormSubmission"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentRequest_openKey_key" ON "DocumentRequest"("openKey");

-- Backfill: the newest open request of each worker and kind holds the key
UPDATE "DocumentRequest" AS d SET "openKey" = d."workerId" || ':' || d."kind"
WHERE d."status" = 'OPEN' AND d."id" = (
  SELECT x."id" FROM "DocumentRequest" AS x
  WHERE x."workerId" = d."workerId" AND x."kind" = d."kind" AND x."status" = 'OPEN'
  ORDER BY x."createdAt" DESC, x."id" DESC LIMIT 1
);
