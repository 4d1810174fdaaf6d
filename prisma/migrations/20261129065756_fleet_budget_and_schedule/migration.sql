-- AlterTable
ALTER TABLE "Connection" ADD COLUMN     "nextCheckAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "FinchBudgetBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pausedUntil" TIMESTAMP(3),
    "granted" BIGINT NOT NULL DEFAULT 0,
    "finch429s" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FinchBudgetBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SweepCoverageSample" (
    "id" BIGSERIAL NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "connections" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,
    "worstStalenessSeconds" INTEGER NOT NULL,

    CONSTRAINT "SweepCoverageSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SweepCoverageSample_takenAt_idx" ON "SweepCoverageSample"("takenAt");

-- CreateIndex
CREATE INDEX "Connection_nextCheckAt_idx" ON "Connection"("nextCheckAt");

