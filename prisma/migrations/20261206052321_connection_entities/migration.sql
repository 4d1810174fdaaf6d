-- CreateTable
CREATE TABLE "ConnectionEntity" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "finchEntityId" TEXT NOT NULL,
    "name" TEXT,
    "sourceId" TEXT,
    "finchStatus" TEXT NOT NULL DEFAULT 'connected',
    "statusSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectionEntity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectionEntity_connectionId_finchEntityId_key" ON "ConnectionEntity"("connectionId", "finchEntityId");

-- AddForeignKey
ALTER TABLE "ConnectionEntity" ADD CONSTRAINT "ConnectionEntity_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

