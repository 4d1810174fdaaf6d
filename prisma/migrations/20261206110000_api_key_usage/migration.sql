-- API keys' request counts move out of RateLimitWindow into per-process rows (see schema.prisma).
CREATE TABLE "ApiKeyUsage" (
    "keyId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "instance" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ApiKeyUsage_pkey" PRIMARY KEY ("keyId","windowStart","instance")
);

ALTER TABLE "ApiKeyUsage" ADD CONSTRAINT "ApiKeyUsage_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The old per-key windows: minutes long gone, and nothing reads them any more.
DELETE FROM "RateLimitWindow" WHERE "key" LIKE 'api-key:%';
