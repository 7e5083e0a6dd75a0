-- CreateEnum
CREATE TYPE "RecourseCase" AS ENUM ('REPLACEMENT_ABSENT', 'REPLACEMENT_DEPARTURE', 'REPLACEMENT_PENDING_HIRE', 'REPLACEMENT_HEAD', 'ACTIVITY_INCREASE', 'URGENT_WORK', 'SEASONAL', 'CUSTOMARY_USE', 'INTEGRATION', 'TRAINING');

-- AlterTable
ALTER TABLE "AdvanceRequest" ADD COLUMN     "availableCentsAtRequest" INTEGER,
ADD COLUMN     "overCap" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "longDayAgreement" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "recourseCase" "RecourseCase",
ADD COLUMN     "replacedName" TEXT,
ADD COLUMN     "replacedPosition" TEXT;

-- AlterTable
ALTER TABLE "TimesheetEntry" ADD COLUMN     "absenceCode" TEXT,
ADD COLUMN     "clientMinutes" INTEGER,
ADD COLUMN     "correctedAt" TIMESTAMP(3),
ADD COLUMN     "correctedById" TEXT,
ADD COLUMN     "holidayMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mealAllowances" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "nightMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sundayMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "travelAllowances" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SmicRate" (
    "id" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "hourlyCents" INTEGER NOT NULL,
    "source" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmicRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualificationMinimumRate" (
    "agencyId" TEXT NOT NULL,
    "qualificationId" TEXT NOT NULL,
    "minHourlyCents" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualificationMinimumRate_pkey" PRIMARY KEY ("agencyId","qualificationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SmicRate_effectiveFrom_key" ON "SmicRate"("effectiveFrom");

-- CreateIndex
CREATE INDEX "TimesheetEntry_date_idx" ON "TimesheetEntry"("date");

-- AddForeignKey
ALTER TABLE "QualificationMinimumRate" ADD CONSTRAINT "QualificationMinimumRate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationMinimumRate" ADD CONSTRAINT "QualificationMinimumRate_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The official SMIC horaire brut of recent years (staff add the next ones from the back office)
INSERT INTO "SmicRate" ("id", "effectiveFrom", "hourlyCents", "source") VALUES
  ('smic-2021-01-01', '2021-01-01', 1025, 'Revalorisation du 1er janvier 2021'),
  ('smic-2021-10-01', '2021-10-01', 1048, 'Revalorisation automatique du 1er octobre 2021'),
  ('smic-2022-01-01', '2022-01-01', 1057, 'Revalorisation du 1er janvier 2022'),
  ('smic-2022-05-01', '2022-05-01', 1085, 'Revalorisation automatique du 1er mai 2022'),
  ('smic-2022-08-01', '2022-08-01', 1107, 'Revalorisation automatique du 1er août 2022'),
  ('smic-2023-01-01', '2023-01-01', 1127, 'Revalorisation du 1er janvier 2023'),
  ('smic-2023-05-01', '2023-05-01', 1152, 'Revalorisation automatique du 1er mai 2023'),
  ('smic-2024-01-01', '2024-01-01', 1165, 'Revalorisation du 1er janvier 2024'),
  ('smic-2024-11-01', '2024-11-01', 1188, 'Revalorisation anticipée du 1er novembre 2024'),
  ('smic-2026-01-01', '2026-01-01', 1202, 'Revalorisation du 1er janvier 2026')
ON CONFLICT DO NOTHING;
