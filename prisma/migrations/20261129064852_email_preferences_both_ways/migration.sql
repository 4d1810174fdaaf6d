-- AlterTable
ALTER TABLE "EmailPreference" ADD COLUMN     "brokenUnsubscribedAt" TIMESTAMP(3),
ADD COLUMN     "restoredUnsubscribedAt" TIMESTAMP(3);

