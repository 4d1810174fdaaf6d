-- AlterEnum
ALTER TYPE "EmailOutboxStatus" ADD VALUE 'held';

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "providerIncidentId" TEXT;

-- CreateTable
CREATE TABLE "ProviderIncident" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "connectionsAtOpen" INTEGER NOT NULL,
    "brokenAtOpen" INTEGER NOT NULL,
    "autoReleaseAt" TIMESTAMP(3) NOT NULL,
    "releasedAt" TIMESTAMP(3),
    "releasedByUserId" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedByUserId" TEXT,

    CONSTRAINT "ProviderIncident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProviderIncident_providerId_closedAt_idx" ON "ProviderIncident"("providerId", "closedAt");

-- CreateIndex
CREATE INDEX "Connection_status_statusSince_idx" ON "Connection"("status", "statusSince");

-- CreateIndex
CREATE INDEX "Connection_providerId_status_idx" ON "Connection"("providerId", "status");

-- CreateIndex
CREATE INDEX "Incident_startedAt_idx" ON "Incident"("startedAt");

-- CreateIndex
CREATE INDEX "ConnectionEvent_organizationId_type_createdAt_idx" ON "ConnectionEvent"("organizationId", "type", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_providerIncidentId_status_idx" ON "EmailOutbox"("providerIncidentId", "status");

-- CreateIndex
CREATE INDEX "EmailOutbox_connectionId_status_idx" ON "EmailOutbox"("connectionId", "status");

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_providerIncidentId_fkey" FOREIGN KEY ("providerIncidentId") REFERENCES "ProviderIncident"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- At most one open outage per provider, whichever instance opens it (not expressible in the Prisma schema).
CREATE UNIQUE INDEX "ProviderIncident_one_open_per_provider" ON "ProviderIncident"("providerId") WHERE "closedAt" IS NULL;
