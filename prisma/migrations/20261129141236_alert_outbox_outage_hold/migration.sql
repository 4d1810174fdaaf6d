-- AlterTable
ALTER TABLE "AlertOutbox" ADD COLUMN     "providerIncidentId" TEXT;

-- CreateIndex
CREATE INDEX "AlertOutbox_providerIncidentId_status_idx" ON "AlertOutbox"("providerIncidentId", "status");

-- AddForeignKey
ALTER TABLE "AlertOutbox" ADD CONSTRAINT "AlertOutbox_providerIncidentId_fkey" FOREIGN KEY ("providerIncidentId") REFERENCES "ProviderIncident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

