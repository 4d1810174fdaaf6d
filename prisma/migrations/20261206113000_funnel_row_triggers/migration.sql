-- The repair funnel's triggers on ConnectionEvent and EmailOutbox inserts were per statement with a
-- transition table: PostgreSQL plans a query over a transition table afresh on every statement, about
-- 0.5 ms for every event written (a token read, a check), although only two event types and sent
-- emails ever move the funnel. Per row with a WHEN clause, every other insert skips the function and
-- costs nothing; the effect is the same (the earliest time wins, whatever the order of the rows).

DROP TRIGGER "connection_event_funnel" ON "ConnectionEvent";
DROP FUNCTION "connection_event_funnel"();

-- Engaged (link opened, or the dashboard's Reconnect) and Connect opened: the first such event inside an
-- incident's time (from its start until it was resolved).
CREATE FUNCTION "connection_event_funnel_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  engaged timestamp(3) := CASE WHEN NEW.type = 'link_opened' OR NEW.source = 'dashboard' THEN NEW."createdAt" END;
  opened timestamp(3) := CASE WHEN NEW.type = 'connect_started' THEN NEW."createdAt" END;
BEGIN
  UPDATE "Incident" i
     SET "engagedAt" = LEAST(i."engagedAt", engaged), "connectOpenedAt" = LEAST(i."connectOpenedAt", opened)
   WHERE i."connectionId" = NEW."connectionId"
     AND NEW."createdAt" >= i."startedAt" AND NEW."createdAt" <= coalesce(i."resolvedAt", 'infinity')
     AND (LEAST(i."engagedAt", engaged) IS DISTINCT FROM i."engagedAt"
          OR LEAST(i."connectOpenedAt", opened) IS DISTINCT FROM i."connectOpenedAt");
  RETURN NULL;
END $$;
CREATE TRIGGER "connection_event_funnel" AFTER INSERT ON "ConnectionEvent"
  FOR EACH ROW WHEN (NEW.type IN ('link_opened', 'connect_started'))
  EXECUTE FUNCTION "connection_event_funnel_row"();

-- Notified, for a row written as sent already (a row that becomes sent later has its own trigger,
-- email_outbox_funnel_sent, which this one now mirrors).
DROP TRIGGER "email_outbox_funnel_insert" ON "EmailOutbox";
DROP FUNCTION "email_outbox_funnel_statement"();
CREATE FUNCTION "email_outbox_funnel_insert_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Incident" SET "notifiedAt" = LEAST("notifiedAt", coalesce(NEW."sentAt", NEW."updatedAt"))
   WHERE id = NEW."incidentId"
     AND LEAST("notifiedAt", coalesce(NEW."sentAt", NEW."updatedAt")) IS DISTINCT FROM "notifiedAt";
  RETURN NULL;
END $$;
CREATE TRIGGER "email_outbox_funnel_insert" AFTER INSERT ON "EmailOutbox"
  FOR EACH ROW WHEN (NEW.status = 'sent' AND NEW.kind IN ('connection_broken', 'reconnect_reminder')
                     AND NEW."incidentId" IS NOT NULL)
  EXECUTE FUNCTION "email_outbox_funnel_insert_row"();
