// Multi-entity mode: the employer's entities, which of them a username can see, and a connection's entities.
import { MULTI_ENTITY_USERNAME_PREFIX, MULTI_PARTIAL_USERNAME_PREFIX } from "../defaults";
import { deterministicUuid } from "../state/ids";
import type { ConnectionRecord, ConnectionStatus, EntityRecord } from "../state/types";

/** The three companies a `multi…` username's employer holds; `multi-partial…` cannot see the first. */
export const MULTI_ENTITY_NAMES = ["Acme East", "Acme West", "Acme North"] as const;

export interface EmployerEntity {
  id: string;
  name: string;
  sourceId: string;
}

export function isMultiEntityUsername(username: string): boolean {
  return username.trim().toLowerCase().startsWith(MULTI_ENTITY_USERNAME_PREFIX);
}

/** Every entity of a multi-entity employer, stable per company id. */
export function employerEntities(companyId: string): EmployerEntity[] {
  return MULTI_ENTITY_NAMES.map((name, index) => ({
    id: deterministicUuid(`entity:${companyId}:${index}`),
    name,
    sourceId: `src-${deterministicUuid(`source:${companyId}:${index}`).slice(0, 8)}`,
  }));
}

/** The entities a username sees when it signs in to this employer (none outside multi-entity mode). */
export function visibleEntities(username: string, companyId: string): EmployerEntity[] {
  if (!isMultiEntityUsername(username)) return [];
  const all = employerEntities(companyId);
  return username.trim().toLowerCase().startsWith(MULTI_PARTIAL_USERNAME_PREFIX) ? all.slice(1) : all;
}

/** A connection's entities: its picked ones, or its one implicit entity carrying the connection status. */
export function entitiesOf(connection: ConnectionRecord): EntityRecord[] {
  return (
    connection.entities ?? [{ id: connection.entityId, name: "", sourceId: "", status: connection.status }]
  );
}

export function liveEntities(connection: ConnectionRecord): EntityRecord[] {
  return entitiesOf(connection).filter((e) => e.status !== "disconnected");
}

/** Statuses from worst to best: the connection reports the worst status among its live entities. */
const SEVERITY: ConnectionStatus[] = [
  "reauth",
  "error_permissions",
  "error_no_account_setup",
  "pending",
  "processing",
  "connected",
];

/**
 * The stand-in's choice where Finch is silent (finch-reference §13): a multi-entity connection's
 * connection-level status is the worst status among its live entities, and `disconnected` once none is live.
 */
export function connectionLevelStatus(entities: EntityRecord[]): ConnectionStatus {
  const live = entities.filter((e) => e.status !== "disconnected");
  if (live.length === 0) return "disconnected";
  return SEVERITY.find((status) => live.some((e) => e.status === status)) ?? "connected";
}

/** Names of the connected entities this username cannot see: a reauthentication fails when there are any. */
export function entitiesOutOfReach(connection: ConnectionRecord, username: string): string[] {
  if (!connection.entities) return [];
  const visible = new Set(visibleEntities(username, connection.companyId).map((e) => e.id));
  return connection.entities
    .filter((e) => e.status !== "disconnected" && !visible.has(e.id))
    .map((e) => e.name);
}
