-- CreateTable
CREATE TABLE "FinchBudgetLane" (
    "key" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinchBudgetLane_pkey" PRIMARY KEY ("key")
);

-- Every bucket row registers its lane in the same transaction that creates it, whoever inserts it (the
-- permit statements, a pause, an older instance during a rolling deploy), so a lane that is not
-- registered has never granted a permit from this database. Deleting or truncating bucket rows leaves
-- the registry alone: that is what tells a lost row from a new one.
CREATE FUNCTION "finch_budget_lane_remember"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FinchBudgetLane" ("key") VALUES (NEW."key") ON CONFLICT ("key") DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "finch_budget_bucket_remember_lane" AFTER INSERT ON "FinchBudgetBucket"
  FOR EACH ROW EXECUTE FUNCTION "finch_budget_lane_remember"();

-- A deployment that already called Finch: its lanes are remembered, including any whose row is missing
-- right now (it may have been lost within the last window). The keys are the classes of
-- lib/finch/budget/budget-classes.ts today; a class added later is registered on its first row.
INSERT INTO "FinchBudgetLane" ("key", "firstSeenAt")
SELECT "key", "refilledAt" FROM "FinchBudgetBucket"
ON CONFLICT ("key") DO NOTHING;

INSERT INTO "FinchBudgetLane" ("key")
SELECT c || ':' || l
FROM unnest(ARRAY['ip', 'product:company', 'product:directory', 'product:individual', 'product:employment',
                  'product:payment', 'product:pay_statement']) AS c,
     unnest(ARRAY['interactive', 'shared']) AS l
WHERE EXISTS (SELECT 1 FROM "FinchBudgetBucket")
ON CONFLICT ("key") DO NOTHING;
