-- CreateTable
CREATE TABLE "DemoReset" (
    "id" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3),
    "lastResetAt" TIMESTAMP(3),

    CONSTRAINT "DemoReset_pkey" PRIMARY KEY ("id")
);
