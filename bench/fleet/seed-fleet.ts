// The fleet, seeded straight into the stand-in and the database in batches (100,000 connections
// through Connect would take hours): rows are parked a month out, then one statement puts the fleet
// mid-steady-state, its last checks spread evenly over one ideal interval before the window starts.
import crypto from "node:crypto";
import type { Client } from "pg";
import { mintSandboxConnections } from "../bench-setup";

export const FLEET_ID_PREFIX = "flt";
const BATCH = 5_000;
const ORGANIZATIONS = 100;

export interface SeededFleet {
  /** Finch connection ids, in seeding order (its index places its last check). */
  finchIds: string[];
}

type Seal = (
  connectionId: string,
  token: string,
) => { accessTokenCiphertext: string; accessTokenKeyId: string };

const INSERT_SQL = `INSERT INTO "Connection" (id, "organizationId", "finchConnectionId", "providerId", "providerName",
   products, "accessTokenCiphertext", "accessTokenKeyId", "lastCheckedAt", "lastSuccessAt", "nextCheckAt",
   "statusSince", "createdAt", "updatedAt")
 SELECT id, org, finch, 'gusto', 'Gusto', ARRAY['company','directory','individual','employment'], ct, kid,
   now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') + interval '30 days',
   (now() AT TIME ZONE 'UTC') - interval '60 days', (now() AT TIME ZONE 'UTC') - interval '60 days', now() AT TIME ZONE 'UTC'
 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, org, finch, ct, kid)`;

/** Index i of N was last checked (i + 0.5) / N of an ideal interval before the window starts. */
export const SCHEDULE_FLEET_SQL = `UPDATE "Connection" SET
   "lastCheckedAt" = $1::timestamp - make_interval(secs => $2::float8 * (substring(id, 4, 7)::int + 0.5) / $3::int),
   "nextCheckAt" = $1::timestamp + make_interval(secs => $2::float8 * (1 - (substring(id, 4, 7)::int + 0.5) / $3::int))
 WHERE id LIKE '${FLEET_ID_PREFIX}%'`;

export function lastCheckOf(index: number, count: number, windowStart: number, idealMs: number): number {
  return windowStart - (idealMs * (index + 0.5)) / count;
}

export async function seedFleet(options: {
  client: Client;
  finchUrl: string;
  count: number;
  seal: Seal;
  progress: (line: string) => void;
}): Promise<SeededFleet> {
  const { client, count } = options;
  const orgIds = Array.from({ length: ORGANIZATIONS }, () => `org${crypto.randomBytes(10).toString("hex")}`);
  await client.query(
    `INSERT INTO "Organization" (id, name) SELECT id, 'Fleet ' || id FROM unnest($1::text[]) id`,
    [orgIds],
  );
  const finchIds: string[] = [];
  for (let from = 0; from < count; from += BATCH) {
    const size = Math.min(BATCH, count - from);
    const connections = await mintSandboxConnections({
      finchUrl: options.finchUrl,
      count: size,
      employeeSize: 1,
    });
    const columns: string[][] = [[], [], [], [], []];
    connections.forEach((connection, k) => {
      const index = from + k;
      const id = `${FLEET_ID_PREFIX}${String(index).padStart(7, "0")}${crypto.randomBytes(6).toString("hex")}`;
      const sealed = options.seal(id, connection.access_token);
      columns[0]!.push(id);
      columns[1]!.push(orgIds[index % ORGANIZATIONS]!);
      columns[2]!.push(connection.connection_id);
      columns[3]!.push(sealed.accessTokenCiphertext);
      columns[4]!.push(sealed.accessTokenKeyId);
      finchIds.push(connection.connection_id);
    });
    await client.query(INSERT_SQL, columns);
    options.progress(`seeded ${from + size} of ${count} connections`);
  }
  return { finchIds };
}

/** Puts the parked fleet mid-steady-state: last checks spread over one ideal before `windowStart`. */
export async function scheduleFleet(client: Client, windowStart: number, idealMs: number, count: number) {
  await client.query(SCHEDULE_FLEET_SQL, [
    new Date(windowStart).toISOString().slice(0, -1),
    idealMs / 1000,
    count,
  ]);
}
