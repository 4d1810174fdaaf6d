-- AlterEnum
ALTER TYPE "DetectionSource" ADD VALUE 'host_api';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "returnTo" TEXT,
    "apiKeyId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostWebhookEndpoint" (
    "id" TEXT NOT NULL,
    "urlCiphertext" TEXT NOT NULL,
    "urlKeyId" TEXT NOT NULL,
    "urlHint" TEXT NOT NULL,
    "secretCiphertext" TEXT NOT NULL,
    "secretKeyId" TEXT NOT NULL,
    "createdByKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostWebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostEventOutbox" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
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
    "providerIncidentId" TEXT,

    CONSTRAINT "HostEventOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectionImport" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ConnectionImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectionImportItem" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "organizationExternalId" TEXT NOT NULL,
    "organizationName" TEXT NOT NULL,
    "adminEmails" TEXT[],
    "accessTokenCiphertext" TEXT,
    "accessTokenKeyId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "connectionId" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectionImportItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE UNIQUE INDEX "LoginLink_tokenHash_key" ON "LoginLink"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginLink_expiresAt_idx" ON "LoginLink"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "HostEventOutbox_dedupeKey_key" ON "HostEventOutbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "HostEventOutbox_status_nextAttemptAt_idx" ON "HostEventOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "HostEventOutbox_incidentId_idx" ON "HostEventOutbox"("incidentId");

-- CreateIndex
CREATE INDEX "HostEventOutbox_providerIncidentId_status_idx" ON "HostEventOutbox"("providerIncidentId", "status");

-- CreateIndex
CREATE INDEX "ConnectionImportItem_importId_status_idx" ON "ConnectionImportItem"("importId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectionImportItem_importId_position_key" ON "ConnectionImportItem"("importId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_externalId_key" ON "Organization"("externalId");

-- AddForeignKey
ALTER TABLE "LoginLink" ADD CONSTRAINT "LoginLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostEventOutbox" ADD CONSTRAINT "HostEventOutbox_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "HostWebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostEventOutbox" ADD CONSTRAINT "HostEventOutbox_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectionImportItem" ADD CONSTRAINT "ConnectionImportItem_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ConnectionImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

