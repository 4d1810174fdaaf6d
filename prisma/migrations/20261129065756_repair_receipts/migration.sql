-- CreateTable
CREATE TABLE "RepairReceipt" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "incidentId" TEXT,
    "userId" TEXT,
    "checks" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepairReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RepairReceipt_connectionId_createdAt_idx" ON "RepairReceipt"("connectionId", "createdAt");

-- CreateIndex
CREATE INDEX "RepairReceipt_incidentId_idx" ON "RepairReceipt"("incidentId");

-- AddForeignKey
ALTER TABLE "RepairReceipt" ADD CONSTRAINT "RepairReceipt_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

