// Seeds a large fleet in a few set-based statements (generate_series), for the operator console's
// scale test and benchmark. Everything is derived from the row number g, so the expected counts can be
// computed independently (expectedFleet below). Ids and provider ids carry `tag`, so runs never collide.
import type { Db } from "@/lib/db";

export interface FleetShape {
  tag: string;
  connections: number;
  now: Date;
}

export const SCALE_PROVIDERS = ["gusto", "adp", "rippling", "paychex", "bamboo"];
const CONNECTIONS_PER_ORG = 5;

export async function seedFleetAtScale(db: Db, { tag, connections, now }: FleetShape): Promise<void> {
  const orgs = Math.ceil(connections / CONNECTIONS_PER_ORG);
  const providers = SCALE_PROVIDERS.map((name) => `${tag}_${name}`);
  await db.$executeRaw`
    INSERT INTO "Organization" (id, name, "createdAt")
    SELECT ${tag} || 'o' || g, 'Scale Org ' || ${tag} || ' ' || g, ${now}::timestamp FROM generate_series(1, ${orgs}::int) g`;
  await db.$executeRaw`
    INSERT INTO "User" (id, email) SELECT ${tag} || 'u' || g, 'owner' || g || '@' || ${tag} || '.scale.test'
      FROM generate_series(1, ${orgs}::int) g`;
  await db.$executeRaw`
    INSERT INTO "Membership" (id, "userId", "organizationId", role)
    SELECT ${tag} || 'm' || g, ${tag} || 'u' || g, ${tag} || 'o' || g, 'owner' FROM generate_series(1, ${orgs}::int) g`;
  // Every fifth connection is broken, since (g mod 240) hours; providers rotate every 7 rows.
  await db.$executeRaw`
    INSERT INTO "Connection" (id, "organizationId", "finchConnectionId", "providerId", "providerName", products,
      status, "finchStatus", "statusSince", "statusSource", "lastCheckedAt", "accessTokenCiphertext", "accessTokenKeyId",
      "createdAt", "updatedAt")
    SELECT ${tag} || 'c' || g, ${tag} || 'o' || ((g - 1) / ${CONNECTIONS_PER_ORG}::int + 1), ${tag} || 'f' || g,
           (${providers}::text[])[(g / 7) % 5 + 1], (${providers}::text[])[(g / 7) % 5 + 1], '{company,directory}',
           CASE WHEN g % 5 = 0 THEN 'needs_reauth' ELSE 'healthy' END::"ConnectionStatus",
           CASE WHEN g % 5 = 0 THEN 'reauth' ELSE 'connected' END,
           ${now}::timestamp - make_interval(hours => CASE WHEN g % 5 = 0 THEN g % 240 ELSE 24 * 40 END),
           (ARRAY['webhook', 'sweep', 'api_error'])[g % 3 + 1]::"DetectionSource",
           ${now}::timestamp - make_interval(mins => g % 90), 'unused', 'none', ${now}::timestamp, ${now}::timestamp
      FROM generate_series(1, ${connections}::int) g`;
  // Open incidents for the broken ones; resolved ones (repaired after g mod 48 + 1 hours) for g mod 10 = 1.
  await db.$executeRaw`
    INSERT INTO "Incident" (id, "connectionId", "startedAt", source, "resolvedAt")
    SELECT ${tag} || 'i' || g, ${tag} || 'c' || g, ${now}::timestamp - make_interval(hours => g % 240),
           (ARRAY['webhook', 'sweep', 'api_error'])[g % 3 + 1]::"DetectionSource", NULL
      FROM generate_series(5, ${connections}::int, 5) g
    UNION ALL
    SELECT ${tag} || 'r' || g, ${tag} || 'c' || g, ${now}::timestamp - make_interval(days => g % 30 + 1),
           (ARRAY['webhook', 'sweep', 'api_error'])[g % 3 + 1]::"DetectionSource",
           ${now}::timestamp - make_interval(days => g % 30 + 1) + make_interval(hours => g % 48 + 1)
      FROM generate_series(1, ${connections}::int, 10) g`;
  // Each open incident's notice was delivered; some were opened, some went on to Connect.
  await db.$executeRaw`
    INSERT INTO "EmailOutbox" (id, "dedupeKey", kind, "organizationId", "connectionId", "incidentId", "userId", "to",
      status, "sentAt", "createdAt", "updatedAt")
    SELECT ${tag} || 'e' || g, 'broken:' || ${tag} || 'i' || g, 'connection_broken',
           ${tag} || 'o' || ((g - 1) / ${CONNECTIONS_PER_ORG}::int + 1), ${tag} || 'c' || g, ${tag} || 'i' || g,
           ${tag} || 'u' || ((g - 1) / ${CONNECTIONS_PER_ORG}::int + 1), 'owner@scale.test', 'sent',
           ${now}::timestamp - make_interval(hours => g % 240), ${now}::timestamp - make_interval(hours => g % 240),
           ${now}::timestamp
      FROM generate_series(5, ${connections}::int, 5) g`;
  await db.$executeRaw`
    INSERT INTO "ConnectionEvent" (id, "connectionId", "organizationId", type, source, "createdAt")
    SELECT ${tag} || 'v' || g, ${tag} || 'c' || g, ${tag} || 'o' || ((g - 1) / ${CONNECTIONS_PER_ORG}::int + 1),
           CASE WHEN g % 3 = 0 THEN 'connect_started' ELSE 'link_opened' END,
           CASE WHEN g % 3 = 0 THEN 'dashboard' ELSE NULL END,
           ${now}::timestamp - make_interval(hours => g % 240) + interval '1 minute'
      FROM generate_series(5, ${connections}::int, 10) g`;
  await db.$executeRawUnsafe(
    `ANALYZE "Organization", "User", "Membership", "Connection", "Incident", "EmailOutbox", "ConnectionEvent"`,
  );
}
