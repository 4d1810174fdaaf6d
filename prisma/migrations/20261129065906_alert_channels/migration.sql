-- CreateEnum
CREATE TYPE "AlertChannelKind" AS ENUM ('slack', 'webhook');

-- CreateTable
CREATE TABLE "AlertChannel" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "AlertChannelKind" NOT NULL,
    "urlCiphertext" TEXT NOT NULL,
    "urlKeyId" TEXT NOT NULL,
    "urlHint" TEXT NOT NULL,
    "secretCiphertext" TEXT,
    "secretKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertOutbox" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "incidentId" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "EmailOutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertChannel_organizationId_kind_key" ON "AlertChannel"("organizationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "AlertOutbox_dedupeKey_key" ON "AlertOutbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "AlertOutbox_status_nextAttemptAt_idx" ON "AlertOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AlertOutbox_incidentId_idx" ON "AlertOutbox"("incidentId");

-- AddForeignKey
ALTER TABLE "AlertChannel" ADD CONSTRAINT "AlertChannel_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertOutbox" ADD CONSTRAINT "AlertOutbox_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertOutbox" ADD CONSTRAINT "AlertOutbox_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertOutbox" ADD CONSTRAINT "AlertOutbox_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

