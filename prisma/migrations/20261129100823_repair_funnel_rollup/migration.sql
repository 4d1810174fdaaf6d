-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "connectOpenedAt" TIMESTAMP(3),
ADD COLUMN     "engagedAt" TIMESTAMP(3),
ADD COLUMN     "notifiedAt" TIMESTAMP(3),
ADD COLUMN     "providerName" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "FleetCount" (
    "id" BIGSERIAL NOT NULL,
    "providerId" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "status" "ConnectionStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "FleetCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FleetBrokenAge" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "FleetBrokenAge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairFunnelDay" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "providerName" TEXT NOT NULL,
    "detectionPath" "DetectionSource" NOT NULL,
    "broke" INTEGER NOT NULL DEFAULT 0,
    "notified" INTEGER NOT NULL DEFAULT 0,
    "engaged" INTEGER NOT NULL DEFAULT 0,
    "connectOpened" INTEGER NOT NULL DEFAULT 0,
    "reconnected" INTEGER NOT NULL DEFAULT 0,
    "repairHistogram" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "RepairFunnelDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FleetCount_providerId_status_idx" ON "FleetCount"("providerId", "status");

-- CreateIndex
CREATE INDEX "FleetBrokenAge_hour_idx" ON "FleetBrokenAge"("hour");

-- CreateIndex
CREATE INDEX "RepairFunnelDay_day_providerName_detectionPath_idx" ON "RepairFunnelDay"("day", "providerName", "detectionPath");


-- The Broken connections table's order and the ages of broken connections, read from the index alone.
CREATE INDEX "Connection_broken_statusSince_idx" ON "Connection"("statusSince", "id") WHERE "status" <> 'healthy';

-- ---------- Repair-time histogram buckets ----------
-- Log-spaced buckets with 1% relative accuracy: bucket i holds (γ^(i-1), γ^i] seconds, γ = 1.01/0.99, and
-- lib/operator/repair-histogram.ts reads bucket i back as 2γ^i/(γ+1). Bucket 0 holds one second or less.
CREATE FUNCTION "repair_histogram_bucket"(seconds float8) RETURNS int
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN seconds IS NULL THEN NULL WHEN seconds <= 1 THEN 0
              ELSE ceil(ln(seconds) / ln(1.01::float8 / 0.99::float8))::int END
$$;

-- Adds (direction 1) or takes away (direction -1) incidents' contributions to the funnel rollup.
CREATE FUNCTION "repair_funnel_add"(incidents "Incident"[], direction int) RETURNS void
  LANGUAGE sql AS $$
  WITH i AS (
    SELECT (x."startedAt")::date AS day, x."providerName", x.source AS path,
           (x."notifiedAt" IS NOT NULL)::int AS notified, (x."engagedAt" IS NOT NULL)::int AS engaged,
           (x."connectOpenedAt" IS NOT NULL)::int AS opened, (x."resolvedAt" IS NOT NULL)::int AS reconnected,
           CASE WHEN x."resolvedAt" IS NOT NULL THEN "repair_histogram_bucket"(
             GREATEST(0, extract(epoch FROM x."resolvedAt" - x."startedAt"))::float8) END AS bucket
      FROM unnest(incidents) AS x),
  totals AS (
    SELECT day, "providerName", path, count(*)::int AS broke, sum(notified)::int AS notified,
           sum(engaged)::int AS engaged, sum(opened)::int AS opened, sum(reconnected)::int AS reconnected
      FROM i GROUP BY day, "providerName", path),
  histograms AS (
    SELECT day, "providerName", path, jsonb_object_agg(bucket::text, n * direction) AS histogram
      FROM (SELECT day, "providerName", path, bucket, count(*)::int AS n FROM i WHERE bucket IS NOT NULL
             GROUP BY day, "providerName", path, bucket) b
     GROUP BY day, "providerName", path)
  INSERT INTO "RepairFunnelDay" ("day", "providerName", "detectionPath", "broke", "notified", "engaged",
                                 "connectOpened", "reconnected", "repairHistogram")
  SELECT t.day, t."providerName", t.path, direction * t.broke, direction * t.notified, direction * t.engaged,
         direction * t.opened, direction * t.reconnected, coalesce(h.histogram, '{}'::jsonb)
    FROM totals t LEFT JOIN histograms h
      ON h.day = t.day AND h."providerName" = t."providerName" AND h.path = t.path
$$;

-- ---------- Backfill: the new columns and both rollups from the rows already there ----------
UPDATE "Incident" i SET "providerName" = c."providerName" FROM "Connection" c WHERE c.id = i."connectionId";

UPDATE "Incident" i SET "engagedAt" = x.engaged, "connectOpenedAt" = x.opened
  FROM (SELECT k.id,
               min(e."createdAt") FILTER (WHERE e.type = 'link_opened' OR e.source = 'dashboard') AS engaged,
               min(e."createdAt") FILTER (WHERE e.type = 'connect_started') AS opened
          FROM "Incident" k JOIN "ConnectionEvent" e ON e."connectionId" = k."connectionId"
           AND e."createdAt" >= k."startedAt" AND e."createdAt" <= coalesce(k."resolvedAt", 'infinity')
         WHERE e.type IN ('link_opened', 'connect_started')
         GROUP BY k.id) x
 WHERE i.id = x.id;

UPDATE "Incident" i SET "notifiedAt" = x.at
  FROM (SELECT "incidentId" AS id, min(coalesce("sentAt", "updatedAt")) AS at FROM "EmailOutbox"
         WHERE status = 'sent' AND kind IN ('connection_broken', 'reconnect_reminder') AND "incidentId" IS NOT NULL
         GROUP BY "incidentId") x
 WHERE i.id = x.id;

INSERT INTO "FleetCount" ("providerId", "providerName", "status", "count")
SELECT "providerId", max("providerName"), status, count(*) FROM "Connection" GROUP BY "providerId", status;

INSERT INTO "FleetBrokenAge" ("hour", "count")
SELECT date_trunc('hour', "statusSince"), count(*) FROM "Connection" WHERE status <> 'healthy' GROUP BY 1;

SELECT "repair_funnel_add"(ARRAY(SELECT i FROM "Incident" i), 1);

-- ---------- Triggers: every writer keeps the rollups right, raw SQL and bulk seeds included ----------

-- Fleet counts and broken ages: inserts and deletes per statement (a bulk insert adds one row per
-- provider and status, and per hour), changes of status, provider or statusSince per row (and only
-- those: the sweep's frequent updates never fire it).
CREATE FUNCTION "fleet_count_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "FleetCount" ("providerId", "providerName", "status", "count")
    SELECT "providerId", max("providerName"), status, count(*) FROM new_rows GROUP BY "providerId", status;
    INSERT INTO "FleetBrokenAge" ("hour", "count")
    SELECT date_trunc('hour', "statusSince"), count(*) FROM new_rows WHERE status <> 'healthy' GROUP BY 1;
  ELSE
    INSERT INTO "FleetCount" ("providerId", "providerName", "status", "count")
    SELECT "providerId", max("providerName"), status, -count(*) FROM old_rows GROUP BY "providerId", status;
    INSERT INTO "FleetBrokenAge" ("hour", "count")
    SELECT date_trunc('hour', "statusSince"), -count(*) FROM old_rows WHERE status <> 'healthy' GROUP BY 1;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "fleet_count_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.status, OLD."providerId", OLD."providerName") IS DISTINCT FROM (NEW.status, NEW."providerId", NEW."providerName") THEN
    INSERT INTO "FleetCount" ("providerId", "providerName", "status", "count")
    VALUES (OLD."providerId", OLD."providerName", OLD.status, -1), (NEW."providerId", NEW."providerName", NEW.status, 1);
  END IF;
  IF (OLD.status <> 'healthy', OLD."statusSince") IS DISTINCT FROM (NEW.status <> 'healthy', NEW."statusSince") THEN
    INSERT INTO "FleetBrokenAge" ("hour", "count")
    SELECT date_trunc('hour', OLD."statusSince"), -1 WHERE OLD.status <> 'healthy'
    UNION ALL
    SELECT date_trunc('hour', NEW."statusSince"), 1 WHERE NEW.status <> 'healthy';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "connection_fleet_count_insert" AFTER INSERT ON "Connection"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "fleet_count_statement"();
CREATE TRIGGER "connection_fleet_count_delete" AFTER DELETE ON "Connection"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "fleet_count_statement"();
CREATE TRIGGER "connection_fleet_count_update" AFTER UPDATE OF status, "statusSince", "providerId", "providerName"
  ON "Connection"
  FOR EACH ROW WHEN ((OLD.status, OLD."statusSince", OLD."providerId", OLD."providerName")
                     IS DISTINCT FROM (NEW.status, NEW."statusSince", NEW."providerId", NEW."providerName"))
  EXECUTE FUNCTION "fleet_count_row"();

CREATE FUNCTION "fleet_count_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "FleetCount";
  DELETE FROM "FleetBrokenAge";
  RETURN NULL;
END $$;
CREATE TRIGGER "connection_fleet_count_truncate" AFTER TRUNCATE ON "Connection"
  FOR EACH STATEMENT EXECUTE FUNCTION "fleet_count_truncate"();

-- An incident's provider (the rollup's key, kept when its connection is deleted) and any engagement
-- recorded before the incident row was written.
CREATE FUNCTION "incident_funnel_prepare"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."providerName" = '' THEN
    NEW."providerName" := coalesce((SELECT c."providerName" FROM "Connection" c WHERE c.id = NEW."connectionId"), '');
  END IF;
  SELECT LEAST(NEW."engagedAt", min(e."createdAt") FILTER (WHERE e.type = 'link_opened' OR e.source = 'dashboard')),
         LEAST(NEW."connectOpenedAt", min(e."createdAt") FILTER (WHERE e.type = 'connect_started'))
    INTO NEW."engagedAt", NEW."connectOpenedAt"
    FROM "ConnectionEvent" e
   WHERE e."connectionId" = NEW."connectionId" AND e.type IN ('link_opened', 'connect_started')
     AND e."createdAt" >= NEW."startedAt" AND e."createdAt" <= coalesce(NEW."resolvedAt", 'infinity');
  RETURN NEW;
END $$;
CREATE TRIGGER "incident_funnel_prepare" BEFORE INSERT ON "Incident"
  FOR EACH ROW EXECUTE FUNCTION "incident_funnel_prepare"();

-- The funnel rollup follows every incident insert, change (opened → notified → engaged → Connect opened
-- → resolved) and delete: the old contribution out, the new one in.
CREATE FUNCTION "incident_repair_funnel"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "repair_funnel_add"(ARRAY(SELECT n::"Incident" FROM new_rows n), 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "repair_funnel_add"(ARRAY(SELECT o::"Incident" FROM old_rows o), -1);
  ELSE
    PERFORM "repair_funnel_add"(ARRAY(
      SELECT o::"Incident" FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o."startedAt", o."providerName", o.source, o."resolvedAt", o."notifiedAt" IS NULL,
              o."engagedAt" IS NULL, o."connectOpenedAt" IS NULL)
             IS DISTINCT FROM (n."startedAt", n."providerName", n.source, n."resolvedAt", n."notifiedAt" IS NULL,
              n."engagedAt" IS NULL, n."connectOpenedAt" IS NULL)), -1);
    PERFORM "repair_funnel_add"(ARRAY(
      SELECT n::"Incident" FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o."startedAt", o."providerName", o.source, o."resolvedAt", o."notifiedAt" IS NULL,
              o."engagedAt" IS NULL, o."connectOpenedAt" IS NULL)
             IS DISTINCT FROM (n."startedAt", n."providerName", n.source, n."resolvedAt", n."notifiedAt" IS NULL,
              n."engagedAt" IS NULL, n."connectOpenedAt" IS NULL)), 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "incident_repair_funnel_insert" AFTER INSERT ON "Incident"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_repair_funnel"();
CREATE TRIGGER "incident_repair_funnel_update" AFTER UPDATE ON "Incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_repair_funnel"();
CREATE TRIGGER "incident_repair_funnel_delete" AFTER DELETE ON "Incident"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incident_repair_funnel"();

CREATE FUNCTION "repair_funnel_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RepairFunnelDay";
  RETURN NULL;
END $$;
CREATE TRIGGER "incident_repair_funnel_truncate" AFTER TRUNCATE ON "Incident"
  FOR EACH STATEMENT EXECUTE FUNCTION "repair_funnel_truncate"();

-- Engaged (link opened, or the dashboard's Reconnect) and Connect opened: the first such event inside an
-- incident's time (from its start until it was resolved).
CREATE FUNCTION "connection_event_funnel"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Incident" i
     SET "engagedAt" = LEAST(i."engagedAt", x.engaged), "connectOpenedAt" = LEAST(i."connectOpenedAt", x.opened)
    FROM (SELECT k.id,
                 min(e."createdAt") FILTER (WHERE e.type = 'link_opened' OR e.source = 'dashboard') AS engaged,
                 min(e."createdAt") FILTER (WHERE e.type = 'connect_started') AS opened
            FROM new_rows e JOIN "Incident" k ON k."connectionId" = e."connectionId"
             AND e."createdAt" >= k."startedAt" AND e."createdAt" <= coalesce(k."resolvedAt", 'infinity')
           WHERE e.type IN ('link_opened', 'connect_started')
           GROUP BY k.id) x
   WHERE i.id = x.id
     AND (LEAST(i."engagedAt", x.engaged) IS DISTINCT FROM i."engagedAt"
          OR LEAST(i."connectOpenedAt", x.opened) IS DISTINCT FROM i."connectOpenedAt");
  RETURN NULL;
END $$;
CREATE TRIGGER "connection_event_funnel" AFTER INSERT ON "ConnectionEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "connection_event_funnel"();

-- Notified: the first delivered "needs reconnecting" email or reminder of the incident, whether the row
-- was written as sent (per statement) or became sent later (per row, only on that change).
CREATE FUNCTION "email_outbox_funnel_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Incident" i SET "notifiedAt" = LEAST(i."notifiedAt", x.at)
    FROM (SELECT "incidentId" AS id, min(coalesce("sentAt", "updatedAt")) AS at FROM new_rows
           WHERE status = 'sent' AND kind IN ('connection_broken', 'reconnect_reminder') AND "incidentId" IS NOT NULL
           GROUP BY "incidentId") x
   WHERE i.id = x.id AND LEAST(i."notifiedAt", x.at) IS DISTINCT FROM i."notifiedAt";
  RETURN NULL;
END $$;
CREATE TRIGGER "email_outbox_funnel_insert" AFTER INSERT ON "EmailOutbox"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "email_outbox_funnel_statement"();

CREATE FUNCTION "email_outbox_funnel_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Incident" SET "notifiedAt" = coalesce(NEW."sentAt", NEW."updatedAt")
   WHERE id = NEW."incidentId" AND "notifiedAt" IS NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER "email_outbox_funnel_sent" AFTER UPDATE OF status ON "EmailOutbox"
  FOR EACH ROW WHEN (NEW.status = 'sent' AND OLD.status IS DISTINCT FROM NEW.status
                     AND NEW.kind IN ('connection_broken', 'reconnect_reminder') AND NEW."incidentId" IS NOT NULL)
  EXECUTE FUNCTION "email_outbox_funnel_row"();
