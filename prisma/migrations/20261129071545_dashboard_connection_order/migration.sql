-- CreateIndex
CREATE INDEX "Connection_organizationId_createdAt_idx" ON "Connection"("organizationId", "createdAt");

